package dev.deskflow.ticket.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;

import org.springframework.util.MultiValueMap;

/**
 * How a file's columns become ticket fields: a known layout (named by {@code layout} or
 * recognised by the header) or a {@code mapping} such as
 * {@code externalId:Key,subject:Title,description:Text}.
 *
 * @param layout the layout, {@code null} until the header is read when none was named
 * @param columns the column of each mapped field
 */
record ImportPlan(ImportLayout layout, Map<ImportField, String> columns) {

	private static final List<String> PARAMETERS = List.of("layout", "mapping");

	static ImportPlan parse(MultiValueMap<String, String> params) {
		List<FieldError> errors = new ArrayList<>();
		params.forEach((name, values) -> {
			if (!PARAMETERS.contains(name)) {
				errors.add(new FieldError(name, "unknown parameter; known: layout, mapping"));
			}
			else if (values.size() > 1) {
				errors.add(new FieldError(name, "give it once"));
			}
		});
		String layoutName = params.getFirst("layout");
		String mapping = params.getFirst("mapping");
		ImportLayout layout = null;
		if (layoutName != null) {
			layout = ImportLayout.of(layoutName).orElse(null);
			if (layout == null || layout == ImportLayout.MAPPED) {
				errors.add(new FieldError("layout", "one of endava, endava-original, hadoop, deskflow"));
			}
		}
		Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
		if (mapping != null) {
			if (layoutName != null) {
				errors.add(new FieldError("mapping", "give either a layout or a mapping"));
			}
			for (String pair : mapping.split(",")) {
				String[] parts = pair.split(":", 2);
				ImportField field = ImportField.of(parts[0].strip()).orElse(null);
				if (field == null || parts.length < 2 || parts[1].isBlank()) {
					errors.add(new FieldError("mapping", "'" + pair + "' is not field:column with a field of "
							+ List.of(ImportField.values()).stream().map((f) -> f.parameter).toList()));
				}
				else if (columns.put(field, parts[1].strip()) != null) {
					errors.add(new FieldError("mapping", field.parameter + " is mapped twice"));
				}
			}
			if (!columns.containsKey(ImportField.EXTERNAL_ID)) {
				errors.add(new FieldError("mapping", "externalId must be mapped: it makes re-imports idempotent"));
			}
			if (!columns.containsKey(ImportField.DESCRIPTION) && !columns.containsKey(ImportField.SUBJECT)) {
				errors.add(new FieldError("mapping", "map description or subject"));
			}
			layout = ImportLayout.MAPPED;
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The import has invalid parameters.", errors);
		}
		return new ImportPlan(layout, (layout != null && layout != ImportLayout.MAPPED) ? layout.columns() : columns);
	}

	/**
	 * Settles the layout once the header is known.
	 * @param header the file's column names
	 * @return the plan for this file
	 * @throws ProblemException 400 naming the missing columns, or when no layout fits
	 */
	ImportPlan forHeader(List<String> header) {
		ImportPlan plan = this;
		if (this.layout == null) {
			ImportLayout detected = ImportLayout.detect(header)
				.orElseThrow(() -> ProblemException.invalid(
						"The CSV's header " + header + " is not a known layout; name one with layout= or map the "
								+ "columns with mapping=externalId:<column>,description:<column>,...",
						List.of(new FieldError("layout", "no known layout matches the header"))));
			plan = new ImportPlan(detected, detected.columns());
		}
		List<FieldError> missing = plan.columns.entrySet()
			.stream()
			.filter((entry) -> !header.contains(entry.getValue()))
			.map((entry) -> new FieldError(entry.getValue(),
					"missing column (for " + entry.getKey().parameter + "); the header has " + header))
			.toList();
		if (!missing.isEmpty()) {
			throw ProblemException.invalid("The CSV lacks columns of its layout.", missing);
		}
		return plan;
	}

}
