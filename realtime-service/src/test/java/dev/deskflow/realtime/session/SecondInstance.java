package dev.deskflow.realtime.session;

import java.util.Map;

import dev.deskflow.realtime.RealtimeServiceApplication;
import dev.deskflow.testsupport.SharedServers;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A second realtime-service on the same Kafka and Redis, started once per test JVM (after
 * a test context has created the topics) and closed by Spring's shutdown hook.
 */
final class SecondInstance {

	private static ConfigurableApplicationContext context;

	private SecondInstance() {
	}

	static synchronized int port() {
		if (context == null) {
			context = start(Map.of());
		}
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Starts another instance on the test's servers and waits until its fan-out listens.
	 * @param settings properties beyond the servers' (they win over application.yml)
	 * @return the running instance; the caller closes it
	 */
	static ConfigurableApplicationContext start(Map<String, String> settings) {
		Map<String, String> properties = new java.util.HashMap<>(Map.of("server.port", "0",
				"spring.kafka.bootstrap-servers", SharedServers.kafka().bootstrapServers(), "spring.data.redis.host",
				"127.0.0.1", "spring.data.redis.port", Integer.toString(SharedServers.redis().port()),
				"deskflow.security.jwks-uri", RealtimeTestBase.jwksUri(), "logging.level.org.apache.kafka", "WARN"));
		properties.putAll(settings);
		ConfigurableApplicationContext started = new SpringApplicationBuilder(RealtimeServiceApplication.class)
			.initializers((app) -> app.getBeanFactory().addBeanPostProcessor(new OwnNettyResources()))
			// command-line arguments: they win over application.yml, as the test
			// context's properties do
			.run(arguments(properties));
		RealtimeTestBase.awaitAssigned(started.getBean(KafkaListenerEndpointRegistry.class));
		return started;
	}

	private static String[] arguments(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Closing this second instance must not dispose Reactor Netty's global event loops,
	 * which the test's own instance keeps using.
	 */
	static final class OwnNettyResources implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String name) {
			if (bean instanceof ReactorResourceFactory factory) {
				factory.setUseGlobalResources(false);
			}
			return bean;
		}

	}

}
