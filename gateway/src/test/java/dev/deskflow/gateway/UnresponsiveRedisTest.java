package dev.deskflow.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.gateway.ratelimit.RateLimitProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis accepts the connection but never answers (a hung server, or a proxy in front of a
 * dead one): opening Spring Data Redis's shared connection would block the thread that
 * opens it. The gateway opens it off its event loops, limits locally meanwhile (decision
 * 005), and answers concurrent requests at once instead of queueing them behind blocked
 * event loops.
 */
class UnresponsiveRedisTest {

	static DisposableServer mute;

	static Gateway gateway;

	@BeforeAll
	static void startWithAMuteRedis() {
		// reads whatever it is sent and never writes a byte
		mute = TcpServer.create().host("127.0.0.1").port(0).handle((in, out) -> in.receive().then()).bindNow();
		gateway = Gateway.start(Map.of("spring.data.redis.port", Integer.toString(mute.port())));
	}

	@AfterAll
	static void stop() {
		gateway.close();
		mute.disposeNow();
	}

	@Test
	void answersConcurrentRequestsAtOnceAndLimitsLocally() {
		String token = TestServers.TOKENS.valid("acme", UUID.randomUUID().toString());
		WebClient client = WebClient.create("http://127.0.0.1:" + gateway.port());
		int requests = 16;

		List<HttpStatus> statuses = Flux.range(0, requests)
			.flatMap((i) -> client.get()
				.uri("/api/tickets")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
				// far longer than a local decision takes, far shorter than a blocked
				// connect
				.timeout(Duration.ofSeconds(5)), requests)
			.map((status) -> HttpStatus.valueOf(status.value()))
			.collectList()
			.block();

		assertThat(statuses).hasSize(requests).containsOnly(HttpStatus.OK);
		assertThat(RateLimitProbe.sharedConnectionOpen(gateway)).isFalse();
		MeterRegistry meters = gateway.bean(MeterRegistry.class);
		assertThat(meters.get("deskflow.gateway.ratelimit.decisions")
			.tag("store", "local")
			.tag("outcome", "allowed")
			.counter()
			.count()).isGreaterThanOrEqualTo(requests);
		assertThat(meters.find("deskflow.gateway.ratelimit.decisions").tag("store", "redis").counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

}
