/**
 * Identity (decision 004): tenants, users, log-in, rotating refresh tokens, the RS256
 * keys and their JWKS, and the resource-server configuration that verifies every
 * request's access token. The rest of ticket-service reads the verified caller with
 * {@link dev.deskflow.ticket.identity.Caller#current()}.
 */
package dev.deskflow.ticket.identity;
