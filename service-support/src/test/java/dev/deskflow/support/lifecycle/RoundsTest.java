package dev.deskflow.support.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rounds run one after the other while started, go on after a failed round, and end on
 * stop; a disabled instance never runs one.
 */
class RoundsTest {

	@Test
	void runsRoundAfterRoundAndGoesOnAfterAFailure() {
		Counting rounds = new Counting(true, 2);
		rounds.start();
		try {
			assertThat(rounds.isRunning()).isTrue();
			// the second round fails; the ones after it still come
			await().atMost(Duration.ofSeconds(10)).until(() -> rounds.calls.get() >= 4);
		}
		finally {
			rounds.stop();
		}
		assertThat(rounds.isRunning()).isFalse();
	}

	@Test
	void noRoundStartsAfterStop() {
		Counting rounds = new Counting(true, 0);
		rounds.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> rounds.calls.get() >= 1);
		rounds.stop();
		int stoppedAt = rounds.calls.get();

		// a further round would have come within 10 intervals; none does
		Counting witness = new Counting(true, 0);
		witness.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> witness.calls.get() >= 10);
		witness.stop();
		assertThat(rounds.calls.get()).isEqualTo(stoppedAt);
	}

	@Test
	void aDisabledInstanceNeverRuns() {
		Counting rounds = new Counting(false, 0);
		rounds.start();

		assertThat(rounds.isRunning()).isFalse();
		Counting witness = new Counting(true, 0);
		witness.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> witness.calls.get() >= 10);
		witness.stop();
		assertThat(rounds.calls.get()).isZero();
		rounds.stop();
		assertThat(rounds.isRunning()).isFalse();
	}

	/**
	 * Counts its rounds; the round numbered {@code failing} (from 1) fails.
	 */
	private static final class Counting extends Rounds {

		final AtomicInteger calls = new AtomicInteger();

		private final int failing;

		Counting(boolean enabled, int failing) {
			super("Counting", LoggerFactory.getLogger(RoundsTest.class), enabled, Duration.ZERO, Duration.ofMillis(20));
			this.failing = failing;
		}

		@Override
		protected Mono<?> round() {
			return Mono.fromCallable(this.calls::incrementAndGet)
				.flatMap((call) -> (call == this.failing) ? Mono.error(new IllegalStateException("round " + call))
						: Mono.just(call));
		}

	}

}
