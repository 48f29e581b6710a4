package dev.deskflow.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.deskflow.testsupport.SharedServers;

/**
 * The stubs shared by every gateway test of the JVM, and the settings that point a
 * gateway at them.
 */
public final class TestServers {

	public static final Tokens TOKENS = new Tokens();

	public static final EchoService SERVICES = new EchoService(0);

	private TestServers() {
	}

	/**
	 * @param redisKeyPrefix isolates the test's buckets from every other test's
	 * @return settings for a gateway in front of the stubs, with generous limits
	 */
	static Map<String, Object> gatewayProperties(String redisKeyPrefix) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("deskflow.gateway.services.ticket", SERVICES.uri());
		properties.put("deskflow.gateway.services.ai", SERVICES.uri());
		properties.put("deskflow.gateway.services.realtime", SERVICES.uri());
		properties.put("deskflow.gateway.jwt.jwks-uri", TOKENS.jwksUri());
		properties.put("deskflow.gateway.redis-key-prefix", redisKeyPrefix);
		properties.put("deskflow.gateway.rate-limits.anonymous.capacity", "1000");
		properties.put("deskflow.gateway.resilience.response-timeouts.ticket", "3s");
		properties.put("deskflow.gateway.edge.max-import-size", "3MB");
		return properties;
	}

	/**
	 * For gateways started outside Spring's test framework: command-line arguments, which
	 * win over {@code application.yml}.
	 */
	static String[] arguments(Map<String, Object> overrides) {
		Map<String, Object> properties = gatewayProperties("test-" + System.nanoTime() + ":");
		properties.put("server.port", "0");
		// no Actuator server: its child context would dispose Reactor Netty's global
		// resources
		properties.put("management.server.port", "-1");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", Integer.toString(SharedServers.redis().port()));
		properties.putAll(overrides);
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

}
