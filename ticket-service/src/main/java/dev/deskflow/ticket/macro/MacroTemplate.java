package dev.deskflow.ticket.macro;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply template: text with {@code {{placeholders}}} filled from the ticket, its
 * requester and the agent applying the macro. Only the names below exist; a template
 * naming another is refused when the macro is saved.
 */
final class MacroTemplate {

	/** Every placeholder a template may use. */
	static final List<String> PLACEHOLDERS = List.of("ticket.id", "ticket.subject", "ticket.status", "ticket.priority",
			"ticket.category", "requester.name", "requester.email", "agent.name", "agent.email");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private MacroTemplate() {
	}

	/**
	 * @param template a template
	 * @return the placeholders it names that do not exist, in order
	 */
	static Set<String> unknown(String template) {
		Set<String> unknown = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			if (!PLACEHOLDERS.contains(matcher.group(1))) {
				unknown.add(matcher.group(1));
			}
		}
		return unknown;
	}

	/**
	 * @param template a template with known placeholders only
	 * @param values the value of each placeholder (a missing one renders empty)
	 * @return the text
	 */
	static String render(String template, Map<String, String> values) {
		return PLACEHOLDER.matcher(template)
			.replaceAll((match) -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), "")));
	}

}
