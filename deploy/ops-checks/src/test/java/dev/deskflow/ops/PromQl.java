package dev.deskflow.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Label matchers, range selectors, string
 * literals, Grafana variables, grouping clauses and function names are removed first;
 * every identifier left is a metric name. Grafana's {@code label_values(metric, label)}
 * variable query reads the metric.
 */
final class PromQl {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.+),\\s*\\w+\\s*\\)\\s*$");

	private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "bool", "inf", "nan", "Inf", "NaN");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String stripped = LABEL_VALUES.matcher(expression).replaceAll("$1");
		stripped = STRING.matcher(stripped).replaceAll("\"\"");
		stripped = GRAFANA_VARIABLE.matcher(stripped).replaceAll("");
		stripped = stripped.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
		stripped = GROUPING.matcher(stripped).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(stripped);
		while (identifier.find()) {
			boolean function = identifier.group(2) != null;
			String name = identifier.group(1);
			if (!function && !KEYWORDS.contains(name) && !name.matches("\\d.*")) {
				names.add(name);
			}
		}
		return names;
	}

}
