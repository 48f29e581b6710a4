/**
 * The knowledge base: Markdown articles (draft or published, every edit kept as a
 * version), a per-tenant reader API that anonymous portal visitors may call, full-text
 * search, and articles linked to tickets.
 */
package dev.deskflow.ticket.kb;
