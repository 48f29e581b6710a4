package dev.deskflow.common.tenant;

/**
 * What a user may do inside their tenant; carried in the access token's {@code roles}
 * claim under these exact names.
 */
public enum Role {

	/**
	 * An end user of the tenant's customer: raises tickets and follows only their own.
	 */
	CUSTOMER,

	/**
	 * Support staff: works every ticket of the tenant, writes internal notes and KB
	 * articles.
	 */
	AGENT,

	/**
	 * Tenant administrator: everything an agent may do plus users, SLA policies,
	 * categories and reports.
	 */
	ADMIN;

	/**
	 * Whether this role belongs to the tenant's own support staff, who may see every
	 * ticket and internal notes, rather than to a customer.
	 * @return {@code true} for {@link #AGENT} and {@link #ADMIN}
	 */
	public boolean isStaff() {
		return this == AGENT || this == ADMIN;
	}

}
