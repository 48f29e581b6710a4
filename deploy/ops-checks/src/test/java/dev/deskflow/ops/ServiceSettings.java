package dev.deskflow.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The environment variables a service reads, taken from the {@code ${NAME:default}}
 * placeholders of its {@code application.yml}, so that deployment files are checked
 * against the settings as they are now, not as they were when the files were written.
 *
 * @param service the service module
 * @param defaults each variable with its local default
 */
record ServiceSettings(String service, Map<String, String> defaults) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	/** The suffixes of settings that say where another server is. */
	private static final Pattern CONNECTION = Pattern.compile(".*_(URL|URI|HOST|BOOTSTRAP_SERVERS)$");

	static ServiceSettings of(String service) {
		String yaml = Project.read(Project.file(service + "/src/main/resources/application.yml"));
		Map<String, String> defaults = new LinkedHashMap<>();
		Matcher matcher = PLACEHOLDER.matcher(yaml);
		while (matcher.find()) {
			defaults.putIfAbsent(matcher.group(1), (matcher.group(2) != null) ? matcher.group(2) : "");
		}
		return new ServiceSettings(service, defaults);
	}

	Set<String> variables() {
		return this.defaults.keySet();
	}

	/**
	 * @return the variables a deployment must set because their defaults point at the
	 * developer's machine: addresses of other servers and the ports that go with them
	 */
	Set<String> connections() {
		return this.defaults.entrySet()
			.stream()
			.filter((entry) -> CONNECTION.matcher(entry.getKey()).matches()
					|| entry.getKey().equals("DESKFLOW_REDIS_PORT") || entry.getValue().contains("127.0.0.1"))
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	/**
	 * @return the variables that hold credentials and must come from a secret
	 */
	Set<String> secrets() {
		return this.defaults.keySet()
			.stream()
			.filter(ServiceSettings::isSecret)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	static boolean isSecret(String variable) {
		return variable.endsWith("_PASSWORD") || variable.endsWith("_TOKEN") || variable.endsWith("_SECRET");
	}

}
