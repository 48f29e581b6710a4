package dev.deskflow.ticket.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted in log-spaced buckets, as the rollup keeps them (V21's
 * {@code report_ticket_measures}): bucket 0 holds durations under 1 s, bucket
 * {@code b >= 1} those in {@code [RATIO^(b-1), RATIO^b)} seconds. A percentile is
 * interpolated like PostgreSQL's {@code percentile_cont} between the two order statistics
 * around its rank, each estimated inside its bucket; as every estimate lies in the same
 * bucket as the duration it stands for, the result is within 5 % (under 1 s: within 1 s)
 * of the exact {@code percentile_cont}.
 */
final class DurationHistogram {

	/** The ratio of a bucket's upper to its lower bound. */
	static final double RATIO = 1.05;

	private final TreeMap<Integer, Long> counts = new TreeMap<>();

	private long total;

	void add(int bucket, long count) {
		this.counts.merge(bucket, count, Long::sum);
		this.total += count;
	}

	long count() {
		return this.total;
	}

	/**
	 * @param fraction the percentile as a fraction, 0 to 1
	 * @return the estimated percentile in seconds, or null without any duration
	 */
	Double percentile(double fraction) {
		if (this.total <= 0) {
			return null;
		}
		double rank = fraction * (this.total - 1);
		long below = (long) Math.floor(rank);
		double weight = rank - below;
		double lower = orderStatistic(below);
		return (weight == 0) ? lower : lower + weight * (orderStatistic(below + 1) - lower);
	}

	/**
	 * @param index the 0-based rank of a duration
	 * @return that duration estimated by spreading its bucket's durations evenly over the
	 * bucket
	 */
	private double orderStatistic(long index) {
		long before = 0;
		for (Map.Entry<Integer, Long> bucket : this.counts.entrySet()) {
			long inBucket = bucket.getValue();
			if (index < before + inBucket) {
				double low = lowerBound(bucket.getKey());
				double high = upperBound(bucket.getKey());
				return low + (index - before + 0.5) / inBucket * (high - low);
			}
			before += inBucket;
		}
		throw new IllegalArgumentException("Rank " + index + " of " + this.total);
	}

	static double lowerBound(int bucket) {
		return (bucket == 0) ? 0 : Math.pow(RATIO, bucket - 1);
	}

	static double upperBound(int bucket) {
		return Math.pow(RATIO, bucket);
	}

}
