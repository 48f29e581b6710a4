package dev.deskflow.ops;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One rendering of {@code k8s/} (the base or an overlay): the rendered trees and the same
 * objects parsed with the fabric8 Kubernetes model.
 *
 * @param name the base or overlay, as the tests name it
 * @param trees the rendered objects as trees
 * @param objects the rendered objects parsed; custom resources as
 * {@link GenericKubernetesResource}
 */
record Manifests(String name, List<ObjectNode> trees, List<HasMetadata> objects) {

	/** The base and both overlays, by the folder under {@code k8s/}. */
	static final List<String> RENDERINGS = List.of("base", "overlays/shared", "overlays/dedicated-tenant");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	static Manifests render(String folder) {
		List<ObjectNode> trees = Kustomize.build(Project.file("k8s/" + folder));
		List<HasMetadata> objects = trees.stream()
			.map((tree) -> SERIALIZATION.convertValue(tree, HasMetadata.class))
			.toList();
		return new Manifests(folder, trees, objects);
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> T one(Class<T> type, String name) {
		List<T> matches = all(type).stream().filter((object) -> object.getMetadata().getName().equals(name)).toList();
		if (matches.size() != 1) {
			throw new AssertionError(this.name + " has " + matches.size() + " " + type.getSimpleName() + " " + name);
		}
		return matches.get(0);
	}

	List<GenericKubernetesResource> custom(String kind) {
		return all(GenericKubernetesResource.class).stream().filter((object) -> object.getKind().equals(kind)).toList();
	}

	/**
	 * The fields the typed model did not know (a misspelt {@code readinesProbe} lands in
	 * {@code additionalProperties} instead of failing the parse).
	 * @param object a parsed object of a built-in kind
	 * @return the path of each unknown field
	 */
	static List<String> unknownFields(Object object) {
		List<String> unknown = new ArrayList<>();
		collectUnknown(object, object.getClass().getSimpleName(), unknown);
		return unknown;
	}

	private static void collectUnknown(Object value, String path, List<String> unknown) {
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collectUnknown(item, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			Object field = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) field).keySet().forEach((key) -> unknown.add(path + "." + key));
			}
			else {
				collectUnknown(field, path + "." + getter.getName().substring(3), unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(getter.toString(), ex);
		}
	}

}
