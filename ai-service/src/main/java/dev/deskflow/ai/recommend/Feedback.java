package dev.deskflow.ai.recommend;

import java.util.UUID;

import dev.deskflow.ai.recommend.RecommendationViews.FeedbackCounts;
import dev.deskflow.ai.recommend.RecommendationViews.FeedbackRequest;
import dev.deskflow.ai.tenancy.TenantTransactions;
import dev.deskflow.support.metrics.TenantTags;
import dev.deskflow.support.security.AuthenticatedUser;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Helpful / not helpful votes on recommendations: stored per tenant and counted in
 * {@code deskflow.ai.feedback} (tags: tenant, kind, helpful).
 */
@Component
class Feedback {

	private final DatabaseClient database;

	private final TenantTransactions tenants;

	private final MeterRegistry meters;

	private final TenantTags tenantTags;

	Feedback(DatabaseClient database, TenantTransactions tenants, MeterRegistry meters, TenantTags tenantTags) {
		this.database = database;
		this.tenants = tenants;
		this.meters = meters;
		this.tenantTags = tenantTags;
	}

	Mono<FeedbackCounts> record(AuthenticatedUser user, FeedbackRequest request) {
		String tenant = user.tenant().value();
		var insert = this.database
			.sql("insert into feedback (id, tenant_id, user_id, ticket_id, item_kind, item_id, helpful)"
					+ " values (:id, :tenant, :user, :ticket, :kind, :item, :helpful)")
			.bind("id", UUID.randomUUID())
			.bind("tenant", tenant)
			.bind("user", user.userId())
			.bind("kind", request.itemKind().name())
			.bind("item", request.itemId())
			.bind("helpful", request.helpful());
		insert = (request.ticketId() != null) ? insert.bind("ticket", request.ticketId())
				: insert.bindNull("ticket", UUID.class);
		var recorded = insert;
		return this.tenants
			.inTenant(tenant, () -> recorded.then()
				.then(this.database
					.sql("select count(*) filter (where helpful) as yes, count(*) filter (where not helpful) as no"
							+ " from feedback where tenant_id = :tenant and item_id = :item")
					.bind("tenant", tenant)
					.bind("item", request.itemId())
					.map((row) -> new FeedbackCounts(request.itemId(), row.get("yes", Long.class),
							row.get("no", Long.class)))
					.one()))
			.doOnSuccess((counts) -> this.meters
				.counter("deskflow.ai.feedback", "tenant", this.tenantTags.of(tenant), "kind",
						request.itemKind().name(), "helpful", request.helpful().toString())
				.increment());
	}

}
