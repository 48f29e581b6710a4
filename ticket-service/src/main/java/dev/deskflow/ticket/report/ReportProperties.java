package dev.deskflow.ticket.report;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin reports ({@code deskflow.ticket.reports.*}).
 *
 * @param cacheTtl how long a computed report is served from Redis before it is computed
 * again
 * @param maxDays the longest date range a report may cover, in days
 * @param rollup the folding of report deltas into the rollup
 */
@Validated
@ConfigurationProperties("deskflow.ticket.reports")
public record ReportProperties(@NotNull Duration cacheTtl, @Min(1) @Max(3660) int maxDays,
		@DefaultValue @Valid Rollup rollup) {

	/**
	 * The compactor of the report rollup ({@code deskflow.ticket.reports.rollup.*}).
	 *
	 * @param compactionEnabled whether this instance folds deltas (every replica may: one
	 * folds at a time, the others skip the round)
	 * @param compactionInterval how often it folds
	 * @param compactionBatch deltas folded per statement
	 */
	public record Rollup(@DefaultValue("true") boolean compactionEnabled,
			@DefaultValue("5s") @NotNull Duration compactionInterval,
			@DefaultValue("20000") @Min(1) @Max(1000000) int compactionBatch) {
	}

}
