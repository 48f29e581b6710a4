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
 * {@code <prefix>t:<tenant>:assignee:<ticket>}. The fan-out writes them in the same
 * script call that appends the event to the tenant's stream ({@code EventStream}).
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
	 * @return the key holding who raised the ticket
	 */
	public String requesterKey(TenantId tenant, UUID ticketId) {
		return key(tenant, "requester", ticketId);
	}

	/**
	 * @param tenant the tenant
	 * @param ticketId the ticket
	 * @return the key holding the ticket's assignee, absent when unassigned or unknown
	 */
	public String assigneeKey(TenantId tenant, UUID ticketId) {
		return key(tenant, "assignee", ticketId);
	}

	Mono<String> requester(TenantId tenant, UUID ticketId) {
		return this.redis.opsForValue().get(key(tenant, "requester", ticketId));
	}

	private String key(TenantId tenant, String kind, UUID ticketId) {
		return this.prefix + "t:" + tenant + ":" + kind + ":" + ticketId;
	}

}
