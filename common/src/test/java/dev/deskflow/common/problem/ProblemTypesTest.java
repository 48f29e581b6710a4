package dev.deskflow.common.problem;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTest {

	@Test
	void definesOneStableUriPerProblemUnderTheBase() throws IllegalAccessException {
		List<URI> types = new ArrayList<>();
		for (Field field : ProblemTypes.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == URI.class) {
				types.add((URI) field.get(null));
			}
		}

		assertThat(types).doesNotHaveDuplicates()
			.extracting(URI::toString)
			.containsExactlyInAnyOrder("https://deskflow.dev/problems/validation",
					"https://deskflow.dev/problems/not-found", "https://deskflow.dev/problems/unauthorized",
					"https://deskflow.dev/problems/forbidden", "https://deskflow.dev/problems/conflict",
					"https://deskflow.dev/problems/precondition-failed", "https://deskflow.dev/problems/too-large",
					"https://deskflow.dev/problems/rate-limited", "https://deskflow.dev/problems/service-unavailable",
					"https://deskflow.dev/problems/internal", "https://deskflow.dev/problems/precondition-required",
					"https://deskflow.dev/problems/method-not-allowed",
					"https://deskflow.dev/problems/unsupported-media-type");
	}

	@Test
	void namesTheProblemMediaType() {
		assertThat(ProblemTypes.MEDIA_TYPE).isEqualTo("application/problem+json");
	}

}
