package dev.deskflow.ticket.report;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What the rollup counts (migration V21, {@code report_ticket_measures} and
 * {@code report_rating_measures}): each measure is counted per slot of its grain, at the
 * moment of a ticket or rating it is about, and per key.
 */
enum Measure {

	/** Tickets created; key {@code ''}. */
	CREATED(Grain.HOUR, Moment.CREATED),

	/** Tickets created, by current status. */
	STATUS(Grain.DAY, Moment.CREATED),

	/** Tickets created, by category ({@code (none)} without one). */
	CATEGORY(Grain.DAY, Moment.CREATED),

	/** Tickets created, by priority. */
	PRIORITY(Grain.DAY, Moment.CREATED),

	/** Tickets created, by channel. */
	CHANNEL(Grain.DAY, Moment.CREATED),

	/** Open tickets (NEW, OPEN, PENDING), by creation hour; key {@code ''}. */
	OPEN(Grain.HOUR, Moment.CREATED),

	/** Open tickets by assignee, whenever created. */
	ASSIGNED(Grain.NONE, Moment.CREATED),

	/** Tickets solved; key {@code ''}. */
	SOLVED(Grain.HOUR, Moment.SOLVED),

	/** Tickets solved, by assignee ({@code ''} without one). */
	SOLVED_BY(Grain.DAY, Moment.SOLVED),

	/**
	 * First-response times of the tickets created, by {@link DurationHistogram} bucket.
	 */
	RESPONSE(Grain.DAY, Moment.CREATED),

	/** Resolution times of the tickets created, by {@link DurationHistogram} bucket. */
	RESOLUTION(Grain.DAY, Moment.CREATED),

	/** Ratings given, by {@code <score>:<agent id or ''>}. */
	RATED(Grain.DAY, Moment.RATED);

	private final Grain grain;

	private final Moment moment;

	Measure(Grain grain, Moment moment) {
		this.grain = grain;
		this.moment = moment;
	}

	/**
	 * @return the measure's name in {@code report_rollup.measure}
	 */
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	Grain grain() {
		return this.grain;
	}

	Moment moment() {
		return this.moment;
	}

	/** How long a rollup slot lasts. */
	enum Grain {

		/** The UTC hour. */
		HOUR(ChronoUnit.HOURS, "interval '1 hour'"),

		/** The UTC day. */
		DAY(ChronoUnit.DAYS, "interval '1 day'"),

		/** No time: one slot for ever. */
		NONE(null, null);

		private final ChronoUnit unit;

		private final String interval;

		Grain(ChronoUnit unit, String interval) {
			this.unit = unit;
			this.interval = interval;
		}

		ChronoUnit unit() {
			return this.unit;
		}

		String interval() {
			return this.interval;
		}

	}

	/**
	 * Where the rows of a measure come from when a slot is read directly: the table, its
	 * time column and the function expanding a row into measures.
	 */
	enum Moment {

		/** A ticket's creation. */
		CREATED("tickets", "created_at"),

		/** A ticket's solution. */
		SOLVED("tickets", "solved_at"),

		/** A rating. */
		RATED("ticket_ratings", "rated_at");

		private static final String TICKET = "created_at, status, category, priority, channel, assignee_id, "
				+ "first_responded_at, solved_at";

		/**
		 * Enough for the measures of a solution, and all in
		 * {@code tickets_report_solved_idx}: an index-only scan.
		 */
		private static final String SOLVED_COLUMNS = "created_at, solved_at, assignee_id";

		private static final String RATING = "rated_at, score, agent_id";

		private final String table;

		private final String column;

		Moment(String table, String column) {
			this.table = table;
			this.column = column;
		}

		String table() {
			return this.table;
		}

		String column() {
			return this.column;
		}

		/**
		 * @return the columns of the table the measures are computed from
		 */
		String columns() {
			return switch (this) {
				case CREATED -> TICKET;
				case SOLVED -> SOLVED_COLUMNS;
				case RATED -> RATING;
			};
		}

		/**
		 * @return the lateral call expanding a row {@code t} of those columns into the
		 * measures of this moment (the others come out wrong and are filtered out)
		 */
		String measures() {
			return switch (this) {
				case CREATED -> "report_ticket_measures(t.created_at, t.status, t.category, t.priority, t.channel, "
						+ "t.assignee_id, t.first_responded_at, t.solved_at, 1)";
				case SOLVED -> "report_ticket_measures(t.created_at, null, null, null, null, t.assignee_id, null, "
						+ "t.solved_at, 1)";
				case RATED -> "report_rating_measures(t.rated_at, t.score, t.agent_id, 1)";
			};
		}

	}

}
