package dev.deskflow.ticket;

import java.util.UUID;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.testsupport.RoundTrips;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class TicketServiceTalksToItsServersTest {

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	TicketProperties properties;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void writesAndReadsBackARowMigratedByFlyway() {
		UUID id = UUID.randomUUID();
		String slug = "probe-" + id.toString().substring(0, 8);
		this.database.sql("insert into tenants (id, slug, name) values (:id, :slug, :name)")
			.bind("id", id)
			.bind("slug", slug)
			.bind("name", "Probe tenant")
			.then()
			.thenMany(this.database.sql("select slug, name from tenants where id = :id")
				.bind("id", id)
				.map((row, meta) -> row.get("slug", String.class) + "/" + row.get("name", String.class))
				.all())
			.as(StepVerifier::create)
			.expectNext(slug + "/Probe tenant")
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
		Actuator.assertLiveWithPrometheusMetrics(this.web, "ticket-service");
	}

}
