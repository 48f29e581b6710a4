package dev.deskflow.ticket.importing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ticket import ({@code deskflow.ticket.imports.*}).
 *
 * @param maxFileSize the largest CSV accepted (413 beyond)
 * @param batchSize rows written per transaction (progress is reported per batch)
 * @param maxRejectionsKept rejected rows kept with their reason per job; rows beyond are
 * only counted
 */
@Validated
@ConfigurationProperties("deskflow.ticket.imports")
public record ImportProperties(@NotNull DataSize maxFileSize, @Min(1) @Max(5000) int batchSize,
		@Positive int maxRejectionsKept) {
}
