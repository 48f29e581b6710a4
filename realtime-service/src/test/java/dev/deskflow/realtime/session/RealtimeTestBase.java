package dev.deskflow.realtime.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.testsupport.SharedServers;
import dev.deskflow.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.awaitility.Awaitility.await;

/**
 * A whole realtime-service on the JVM's real Kafka and Redis, with tokens signed by a key
 * whose JWKS a local HTTP stub serves, and real WebSocket clients.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(kafka = true, redis = true)
abstract class RealtimeTestBase {

	static final TestTokens TOKENS = TestTokens.start("test-key");

	static final EventJson EVENTS = new EventJson();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void jwks(DynamicPropertyRegistry registry) {
		registry.add("deskflow.security.jwks-uri", RealtimeTestBase::jwksUri);
		createTopics();
	}

	static String jwksUri() {
		return TOKENS.jwksUri();
	}

	@Autowired
	WebTestClient web;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@LocalServerPort
	int port;

	@BeforeEach
	void fanoutIsListening() {
		awaitAssigned(this.listeners);
	}

	static void awaitAssigned(KafkaListenerEndpointRegistry listeners) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var container = listeners.getListenerContainer("realtime-fanout");
			return container != null && container.getAssignedPartitions() != null
					&& container.getAssignedPartitions().size() >= 2;
		});
	}

	static String tenant(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String token(UUID user, String tenant, Role role) {
		return TOKENS.mint(user, tenant, role.name());
	}

	String connectTicket(UUID user, String tenant, Role role) {
		return connectTicket(this.web, token(user, tenant, role));
	}

	static String connectTicket(WebTestClient web, String token) {
		JsonNode body = web.post()
			.uri("/api/realtime/connect-tickets")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return body.get("ticket").asString();
	}

	Client connect(UUID user, String tenant, Role role) {
		return Client.open(this.port, connectTicket(user, tenant, role));
	}

	void publish(String tenant, DeskflowEvent event) {
		publish(EventEnvelope.of("/ticket-service", TenantId.of(tenant), event));
	}

	void publish(EventEnvelope<?> envelope) {
		try {
			this.kafka.send(Topics.of(envelope.data()), envelope.subject(), EVENTS.writeString(envelope)).get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void createTopics() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers()))) {
			for (String topic : List.of(Topics.TICKET_EVENTS, Topics.AI_EVENTS)) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException(ex);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A real WebSocket client that records every frame it receives.
	 */
	static final class Client {

		final List<JsonNode> frames = new CopyOnWriteArrayList<>();

		final AtomicReference<CloseStatus> closed = new AtomicReference<>();

		private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();

		private Disposable connection;

		static Client open(int port, String ticket) {
			Client client = new Client();
			client.connection = new ReactorNettyWebSocketClient()
				.execute(URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + ticket),
						(session) -> session.send(client.out.asFlux().map(session::textMessage))
							.and(session.receive()
								.doOnNext((message) -> client.frames.add(JSON.readTree(message.getPayloadAsText())))
								.then())
							.and(session.closeStatus().doOnNext(client.closed::set)))
				.subscribe();
			return client;
		}

		void send(String frame) {
			this.out.tryEmitNext(frame);
		}

		/**
		 * Sends the frame and waits until a reply whose type matches the pattern arrives.
		 */
		JsonNode sendAndAwait(String frame, String replyType) {
			int before = this.frames.size();
			send(frame);
			return awaitFrame(replyType, before);
		}

		JsonNode awaitFrame(String type, int from) {
			AtomicReference<JsonNode> found = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (int i = from; i < this.frames.size(); i++) {
					if (this.frames.get(i).path("type").asString().matches(type)) {
						found.set(this.frames.get(i));
						return true;
					}
				}
				return false;
			});
			return found.get();
		}

		List<JsonNode> events() {
			return this.frames.stream().filter((frame) -> "event".equals(frame.path("type").asString())).toList();
		}

		void subscribe(String channel) {
			sendAndAwait("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}", "subscribed");
		}

		void close() {
			this.connection.dispose();
		}

	}

}
