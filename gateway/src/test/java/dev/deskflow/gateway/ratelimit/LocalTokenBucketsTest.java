package dev.deskflow.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTokenBucketsTest {

	final AtomicLong now = new AtomicLong(1_000_000);

	final LocalTokenBuckets buckets = new LocalTokenBuckets(3, this.now::get);

	final TokenBucket tenant = new TokenBucket("tenant:acme", 10, Duration.ofSeconds(10));

	final TokenBucket user = new TokenBucket("user:acme:ann", 2, Duration.ofSeconds(10));

	@Test
	void refusesWhenAnyBucketIsEmptyAndTakesFromNone() {
		assertThat(this.buckets.takeNow(List.of(this.tenant, this.user), 1).allowed()).isTrue();
		assertThat(this.buckets.takeNow(List.of(this.tenant, this.user), 1).allowed()).isTrue();

		Decision refused = this.buckets.takeNow(List.of(this.tenant, this.user), 1);

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.limit()).as("the user's bucket binds").isEqualTo(2);
		assertThat(refused.retryAfterMillis()).isEqualTo(5000);
		assertThat(this.buckets.takeNow(List.of(this.tenant), 1).remaining()).as("the refusal took nothing")
			.isEqualTo(7);
	}

	@Test
	void refillsAtCapacityPerPeriod() {
		this.buckets.takeNow(List.of(this.user), 2);
		assertThat(this.buckets.takeNow(List.of(this.user), 1).allowed()).isFalse();

		this.now.addAndGet(5000);

		this.buckets.take(List.of(this.user), 1)
			.as(StepVerifier::create)
			.assertNext((decision) -> assertThat(decision.allowed()).isTrue())
			.verifyComplete();
	}

	@Test
	void staysBoundedInMemory() {
		for (int i = 0; i < 10; i++) {
			this.buckets.takeNow(List.of(new TokenBucket("addr:" + i, 5, Duration.ofMinutes(1))), 1);
		}
		assertThat(this.buckets.size()).isLessThanOrEqualTo(3);
	}

}
