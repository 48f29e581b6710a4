package dev.deskflow.support.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * The Commons Logging factory of every service (registered through
 * {@code META-INF/services/org.apache.commons.logging.LogFactory}): Commons Logging on
 * SLF4J, like the factory Commons Logging 1.3 picks by itself, except that a message is
 * turned into text only when its level is enabled.
 * <p>
 * Spring Framework 7 logs through Apache Commons Logging instead of its own
 * {@code spring-jcl}, and Commons Logging's SLF4J adapter calls {@code toString()} on
 * every message before SLF4J checks the level. Spring's {@code LogMessage} relies on that
 * check to stay lazy, so every disabled {@code logger.debug(LogMessage.format(...))} was
 * formatted anyway: Spring Security's request matchers alone did so several times per
 * request (spring-projects/spring-framework#37266). This restores the laziness.
 */
public final class LazySlf4jLogFactory extends LogFactory {

	private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(String[]::new);
	}

	@Override
	public Log getInstance(Class<?> clazz) {
		return getInstance(clazz.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, (key) -> new LazySlf4jLog(LoggerFactory.getLogger(key)));
	}

	@Override
	public void release() {
		this.logs.clear();
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

}
