package dev.deskflow.ticket.importing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON shapes of the import API.
 */
final class ImportViews {

	private ImportViews() {
	}

	/** A rejected row: its first line in the file, its external id if any, and why. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RejectedRowView(long line, String externalId, String reason) {
	}

	/** A job with its progress and the rejected rows kept. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ImportJobView(UUID id, String layout, String status, long rowsRead, long accepted, long duplicates,
			long rejected, String failure, Instant createdAt, Instant updatedAt, Instant finishedAt,
			List<RejectedRowView> rejectedRows) {

		static ImportJobView of(ImportJob job, List<RejectedRowView> rejectedRows) {
			return new ImportJobView(job.id(), job.layout(), job.status(), job.rowsRead(), job.accepted(),
					job.duplicates(), job.rejected(), job.failure(), job.createdAt(), job.updatedAt(), job.finishedAt(),
					rejectedRows);
		}

	}

}
