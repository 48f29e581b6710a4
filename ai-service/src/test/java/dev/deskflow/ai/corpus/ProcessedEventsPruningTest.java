package dev.deskflow.ai.corpus;

import java.util.List;
import java.util.UUID;

import dev.deskflow.ai.AiServiceTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applied event ids are forgotten only past the retention (30 days by default).
 */
class ProcessedEventsPruningTest extends AiServiceTestBase {

	@Autowired
	ProcessedEventsPruning pruning;

	@Autowired
	DatabaseClient database;

	@Test
	void forgetsEventIdsOlderThanTheRetentionOnly() {
		String tenant = tenant("prune");
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		UUID almost = UUID.randomUUID();
		insert(old, tenant, "31 days");
		insert(almost, tenant, "29 days");
		insert(recent, tenant, "1 minute");

		assertThat(this.pruning.prune().block()).isGreaterThanOrEqualTo(1L);

		assertThat(this.database.sql("select event_id from processed_events where tenant_id = :tenant")
			.bind("tenant", tenant)
			.map((row) -> row.get(0, UUID.class))
			.all()
			.collectList()
			.block()).containsExactlyInAnyOrderElementsOf(List.of(recent, almost));
	}

	private void insert(UUID id, String tenant, String age) {
		this.database
			.sql("insert into processed_events (event_id, tenant_id, event_type, processed_at)"
					+ " values (:id, :tenant, 'ticket.created', now() - cast(:age as interval))")
			.bind("id", id)
			.bind("tenant", tenant)
			.bind("age", age)
			.then()
			.block();
	}

}
