package dev.deskflow.realtime.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.realtime.RealtimeServiceApplication;
import dev.deskflow.testsupport.SharedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several realtime-service instances behind the gateway behave as one: each consumes
 * every event (a consumer group per instance), delivers it once to its own sockets, and
 * appends it once to the tenant's replay stream, so both sockets see the same event id.
 */
class TwoInstancesTest extends RealtimeTestBase {

	static ConfigurableApplicationContext second;

	/** After the test's own instance is up (its set-up creates the topics). */
	@BeforeEach
	void startSecondInstance() {
		if (second != null) {
			return;
		}
		second = new SpringApplicationBuilder(RealtimeServiceApplication.class)
			.initializers((context) -> context.getBeanFactory().addBeanPostProcessor(new OwnNettyResources()))
			// command-line arguments: they win over application.yml, as the test
			// context's properties do
			.run(arguments(Map.of("server.port", "0", "spring.kafka.bootstrap-servers",
					SharedServers.kafka().bootstrapServers(), "spring.data.redis.host", "127.0.0.1",
					"spring.data.redis.port", Integer.toString(SharedServers.redis().port()),
					"deskflow.security.jwks-uri", jwksUri(), "logging.level.org.apache.kafka", "WARN")));
		awaitAssigned(second.getBean(KafkaListenerEndpointRegistry.class));
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void eachInstanceDeliversAnEventOnceToItsSocketsWithTheSameReplayId() {
		String tenant = tenant("acme");
		int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		Client onFirst = connect(UUID.randomUUID(), tenant, Role.AGENT);
		// a connect ticket from one instance opens a socket on another: tickets live in
		// Redis
		Client onSecond = Client.open(secondPort, connectTicket(UUID.randomUUID(), tenant, Role.AGENT));
		onFirst.subscribe("queue");
		onSecond.subscribe("queue");

		UUID first = UUID.randomUUID();
		UUID then = UUID.randomUUID();
		publish(tenant, RealtimeSessionsTest.created(first, UUID.randomUUID()));
		publish(tenant, RealtimeSessionsTest.created(then, UUID.randomUUID()));
		await().until(() -> onFirst.events().size() >= 2 && onSecond.events().size() >= 2);

		assertThat(ticketIds(onFirst.events())).containsExactly(first.toString(), then.toString());
		assertThat(ticketIds(onSecond.events())).containsExactly(first.toString(), then.toString());
		assertThat(onFirst.events()).extracting((event) -> event.path("id").asString())
			.containsExactlyElementsOf(onSecond.events().stream().map((event) -> event.path("id").asString()).toList());
		onFirst.close();
		onSecond.close();
	}

	private static String[] arguments(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	private static List<String> ticketIds(List<JsonNode> events) {
		return events.stream().map((event) -> event.path("data").path("ticketId").asString()).toList();
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
