package dev.deskflow.ticket.sla;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SLA scheduler ({@code deskflow.ticket.sla.*}).
 *
 * @param schedulerEnabled whether this instance looks for due clocks (every replica may:
 * they skip each other's locked rows)
 * @param pollInterval how often it looks
 * @param batchSize clocks handled per transaction
 */
@Validated
@ConfigurationProperties("deskflow.ticket.sla")
public record SlaProperties(@DefaultValue("true") boolean schedulerEnabled,
		@DefaultValue("1s") @NotNull Duration pollInterval, @DefaultValue("50") @Min(1) @Max(1000) int batchSize) {
}
