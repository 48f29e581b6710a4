package dev.deskflow.ticket.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.ticket.Keyset;

import org.springframework.util.MultiValueMap;

/**
 * The parameters of an article list: full text, category, tag, status (staff only), page
 * size and keyset cursor, plus the tenant slug that anonymous readers name.
 *
 * @param tenant the {@code tenant} parameter, or {@code null}
 * @param text the {@code q} full-text query, or {@code null}
 * @param category only this category, or {@code null}
 * @param tag only articles with this tag, or {@code null}
 * @param status only this status, or {@code null} for every status the reader may see
 * @param limit the page size
 * @param after the position to continue after, or {@code null}
 */
record ArticleQuery(String tenant, String text, String category, String tag, ArticleStatus status, int limit,
		Keyset after) {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private static final List<String> PARAMETERS = List.of("tenant", "q", "category", "tag", "status", "limit",
			"cursor");

	static ArticleQuery parse(MultiValueMap<String, String> params) {
		List<FieldError> errors = new ArrayList<>();
		for (String name : params.keySet()) {
			if (!PARAMETERS.contains(name)) {
				errors.add(new FieldError(name, "unknown parameter; known: " + String.join(", ", PARAMETERS)));
			}
			else if (params.get(name).size() > 1) {
				errors.add(new FieldError(name, "give it once"));
			}
		}
		String text = bounded(params, "q", 200, errors);
		String category = bounded(params, "category", 100, errors);
		String tag = bounded(params, "tag", 50, errors);
		String tenant = bounded(params, "tenant", 63, errors);
		ArticleStatus status = null;
		String statusValue = params.getFirst("status");
		if (statusValue != null) {
			try {
				status = ArticleStatus.valueOf(statusValue.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("status", "one of DRAFT, PUBLISHED"));
			}
		}
		int limit = DEFAULT_LIMIT;
		String limitValue = params.getFirst("limit");
		if (limitValue != null) {
			try {
				limit = Integer.parseInt(limitValue);
			}
			catch (NumberFormatException ex) {
				limit = -1;
			}
			if (limit < 1 || limit > MAX_LIMIT) {
				errors.add(new FieldError("limit", "a number from 1 to " + MAX_LIMIT));
			}
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The list has invalid parameters.", errors);
		}
		return new ArticleQuery(tenant, text, category, tag, status, limit, Keyset.decode(params.getFirst("cursor")));
	}

	private static String bounded(MultiValueMap<String, String> params, String name, int max, List<FieldError> errors) {
		String value = params.getFirst(name);
		if (value != null && (value.isBlank() || value.length() > max)) {
			errors.add(new FieldError(name, "text of 1 to " + max + " characters"));
			return null;
		}
		return value;
	}

}
