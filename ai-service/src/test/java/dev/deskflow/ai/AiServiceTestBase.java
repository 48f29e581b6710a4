package dev.deskflow.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import dev.deskflow.ai.model.BaseModel;
import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.KbArticlePublished;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * A whole ai-service on the JVM's real PostgreSQL, Kafka and Redis, with access tokens
 * signed by a key whose JWKS a local HTTP stub serves. Every Spring test of the module
 * extends it, so they share one context (and one consumer of the event topics), and
 * starts once the base model is ready. Tiny Word2Vec settings keep training fast.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ai", kafka = true, redis = true)
public abstract class AiServiceTestBase {

	protected static final EventJson EVENTS = new EventJson();

	private static final TestTokens TOKENS = TestTokens.start("ai-test-key");

	protected static final Path MODEL_DIRECTORY = temporaryDirectory();

	@DynamicPropertySource
	static void testSettings(DynamicPropertyRegistry registry) {
		registry.add("deskflow.security.jwks-uri", TOKENS::jwksUri);
		registry.add("deskflow.ai.models.directory", MODEL_DIRECTORY::toString);
		registry.add("deskflow.ai.models.min-solved-tickets", () -> "8");
		registry.add("deskflow.ai.models.dimensions", () -> "16");
		registry.add("deskflow.ai.models.epochs", () -> "2");
		registry.add("deskflow.ai.models.min-count", () -> "1");
		registry.add("deskflow.ai.models.retrain-after-solved", () -> "20");
		registry.add("deskflow.ai.consumer.retry-interval", () -> "100ms");
		registry.add("deskflow.ai.consumer.max-attempts", () -> "3");
	}

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	BaseModel baseModel;

	@BeforeEach
	void consumerIsAssignedAndTheBaseModelSettled() {
		// the base model is prepared in the background after start-up; waiting for it
		// makes
		// every test see the same models
		await().atMost(Duration.ofSeconds(120)).until(this.baseModel::settled);
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			var container = this.listeners.getListenerContainer("ai-corpus");
			return container != null && container.getAssignedPartitions() != null
					&& !container.getAssignedPartitions().isEmpty();
		});
	}

	protected static String tenant(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	protected static String token(UUID user, String tenant, Role role) {
		return TOKENS.mint(user, tenant, role.name());
	}

	protected static String agent(String tenant) {
		return token(UUID.randomUUID(), tenant, Role.AGENT);
	}

	protected EventEnvelope<?> publish(String tenant, DeskflowEvent event) {
		EventEnvelope<?> envelope = EventEnvelope.of("/ticket-service", TenantId.of(tenant), event);
		publish(envelope);
		return envelope;
	}

	protected void publish(EventEnvelope<?> envelope) {
		send(Topics.of(envelope.data()), envelope.subject(), EVENTS.writeString(envelope));
	}

	protected void send(String topic, String key, String value) {
		try {
			this.kafka.send(topic, key, value).get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Raises a ticket by events as ticket-service would.
	 * @return the envelope of {@code ticket.created}
	 */
	protected EventEnvelope<?> raise(String tenant, UUID ticket, UUID requester, String subject, String description,
			String category, TicketPriority priority) {
		return publish(tenant, new TicketCreated(ticket, requester, subject, description, TicketStatus.NEW, priority,
				category, List.of(), TicketChannel.WEB, now()));
	}

	/**
	 * Raises a ticket, answers it publicly as an agent and solves it.
	 */
	protected void solvedTicket(String tenant, UUID ticket, String subject, String description, String category,
			TicketPriority priority, String resolution) {
		raise(tenant, ticket, UUID.randomUUID(), subject, description, category, priority);
		reply(tenant, ticket, resolution, false);
		publish(tenant,
				new TicketStatusChanged(ticket, TicketStatus.NEW, TicketStatus.SOLVED, UUID.randomUUID(), now()));
	}

	protected EventEnvelope<?> reply(String tenant, UUID ticket, String body, boolean internal) {
		return publish(tenant,
				new TicketCommented(ticket, UUID.randomUUID(), UUID.randomUUID(), Role.AGENT, body, internal, now()));
	}

	protected void article(String tenant, UUID article, String title, String body) {
		publish(tenant, new KbArticlePublished(article, title, body, null, List.of(), now()));
	}

	protected static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("deskflow-ai-models");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
