package dev.deskflow.ops;

import java.util.regex.Pattern;

/** What counts as a pinned container image reference. */
final class Images {

	/** A tag with a version number in it, or a digest; never {@code latest}. */
	private static final Pattern PINNED = Pattern
		.compile("[^:@\\s]+(:[A-Za-z0-9._-]*\\d[A-Za-z0-9._-]*|@sha256:[0-9a-f]{64})");

	private Images() {
	}

	static boolean isPinned(String image) {
		return PINNED.matcher(image).matches() && !image.endsWith(":latest");
	}

}
