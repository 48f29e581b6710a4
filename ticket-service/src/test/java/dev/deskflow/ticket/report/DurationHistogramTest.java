package dev.deskflow.ticket.report;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The histogram's percentiles against the exact {@code percentile_cont} of the same
 * durations, bucketed as V21's {@code report_ticket_measures} does.
 */
class DurationHistogramTest {

	@Test
	void staysWithinFivePercentOfTheExactPercentile() {
		Random random = new Random(21);
		for (int size : new int[] { 1, 2, 3, 7, 100, 5000 }) {
			double[] seconds = new double[size];
			DurationHistogram histogram = new DurationHistogram();
			for (int i = 0; i < size; i++) {
				seconds[i] = Math.exp(random.nextDouble() * Math.log(30 * 86400.0));
				histogram.add(bucket(seconds[i]), 1);
			}
			Arrays.sort(seconds);
			for (double fraction : new double[] { 0, 0.5, 0.9, 1 }) {
				assertThat(histogram.percentile(fraction)).as(size + " durations, " + fraction)
					.isCloseTo(percentileCont(seconds, fraction), withinPercentage(5));
			}
			assertThat(histogram.count()).isEqualTo(size);
		}
	}

	@Test
	void keepsDurationsUnderASecondWithinASecond() {
		DurationHistogram histogram = new DurationHistogram();
		histogram.add(bucket(0), 3);
		histogram.add(bucket(0.4), 1);
		assertThat(histogram.percentile(0.5)).isCloseTo(0, within(1.0));
		assertThat(histogram.percentile(0.9)).isLessThan(1);
	}

	@Test
	void hasNoPercentileWithoutDurations() {
		assertThat(new DurationHistogram().percentile(0.5)).isNull();
		assertThat(new DurationHistogram().count()).isZero();
	}

	/** The bucket V21's {@code report_ticket_measures} gives a duration. */
	private static int bucket(double seconds) {
		return (seconds < 1) ? 0 : 1 + (int) Math.floor(Math.log(seconds) / Math.log(DurationHistogram.RATIO));
	}

	private static double percentileCont(double[] sorted, double fraction) {
		double rank = fraction * (sorted.length - 1);
		int below = (int) Math.floor(rank);
		return (below + 1 < sorted.length) ? sorted[below] + (rank - below) * (sorted[below + 1] - sorted[below])
				: sorted[below];
	}

}
