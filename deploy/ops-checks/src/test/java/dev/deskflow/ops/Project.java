package dev.deskflow.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.Yaml;

/**
 * The project folder, its four services and a YAML reader for the files under test.
 * Jackson 2 here, not the services' Jackson 3: the fabric8 Kubernetes model these checks
 * parse manifests with is built on Jackson 2.
 */
final class Project {

	/** The four services, as their modules and images are named. */
	static final List<String> SERVICES = List.of("gateway", "ticket-service", "ai-service", "realtime-service");

	static final ObjectMapper YAML = new YAMLMapper();

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Path ROOT = findRoot();

	private Project() {
	}

	static Path root() {
		return ROOT;
	}

	static Path file(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads one YAML document with SnakeYAML, which resolves anchors and merge keys
	 * ({@code <<: *defaults}) as Docker Compose does; Jackson's YAML reader keeps
	 * {@code <<} as a plain key.
	 * @param file a YAML file holding one document
	 * @return its tree
	 */
	static JsonNode yaml(Path file) {
		return JSON.valueToTree(new Yaml().load(read(file)));
	}

	/**
	 * @param file a YAML file holding documents separated by {@code ---}
	 * @return every non-empty document
	 */
	static List<JsonNode> yamlDocuments(Path file) {
		try (var parser = new YAMLFactory().createParser(file.toFile())) {
			return YAML.readValues(parser, JsonNode.class)
				.readAll()
				.stream()
				.filter((node) -> node != null && !node.isNull() && !node.isMissingNode())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not valid YAML: " + file, ex);
		}
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null
				&& !(Files.isRegularFile(dir.resolve("deskflow")) && Files.isDirectory(dir.resolve("deploy")))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Run the ops checks inside the Deskflow project");
		}
		return dir;
	}

}
