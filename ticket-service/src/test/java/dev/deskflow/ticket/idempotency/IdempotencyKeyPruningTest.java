package dev.deskflow.ticket.idempotency;

import java.util.UUID;

import dev.deskflow.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys live a day: the hourly round deletes the older ones and keeps the rest.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class IdempotencyKeyPruningTest {

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	DatabaseClient database;

	@Test
	void forgetsKeysOlderThanADayOnly() {
		UUID tenant = UUID.randomUUID();
		String slug = "prune-" + tenant.toString().substring(0, 8);
		this.database.sql("insert into tenants (id, slug, name) values (:id, :slug, :name)")
			.bind("id", tenant)
			.bind("slug", slug)
			.bind("name", "Tenant " + slug)
			.then()
			.block();
		insert(tenant, "older-than-a-day", "25 hours");
		insert(tenant, "almost-a-day", "23 hours");
		insert(tenant, "just-now", "1 second");

		assertThat(this.keys.pruneExpired().block()).isGreaterThanOrEqualTo(1L);

		assertThat(this.database.sql("select idem_key from idempotency_keys where tenant_id = :tenant")
			.bind("tenant", tenant)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block()).containsExactlyInAnyOrder("almost-a-day", "just-now");
	}

	private void insert(UUID tenant, String key, String age) {
		this.database
			.sql("insert into idempotency_keys (tenant_id, user_id, idem_key, scope, request_hash, created_at)"
					+ " values (:tenant, :user, :key, 'ticket', 'hash', now() - cast(:age as interval))")
			.bind("tenant", tenant)
			.bind("user", UUID.randomUUID())
			.bind("key", key)
			.bind("age", age)
			.then()
			.block();
	}

}
