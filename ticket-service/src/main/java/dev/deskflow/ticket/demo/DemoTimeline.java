package dev.deskflow.ticket.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a demo ticket stands when the demo is seeded: its status and timestamps, derived
 * from a hash of the row's source key so that every seeding tells the same story. About
 * 15 % of the tickets are new, 25 % open, 10 % pending, 35 % solved and 15 % closed,
 * created over the 60 days before seeding.
 *
 * @param status the ticket's status
 * @param createdAt when the requester raised it
 * @param firstRespondedAt when an agent first answered, or {@code null} for a new ticket
 * @param solvedAt when it was solved, or {@code null} unless solved or closed
 * @param updatedAt the last change
 * @param internalNoteAt when an agent left an internal note, or {@code null} for none
 */
record DemoTimeline(String status, Instant createdAt, Instant firstRespondedAt, Instant solvedAt, Instant updatedAt,
		Instant internalNoteAt) {

	static final Duration SPREAD = Duration.ofDays(60);

	private static final Duration CLOSED_AFTER = Duration.ofDays(4);

	/**
	 * @param sourceKey the row's source key
	 * @param seededAt when the demo is seeded; nothing happens after it
	 * @return the ticket's timeline
	 */
	static DemoTimeline of(String sourceKey, Instant seededAt) {
		ByteBuffer hash = ByteBuffer.wrap(sha256("deskflow-demo|" + sourceKey));
		Instant now = seededAt.truncatedTo(ChronoUnit.MICROS);
		String status = statusFor(Integer.remainderUnsigned(hash.getInt(), 100));
		Instant created = now.minusSeconds(1 + Long.remainderUnsigned(hash.getLong(), SPREAD.toSeconds()));
		if (status.equals("NEW")) {
			return new DemoTimeline(status, created, null, null, created, null);
		}
		Instant responded = atMost(now, created.plus(between(hash, Duration.ofMinutes(5), Duration.ofHours(8))));
		Instant solved = null;
		Instant updated = responded;
		Instant note = null;
		if (status.equals("SOLVED") || status.equals("CLOSED")) {
			solved = atMost(now, responded.plus(between(hash, Duration.ofMinutes(30), Duration.ofDays(5))));
			updated = status.equals("CLOSED") ? atMost(now, solved.plus(CLOSED_AFTER)) : solved;
		}
		else if (status.equals("OPEN") && (hash.get() & 3) == 0) {
			note = atMost(now, responded.plus(between(hash, Duration.ofMinutes(10), Duration.ofHours(6))));
			updated = note;
		}
		return new DemoTimeline(status, created, responded, solved, updated, note);
	}

	private static String statusFor(int percentile) {
		if (percentile < 15) {
			return "NEW";
		}
		if (percentile < 40) {
			return "OPEN";
		}
		if (percentile < 50) {
			return "PENDING";
		}
		return (percentile < 85) ? "SOLVED" : "CLOSED";
	}

	private static Duration between(ByteBuffer hash, Duration min, Duration max) {
		long span = max.minus(min).toSeconds();
		return min.plusSeconds(Integer.toUnsignedLong(hash.getInt()) % span);
	}

	private static Instant atMost(Instant limit, Instant instant) {
		return instant.isAfter(limit) ? limit : instant;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
