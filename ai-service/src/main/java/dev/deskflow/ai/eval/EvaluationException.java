package dev.deskflow.ai.eval;

/**
 * A problem with the command's input, reported as one line on stderr with a sysexits
 * code.
 */
class EvaluationException extends Exception {

	static final int USAGE = 64;

	static final int DATA = 65;

	static final int NO_INPUT = 66;

	private final int exitCode;

	EvaluationException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
