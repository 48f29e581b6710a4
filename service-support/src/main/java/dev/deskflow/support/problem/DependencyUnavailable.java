package dev.deskflow.support.problem;

import java.util.Set;

/**
 * Recognises a failure to reach a server the service depends on (Redis, PostgreSQL): the
 * request was fine and may succeed shortly, so the answer is 503, not 500. Matched by the
 * names of the exception types (and their supertypes) in the cause chain, so that a
 * service without one of these clients needs none of them on its classpath.
 */
final class DependencyUnavailable {

	private static final Set<String> TYPES = Set.of("org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.QueryTimeoutException", "io.lettuce.core.RedisConnectionException",
			"io.lettuce.core.RedisCommandTimeoutException", "io.r2dbc.spi.R2dbcNonTransientResourceException",
			"io.r2dbc.spi.R2dbcTransientResourceException", "io.r2dbc.spi.R2dbcTimeoutException");

	private DependencyUnavailable() {
	}

	static boolean causes(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
				if (TYPES.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

}
