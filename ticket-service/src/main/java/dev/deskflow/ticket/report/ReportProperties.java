package dev.deskflow.ticket.report;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin reports ({@code deskflow.ticket.reports.*}).
 *
 * @param cacheTtl how long a computed report is served from Redis before it is computed
 * again
 * @param maxDays the longest date range a report may cover, in days
 */
@Validated
@ConfigurationProperties("deskflow.ticket.reports")
public record ReportProperties(@NotNull Duration cacheTtl, @Min(1) @Max(3660) int maxDays) {
}
