package dev.deskflow.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of {@code kustomize build} that Deskflow's manifests use, so that they are
 * rendered and checked on a machine without kubectl or kustomize: {@code resources}
 * (files and folders), strategic-merge {@code patches} (maps merged, lists of named items
 * merged by {@code name}, other lists replaced, as kustomize does for the fields used
 * here), {@code namespace}, {@code labels} (without selectors) and {@code images}. A
 * kustomization that uses anything else fails the build instead of rendering something
 * else than kustomize would.
 */
final class Kustomize {

	private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
			"images", "patches");

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"CustomResourceDefinition", "PriorityClass", "StorageClass");

	private Kustomize() {
	}

	/**
	 * @param folder a folder with a {@code kustomization.yaml}
	 * @return the rendered objects, in the order kustomize emits resources
	 */
	static List<ObjectNode> build(Path folder) {
		Path file = folder.resolve("kustomization.yaml");
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("No kustomization.yaml in " + folder);
		}
		JsonNode kustomization = Project.yaml(file);
		kustomization.fieldNames().forEachRemaining((field) -> {
			if (!SUPPORTED.contains(field)) {
				throw new IllegalArgumentException(file + " uses '" + field + "', which these checks do not render");
			}
		});
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode resource : kustomization.path("resources")) {
			Path path = folder.resolve(resource.asText()).normalize();
			if (Files.isDirectory(path)) {
				objects.addAll(build(path));
			}
			else {
				Project.yamlDocuments(path).forEach((document) -> objects.add((ObjectNode) document));
			}
		}
		for (JsonNode patch : kustomization.path("patches")) {
			if (!patch.has("path") || patch.has("target")) {
				throw new IllegalArgumentException(file + ": only patches from a file, matched by kind and name");
			}
			Project.yamlDocuments(folder.resolve(patch.path("path").asText()))
				.forEach((document) -> merge(find(objects, document, file), document));
		}
		if (kustomization.has("namespace")) {
			String namespace = kustomization.path("namespace").asText();
			objects.stream()
				.filter((object) -> !CLUSTER_SCOPED.contains(object.path("kind").asText()))
				.forEach((object) -> ((ObjectNode) object.path("metadata")).put("namespace", namespace));
		}
		for (JsonNode labels : kustomization.path("labels")) {
			if (labels.path("includeSelectors").asBoolean(false)) {
				throw new IllegalArgumentException(file + ": labels with includeSelectors are not rendered here");
			}
			for (ObjectNode object : objects) {
				addLabels(object.with("metadata").with("labels"), labels.path("pairs"));
				if (labels.path("includeTemplates").asBoolean(false) && object.path("spec").has("template")) {
					addLabels(object.with("spec").with("template").with("metadata").with("labels"),
							labels.path("pairs"));
				}
			}
		}
		for (JsonNode image : kustomization.path("images")) {
			objects.forEach((object) -> containers(object).forEach((container) -> retag(container, image)));
		}
		return objects;
	}

	private static ObjectNode find(List<ObjectNode> objects, JsonNode patch, Path file) {
		String kind = patch.path("kind").asText();
		String name = patch.path("metadata").path("name").asText();
		List<ObjectNode> matches = objects.stream()
			.filter((object) -> object.path("kind").asText().equals(kind)
					&& object.path("metadata").path("name").asText().equals(name))
			.toList();
		if (matches.size() != 1) {
			throw new IllegalArgumentException(
					file + ": a patch of " + kind + " " + name + " matches " + matches.size() + " resources");
		}
		return matches.get(0);
	}

	static void merge(ObjectNode target, JsonNode patch) {
		Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			JsonNode current = target.get(field.getKey());
			JsonNode value = field.getValue();
			if (value.isNull()) {
				target.remove(field.getKey());
			}
			else if (current instanceof ObjectNode object && value.isObject()) {
				merge(object, value);
			}
			else if (current instanceof ArrayNode list && value.isArray() && isNamedList(list) && isNamedList(value)) {
				mergeNamed(list, value);
			}
			else {
				target.set(field.getKey(), value.deepCopy());
			}
		}
	}

	private static boolean isNamedList(JsonNode list) {
		for (JsonNode item : list) {
			if (!item.isObject() || !item.has("name")) {
				return false;
			}
		}
		return !list.isEmpty();
	}

	private static void mergeNamed(ArrayNode target, JsonNode patch) {
		for (JsonNode item : patch) {
			ObjectNode existing = null;
			for (JsonNode candidate : target) {
				if (candidate.path("name").equals(item.path("name"))) {
					existing = (ObjectNode) candidate;
				}
			}
			if (existing != null) {
				merge(existing, item);
			}
			else {
				target.add(item.deepCopy());
			}
		}
	}

	private static void addLabels(ObjectNode labels, JsonNode pairs) {
		pairs.fields().forEachRemaining((pair) -> labels.set(pair.getKey(), pair.getValue().deepCopy()));
	}

	/**
	 * @param object a rendered object
	 * @return the containers and init containers of its pod template, if it has one
	 */
	static List<ObjectNode> containers(JsonNode object) {
		List<ObjectNode> containers = new ArrayList<>();
		JsonNode pod = object.path("spec").path("template").path("spec");
		for (String field : List.of("initContainers", "containers")) {
			pod.path(field).forEach((container) -> containers.add((ObjectNode) container));
		}
		return containers;
	}

	private static void retag(ObjectNode container, JsonNode image) {
		String reference = container.path("image").asText();
		int tag = reference.lastIndexOf(':');
		int at = reference.indexOf('@');
		int end = (at >= 0) ? at : ((tag > reference.lastIndexOf('/')) ? tag : reference.length());
		if (!reference.substring(0, end).equals(image.path("name").asText())) {
			return;
		}
		String name = image.path("newName").asText(reference.substring(0, end));
		String suffix = reference.substring(end);
		if (image.has("digest")) {
			suffix = "@" + image.path("digest").asText();
		}
		else if (image.has("newTag")) {
			suffix = ":" + image.path("newTag").asText();
		}
		container.put("image", name + suffix);
	}

}
