package dev.deskflow.realtime.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.realtime.RealtimeProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is viewing a ticket: a staff socket sends {@code viewing} (and repeats it as its
 * heartbeat); the viewer is a field of {@code <prefix>presence:<tenant>:<ticket>} holding
 * its expiry, the key itself expiring after the TTL. Staff sockets of this instance that
 * follow the ticket get a {@code presence} frame; a closed socket removes its entries.
 */
@Component
class Presence implements ClientSession.PresenceFrames {

	private final ReactiveStringRedisTemplate redis;

	private final RealtimeProperties properties;

	private final Sessions sessions;

	private final Map<ClientSession, Set<UUID>> viewing = new ConcurrentHashMap<>();

	Presence(ReactiveStringRedisTemplate redis, RealtimeProperties properties, Sessions sessions) {
		this.redis = redis;
		this.properties = properties;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> viewing(ClientSession session, JsonNode frame) {
		if (!session.identity().isStaff()) {
			return session.send(session.object("error").put("code", "forbidden").put("message", "Staff only."));
		}
		UUID ticket;
		try {
			ticket = UUID.fromString(frame.path("ticket").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return session.send(session.object("error").put("code", "bad-frame").put("message", "ticket is not an id"));
		}
		TenantId tenant = session.identity().tenant();
		String key = key(tenant, ticket);
		long expires = Instant.now().plus(this.properties.presence().ttl()).toEpochMilli();
		this.viewing.computeIfAbsent(session, (s) -> ConcurrentHashMap.newKeySet()).add(ticket);
		return this.redis.opsForHash()
			.put(key, session.userId().toString(), Long.toString(expires))
			.then(this.redis.expire(key, this.properties.presence().ttl()))
			.then(announce(tenant, ticket));
	}

	@Override
	public void left(ClientSession session) {
		Set<UUID> tickets = this.viewing.remove(session);
		if (tickets == null) {
			return;
		}
		TenantId tenant = session.identity().tenant();
		tickets.forEach((ticket) -> this.redis.opsForHash()
			.remove(key(tenant, ticket), session.userId().toString())
			.then(announce(tenant, ticket))
			.onErrorResume((failure) -> Mono.empty())
			.subscribe());
	}

	private Mono<Void> announce(TenantId tenant, UUID ticket) {
		long now = Instant.now().toEpochMilli();
		return this.redis.<String, String>opsForHash().entries(key(tenant, ticket)).collectList().map((entries) -> {
			List<String> viewers = new ArrayList<>();
			entries.forEach((entry) -> {
				if (Long.parseLong(entry.getValue()) > now) {
					viewers.add(entry.getKey());
				}
			});
			return viewers;
		}).doOnNext((viewers) -> this.sessions.forEachOf(tenant, (other) -> {
			if (other.identity().isStaff() && other.isSubscribedTo("ticket:" + ticket)) {
				ObjectNode frame = other.object("presence").put("ticket", ticket.toString());
				ArrayNode list = frame.putArray("viewers");
				viewers.forEach(list::add);
				other.send(frame);
			}
		})).then();
	}

	private String key(TenantId tenant, UUID ticket) {
		return this.properties.redisKeyPrefix() + "presence:" + tenant + ":" + ticket;
	}

}
