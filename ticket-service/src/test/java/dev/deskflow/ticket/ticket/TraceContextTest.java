package dev.deskflow.ticket.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.topic.Topics;
import dev.deskflow.support.tracing.TraceContexts;
import dev.deskflow.testsupport.KafkaRecords;
import dev.deskflow.testsupport.RealServers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's trace continues through the outbox: the event it wrote reaches Kafka with a
 * {@code traceparent} header of the same trace, although the relay publishes it later, on
 * another thread, outside the request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class TraceContextTest {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void theEventOfARequestCarriesTheRequestsTrace() {
		String customer = DeskFixture.create(this.database, this.web, "trace").customer;
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String ticketId = (String) this.web.post()
			.uri("/api/tickets")
			.headers((headers) -> headers.setBearerAuth(customer))
			.header(TraceContexts.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01")
			.bodyValue(Map.of("subject", "Traced " + traceId, "description", "Follow me."))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		List<ConsumerRecord<String, String>> records = KafkaRecords.awaitMatching(this.bootstrapServers,
				Topics.TICKET_EVENTS, (record) -> ticketId.equals(record.key()), 1, Duration.ofSeconds(30));
		Header traceparent = records.get(0).headers().lastHeader(TraceContexts.TRACEPARENT);
		assertThat(traceparent).as("traceparent header").isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.US_ASCII)).startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
	}

}
