package dev.deskflow.ai;

import java.util.UUID;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.RoundTrips;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

class AiServiceTalksToItsServersTest extends AiServiceTestBase {

	@Autowired
	DatabaseClient database;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	AiProperties properties;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void recordsAProcessedEventInItsOwnDatabase() {
		UUID eventId = UUID.randomUUID();
		this.database.sql("insert into processed_events (event_id, tenant_id, event_type) values (:id, :tenant, :type)")
			.bind("id", eventId)
			.bind("tenant", "probe-tenant")
			.bind("type", "ticket.created")
			.then()
			.thenMany(this.database.sql("select event_type from processed_events where event_id = :id")
				.bind("id", eventId)
				.map((row, meta) -> row.get("event_type", String.class))
				.all())
			.as(StepVerifier::create)
			.expectNext("ticket.created")
			.verifyComplete();
	}

	@Test
	void publishesARecordThatAConsumerReadsBack() {
		RoundTrips.assertKafkaRoundTrip(this.kafka, this.bootstrapServers);
	}

	@Test
	void writesAndReadsBackARedisKeyUnderItsPrefix() {
		RoundTrips.assertRedisRoundTrip(this.redis, this.properties.redisKeyPrefix());
	}

	@Test
	void isReadyWithDatabaseKafkaAndRedisUp() {
		Actuator.assertReady(this.web, "r2dbc", "kafka", "redis");
	}

	@Test
	void isLiveAndExportsPrometheusMetrics() {
		Actuator.assertLiveWithPrometheusMetrics(this.web, "ai-service");
	}

}
