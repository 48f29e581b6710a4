package dev.deskflow.ticket.kb;

/**
 * Whether an article is visible outside the support staff.
 */
enum ArticleStatus {

	/** Work in progress: only agents and admins see it. */
	DRAFT,

	/** Visible to customers and anonymous portal visitors of the tenant. */
	PUBLISHED

}
