/**
 * Tenancy and identity value types shared by every service: {@link TenantId}, which every
 * row, event, cache key, metric tag and log line carries, and {@link Role}, carried in
 * the access token's {@code roles} claim.
 */
package dev.deskflow.common.tenant;
