package dev.deskflow.gateway;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole gateway application started by a test, as one replica of several would run: its
 * own context, its own port, the JVM's Redis unless told otherwise.
 */
public final class Gateway implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private Gateway(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static Gateway start(Map<String, Object> overrides) {
		return new Gateway(
				new SpringApplicationBuilder(GatewayApplication.class).run(TestServers.arguments(overrides)));
	}

	/**
	 * What Spring Boot's test framework does for its own contexts: closing this gateway
	 * must not dispose Reactor Netty's global event loops, which the other gateways of
	 * the JVM use.
	 */
	private static final class OwnNettyResources implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String name) {
			if (bean instanceof ReactorResourceFactory factory) {
				factory.setUseGlobalResources(false);
			}
			return bean;
		}

	}

	WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port()).build();
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	int managementPort() {
		return this.context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
