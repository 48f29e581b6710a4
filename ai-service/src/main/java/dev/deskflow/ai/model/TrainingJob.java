package dev.deskflow.ai.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One training run of a tenant's model.
 *
 * @param id the job
 * @param status {@code RUNNING}, then {@code SUCCEEDED} (the new version is active),
 * {@code REJECTED} (trained and registered, but scored worse than the active version,
 * which stays) or {@code FAILED} (nothing changed)
 * @param progress 0..1
 * @param message what happened, in words
 * @param modelVersion the version it produced, if any
 * @param createdAt when it was started
 * @param finishedAt when it ended, {@code null} while running
 */
record TrainingJob(UUID id, String status, double progress, String message, Integer modelVersion, Instant createdAt,
		Instant finishedAt) {
}
