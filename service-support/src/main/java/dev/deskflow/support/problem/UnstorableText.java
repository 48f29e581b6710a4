package dev.deskflow.support.problem;

import io.r2dbc.spi.R2dbcException;

import org.springframework.util.ClassUtils;

/**
 * Recognises PostgreSQL refusing text it cannot store (a NUL character in a query
 * parameter or a JSON string: SQLSTATE 22021, or 22P05 for a character the database
 * encoding lacks). That is bad input to answer with 400, not a failure of the service.
 * Services without R2DBC never see such errors.
 */
final class UnstorableText {

	private static final boolean R2DBC_PRESENT = ClassUtils.isPresent("io.r2dbc.spi.R2dbcException",
			UnstorableText.class.getClassLoader());

	private UnstorableText() {
	}

	static boolean causes(Throwable failure) {
		return R2DBC_PRESENT && Causes.unstorableText(failure);
	}

	/** Loaded only when R2DBC is on the classpath. */
	private static final class Causes {

		static boolean unstorableText(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof R2dbcException database
						&& ("22021".equals(database.getSqlState()) || "22P05".equals(database.getSqlState()))) {
					return true;
				}
			}
			return false;
		}

	}

}
