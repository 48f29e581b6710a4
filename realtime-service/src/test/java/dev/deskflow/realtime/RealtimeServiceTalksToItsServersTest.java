package dev.deskflow.realtime;

import dev.deskflow.testsupport.Actuator;
import dev.deskflow.testsupport.RealServers;
import dev.deskflow.testsupport.RoundTrips;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(kafka = true, redis = true)
class RealtimeServiceTalksToItsServersTest {

	@Autowired
	WebTestClient web;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	RealtimeProperties properties;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void publishesARecordThatAConsumerReadsBack() {
		RoundTrips.assertKafkaRoundTrip(this.kafka, this.bootstrapServers);
	}

	@Test
	void writesAndReadsBackARedisKeyUnderItsPrefix() {
		RoundTrips.assertRedisRoundTrip(this.redis, this.properties.redisKeyPrefix());
	}

	@Test
	void isReadyWithKafkaAndRedisUp() {
		Actuator.assertReady(this.web, "kafka", "redis");
	}

	@Test
	void isLiveAndExportsPrometheusMetrics() {
		Actuator.assertLiveWithPrometheusMetrics(this.web, "realtime-service");
	}

}
