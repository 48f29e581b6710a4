package dev.deskflow.launcher;

/**
 * A launch that cannot go on, with a message meant for the person who ran it.
 */
class LaunchException extends RuntimeException {

	LaunchException(String message) {
		super(message);
	}

}
