package dev.deskflow.ticket.importing;

import java.time.Instant;
import java.util.UUID;

/**
 * An import and its progress.
 *
 * @param id the job
 * @param tenantId its tenant
 * @param createdBy the admin who uploaded the file
 * @param layout the file's layout
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param rowsRead data rows read so far
 * @param accepted rows imported as new tickets
 * @param duplicates rows whose external id was already imported (skipped)
 * @param rejected rows not imported, each with a reason
 * @param failure why the job stopped early, or {@code null}
 * @param createdAt when it started
 * @param updatedAt its last progress
 * @param finishedAt when it ended, or {@code null}
 */
record ImportJob(UUID id, UUID tenantId, UUID createdBy, String layout, String status, long rowsRead, long accepted,
		long duplicates, long rejected, String failure, Instant createdAt, Instant updatedAt, Instant finishedAt) {

}
