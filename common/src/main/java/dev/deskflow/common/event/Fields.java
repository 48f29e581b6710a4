package dev.deskflow.common.event;

import java.util.List;
import java.util.Objects;

/**
 * Validation shared by the event records' compact constructors.
 */
final class Fields {

	private Fields() {
	}

	static <T> T required(T value, String name) {
		return Objects.requireNonNull(value, () -> name + " is required");
	}

	static String requiredText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required and must not be blank");
		}
		return value;
	}

	/**
	 * An immutable copy; an absent list is an empty one, so consumers never see
	 * {@code null}.
	 */
	static <T> List<T> list(List<T> values, String name) {
		if (values == null) {
			return List.of();
		}
		for (T value : values) {
			required(value, name + " element");
		}
		return List.copyOf(values);
	}

}
