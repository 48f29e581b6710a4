package dev.deskflow.ticket.report;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dev.deskflow.ticket.report.Measure.Grain;
import dev.deskflow.ticket.report.Measure.Moment;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The rows {@code (measure, at, key, n)} a report sums for some measures of one grain
 * over {@code [start, end)}: the folded {@code report_rollup} slots, the
 * {@code report_deltas} not folded yet, and, for every slot that a cut (the range's ends,
 * a day boundary of the report's time zone, a backlog age) falls inside, that slot's
 * tickets or ratings read directly. {@code at} is the exact moment for direct and delta
 * rows and the slot's start for folded ones, whose whole slot lies between two cuts:
 * grouping by {@code at} between cuts is exact. Needs {@code :tenantId} bound by the
 * caller.
 */
final class RollupSource {

	private final String name;

	private final List<Measure> measures;

	private final Grain grain;

	private final Instant start;

	private final Instant end;

	private final List<Instant> splits;

	private RollupSource(String name, List<Measure> measures, Instant start, Instant end, Collection<Instant> cuts) {
		this.name = name;
		this.measures = List.copyOf(measures);
		this.grain = measures.get(0).grain();
		if (measures.stream().anyMatch((measure) -> measure.grain() != this.grain)) {
			throw new IllegalArgumentException("Measures of one grain only: " + measures);
		}
		this.start = start;
		this.end = end;
		this.splits = (this.grain == Grain.NONE) ? List.of()
				: cuts.stream()
					.filter((cut) -> !cut.equals(cut.truncatedTo(this.grain.unit())))
					.map((cut) -> cut.truncatedTo(this.grain.unit()))
					.distinct()
					.sorted()
					.toList();
	}

	/**
	 * @param name a prefix for the source's parameters, unique in its statement
	 * @param measures measures of one grain
	 * @param start the first instant counted, or null for no lower bound
	 * @param end the first instant not counted, or null for no upper bound
	 * @param cuts the instants that results are grouped between (including start and end)
	 * @return the source
	 */
	static RollupSource of(String name, List<Measure> measures, Instant start, Instant end, Collection<Instant> cuts) {
		return new RollupSource(name, measures, start, end, cuts);
	}

	/**
	 * @param name a prefix for the source's parameters, unique in its statement
	 * @param measures measures of one grain
	 * @param start the first instant counted
	 * @param end the first instant not counted
	 * @return the source of totals over the range
	 */
	static RollupSource between(String name, List<Measure> measures, Instant start, Instant end) {
		return of(name, measures, start, end, List.of(start, end));
	}

	/**
	 * @return the query, to use as a common table expression or a subquery
	 */
	String sql() {
		StringBuilder sql = new StringBuilder("select measure, slot as at, key, n from report_rollup where tenant_id = "
				+ ":tenantId and measure in (" + codes(this.measures) + ")");
		if (this.start != null) {
			sql.append(" and slot >= :").append(this.name).append("SlotFrom");
		}
		if (this.end != null) {
			sql.append(" and slot < :").append(this.name).append("End");
		}
		sql.append(notSplit("slot"));
		sql.append("\nunion all select m.measure, m.at, m.key, m.n from report_deltas d "
				+ "cross join lateral report_delta_measures(d) m where d.tenant_id = :tenantId and m.measure in (")
			.append(codes(this.measures))
			.append(")")
			.append(within())
			.append(notSplit("m.slot"));
		if (!this.splits.isEmpty()) {
			for (Moment moment : Moment.values()) {
				List<Measure> read = this.measures.stream().filter((measure) -> measure.moment() == moment).toList();
				if (!read.isEmpty()) {
					sql.append(direct(moment, read));
				}
			}
		}
		return sql.toString();
	}

	/**
	 * @param spec the statement
	 * @return the statement with this source's parameters bound
	 */
	GenericExecuteSpec bind(GenericExecuteSpec spec) {
		GenericExecuteSpec bound = spec;
		if (this.start != null) {
			bound = bound.bind(this.name + "Start", this.start)
				.bind(this.name + "SlotFrom", this.start.truncatedTo(this.grain.unit()));
		}
		if (this.end != null) {
			bound = bound.bind(this.name + "End", this.end);
		}
		if (!this.splits.isEmpty()) {
			bound = bound.bind(this.name + "Splits",
					this.splits.stream().map(Instant::toString).toArray(String[]::new));
		}
		return bound;
	}

	private String direct(Moment moment, List<Measure> read) {
		String column = moment.column();
		// a lateral subquery kept apart (offset 0): one index range scan per cut slot,
		// whatever the planner guesses of the array
		return "\nunion all select m.measure, m.at, m.key, m.n from unnest(cast(:" + this.name
				+ "Splits as timestamptz[])) as s (slot) cross join lateral (select " + moment.columns() + " from "
				+ moment.table() + " where tenant_id = :tenantId and " + column + " >= s.slot and " + column
				+ " < s.slot + " + this.grain.interval() + " offset 0) as t cross join lateral " + moment.measures()
				+ " m where m.measure in (" + codes(read) + ")" + within();
	}

	private String within() {
		return ((this.start != null) ? " and m.at >= :" + this.name + "Start" : "")
				+ ((this.end != null) ? " and m.at < :" + this.name + "End" : "");
	}

	private String notSplit(String slot) {
		// a subquery, not "<> all(array)": PostgreSQL hashes it once instead of casting
		// the array again for every row
		return this.splits.isEmpty() ? ""
				: " and " + slot + " not in (select unnest(cast(:" + this.name + "Splits as timestamptz[])))";
	}

	private static String codes(List<Measure> measures) {
		return measures.stream().map((measure) -> "'" + measure.code() + "'").collect(Collectors.joining(", "));
	}

}
