package dev.deskflow.common.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

	@Test
	void agentsAndAdminsAreStaffCustomersAreNot() {
		assertThat(Role.AGENT.isStaff()).isTrue();
		assertThat(Role.ADMIN.isStaff()).isTrue();
		assertThat(Role.CUSTOMER.isStaff()).isFalse();
	}

	@Test
	void namesMatchTheTokenRolesClaim() {
		assertThat(Role.values()).extracting(Role::name).containsExactly("CUSTOMER", "AGENT", "ADMIN");
	}

}
