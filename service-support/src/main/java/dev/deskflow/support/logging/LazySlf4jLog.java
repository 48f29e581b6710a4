package dev.deskflow.support.logging;

import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * A Commons Logging {@link Log} on an SLF4J {@link Logger} that checks the level before
 * it turns the message into text. Location-aware, so log lines name the caller, not this
 * class. {@code fatal} logs at {@code ERROR}.
 */
final class LazySlf4jLog implements Log {

	private static final String FQCN = LazySlf4jLog.class.getName();

	private final Logger logger;

	private final LocationAwareLogger located;

	LazySlf4jLog(Logger logger) {
		this.logger = logger;
		this.located = (logger instanceof LocationAwareLogger aware) ? aware : null;
	}

	@Override
	public boolean isTraceEnabled() {
		return this.logger.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return this.logger.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return this.logger.isInfoEnabled();
	}

	@Override
	public boolean isWarnEnabled() {
		return this.logger.isWarnEnabled();
	}

	@Override
	public boolean isErrorEnabled() {
		return this.logger.isErrorEnabled();
	}

	@Override
	public boolean isFatalEnabled() {
		return this.logger.isErrorEnabled();
	}

	@Override
	public void trace(Object message) {
		trace(message, null);
	}

	@Override
	public void trace(Object message, Throwable failure) {
		if (this.logger.isTraceEnabled()) {
			log(LocationAwareLogger.TRACE_INT, message, failure);
		}
	}

	@Override
	public void debug(Object message) {
		debug(message, null);
	}

	@Override
	public void debug(Object message, Throwable failure) {
		if (this.logger.isDebugEnabled()) {
			log(LocationAwareLogger.DEBUG_INT, message, failure);
		}
	}

	@Override
	public void info(Object message) {
		info(message, null);
	}

	@Override
	public void info(Object message, Throwable failure) {
		if (this.logger.isInfoEnabled()) {
			log(LocationAwareLogger.INFO_INT, message, failure);
		}
	}

	@Override
	public void warn(Object message) {
		warn(message, null);
	}

	@Override
	public void warn(Object message, Throwable failure) {
		if (this.logger.isWarnEnabled()) {
			log(LocationAwareLogger.WARN_INT, message, failure);
		}
	}

	@Override
	public void error(Object message) {
		error(message, null);
	}

	@Override
	public void error(Object message, Throwable failure) {
		if (this.logger.isErrorEnabled()) {
			log(LocationAwareLogger.ERROR_INT, message, failure);
		}
	}

	@Override
	public void fatal(Object message) {
		error(message, null);
	}

	@Override
	public void fatal(Object message, Throwable failure) {
		error(message, failure);
	}

	private void log(int level, Object message, Throwable failure) {
		String text = String.valueOf(message);
		if (this.located != null) {
			this.located.log(null, FQCN, level, text, null, failure);
			return;
		}
		switch (level) {
			case LocationAwareLogger.TRACE_INT -> this.logger.trace(text, failure);
			case LocationAwareLogger.DEBUG_INT -> this.logger.debug(text, failure);
			case LocationAwareLogger.INFO_INT -> this.logger.info(text, failure);
			case LocationAwareLogger.WARN_INT -> this.logger.warn(text, failure);
			default -> this.logger.error(text, failure);
		}
	}

}
