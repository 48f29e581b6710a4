package dev.deskflow.realtime.session;

import java.util.UUID;

import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.realtime.RealtimeProperties;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * What realtime-service knows about tickets without a database, learnt from events: who
 * raised a ticket (so a customer may follow only their own) and who it is assigned to
 * (for the {@code mine} channel). Keys {@code <prefix>t:<tenant>:requester:<ticket>} and
 * {@code <prefix>t:<tenant>:assignee:<ticket>}.
 */
@Component
public class TicketDirectory {

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	TicketDirectory(ReactiveStringRedisTemplate redis, RealtimeProperties properties) {
		this.redis = redis;
		this.prefix = properties.redisKeyPrefix();
	}

	/**
	 * @param tenant the tenant
	 * @param ticketId the ticket
	 * @param requesterId who raised it
	 * @return completes when stored
	 */
	public Mono<Void> recordRequester(TenantId tenant, UUID ticketId, UUID requesterId) {
		return this.redis.opsForValue().set(key(tenant, "requester", ticketId), requesterId.toString()).then();
	}

	/**
	 * @param tenant the tenant
	 * @param ticketId the ticket
	 * @param assigneeId the agent now assigned, or {@code null}
	 * @return completes when stored
	 */
	public Mono<Void> recordAssignee(TenantId tenant, UUID ticketId, UUID assigneeId) {
		String key = key(tenant, "assignee", ticketId);
		return (assigneeId != null) ? this.redis.opsForValue().set(key, assigneeId.toString()).then()
				: this.redis.delete(key).then();
	}

	/**
	 * @param tenant the tenant
	 * @param ticketId the ticket
	 * @return the assignee's id, empty when unassigned or unknown
	 */
	public Mono<String> assignee(TenantId tenant, UUID ticketId) {
		return this.redis.opsForValue().get(key(tenant, "assignee", ticketId));
	}

	Mono<String> requester(TenantId tenant, UUID ticketId) {
		return this.redis.opsForValue().get(key(tenant, "requester", ticketId));
	}

	private String key(TenantId tenant, String kind, UUID ticketId) {
		return this.prefix + "t:" + tenant + ":" + kind + ":" + ticketId;
	}

}
