package dev.deskflow.ai.model;

import java.time.Instant;

/**
 * One entry of a tenant's model registry.
 *
 * @param version increasing per tenant, from 1
 * @param corpusSize solved tickets the model was trained on
 * @param parameters the Word2Vec parameters, as JSON text
 * @param metrics the evaluation on the held-out slice (and the training figures), as JSON
 * text
 * @param file where the vectors are stored
 * @param createdAt when it was trained
 * @param active whether answers use it now
 * @param activatedAt when it was last activated, {@code null} if never
 */
record ModelVersion(int version, int corpusSize, String parameters, String metrics, String file, Instant createdAt,
		boolean active, Instant activatedAt) {
}
