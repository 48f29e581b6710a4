package dev.deskflow.ticket.ticket;

import dev.deskflow.support.problem.ProblemException;

/**
 * Optimistic concurrency of a versioned resource: its version is its strong {@code ETag}
 * ({@code "3"}), and a write names the version it read in {@code If-Match}. Public for
 * the other versioned resources of the service (SLA policies and calendar).
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @param version a resource's version
	 * @return its ETag
	 */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * @param ifMatch the request's {@code If-Match}: ETags separated by commas (weak ones
	 * compared by their value), or {@code *} for any version
	 * @param version the resource's current version
	 * @return whether the request may change the resource
	 */
	public static boolean matches(String ifMatch, long version) {
		String current = etag(version);
		for (String tag : ifMatch.split(",")) {
			String value = tag.strip();
			if ("*".equals(value) || value.replaceFirst("^W/", "").equals(current)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param ifMatch the request's {@code If-Match}, or {@code null}
	 * @return the header
	 * @throws ProblemException 428 when the request has none
	 */
	public static String required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw ProblemException.preconditionRequired();
		}
		return ifMatch;
	}

	/**
	 * @param ifMatch the request's {@code If-Match}
	 * @param version the resource's current version
	 * @param what the resource in words, e.g. {@code "The SLA policy"}
	 * @throws ProblemException 412 when the resource changed since the client read it
	 */
	public static void require(String ifMatch, long version, String what) {
		if (!matches(ifMatch, version)) {
			throw ProblemException.preconditionFailed(what + " changed since you read it (now version " + version
					+ "); reload it and apply your change again.");
		}
	}

}
