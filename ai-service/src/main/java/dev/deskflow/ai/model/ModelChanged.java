package dev.deskflow.ai.model;

/**
 * A tenant's active model changed (activation or rollback), or the base model became
 * ready; published as a Spring application event so that cached indexes reload.
 *
 * @param tenant the tenant, or {@code null} for every tenant
 */
public record ModelChanged(String tenant) {
}
