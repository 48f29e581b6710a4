package dev.deskflow.realtime.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.realtime.RealtimeProperties;
import dev.deskflow.support.lifecycle.SubscriptionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is viewing or replying to a ticket, and who is typing, across every instance.
 * <p>
 * A staff socket sends {@code viewing} (repeated as its heartbeat, with
 * {@code replying: true} while it composes a reply) and {@code leave}; each socket is a
 * field {@code <user>/<socket>} of {@code <prefix>presence:<tenant>:<ticket>} holding its
 * expiry and whether it replies, the key itself expiring after the TTL. Every change is
 * published on the Redis channel {@code <prefix>presence}; each instance then sends a
 * {@code presence} frame to its staff sockets that follow the ticket. {@code typing} is
 * only published, never stored. A closed socket removes its entries; the entries of an
 * instance that died expire after the TTL.
 */
@Component
class Presence extends SubscriptionLifecycle implements ClientSession.PresenceFrames {

	private static final Logger log = LoggerFactory.getLogger(Presence.class);

	private final ReactiveStringRedisTemplate redis;

	private final RealtimeProperties properties;

	private final Sessions sessions;

	private final JsonMapper json;

	private final Map<ClientSession, Set<UUID>> viewing = new ConcurrentHashMap<>();

	Presence(ReactiveStringRedisTemplate redis, RealtimeProperties properties, Sessions sessions, JsonMapper json) {
		this.redis = redis;
		this.properties = properties;
		this.sessions = sessions;
		this.json = json;
	}

	@Override
	public Mono<Void> viewing(ClientSession session, JsonNode frame) {
		return withTicket(session, frame, (tenant, ticket) -> {
			boolean replying = frame.path("replying").asBoolean(false);
			String key = key(tenant, ticket);
			long expires = Instant.now().plus(this.properties.presence().ttl()).toEpochMilli();
			this.viewing.computeIfAbsent(session, (s) -> ConcurrentHashMap.newKeySet()).add(ticket);
			return this.redis.opsForHash()
				.put(key, field(session), expires + ":" + (replying ? "replying" : "viewing"))
				.then(this.redis.expire(key, this.properties.presence().ttl()))
				.then(publish("presence", tenant, ticket, session));
		});
	}

	@Override
	public Mono<Void> leave(ClientSession session, JsonNode frame) {
		return withTicket(session, frame, (tenant, ticket) -> {
			Set<UUID> tickets = this.viewing.get(session);
			if (tickets != null) {
				tickets.remove(ticket);
			}
			return forget(session, tenant, ticket);
		});
	}

	@Override
	public Mono<Void> typing(ClientSession session, JsonNode frame) {
		return withTicket(session, frame, (tenant, ticket) -> publish("typing", tenant, ticket, session));
	}

	@Override
	public void left(ClientSession session) {
		Set<UUID> tickets = this.viewing.remove(session);
		if (tickets == null) {
			return;
		}
		TenantId tenant = session.identity().tenant();
		tickets.forEach((ticket) -> forget(session, tenant, ticket).onErrorResume((failure) -> {
			log.debug("Presence of a closed session was not removed; it expires", failure);
			return Mono.empty();
		}).subscribe());
	}

	private Mono<Void> forget(ClientSession session, TenantId tenant, UUID ticket) {
		return this.redis.opsForHash()
			.remove(key(tenant, ticket), field(session))
			.then(publish("presence", tenant, ticket, session));
	}

	private Mono<Void> withTicket(ClientSession session, JsonNode frame, TicketAction action) {
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
		return action.apply(session.identity().tenant(), ticket);
	}

	private Mono<Void> publish(String kind, TenantId tenant, UUID ticket, ClientSession from) {
		ObjectNode message = this.json.createObjectNode()
			.put("kind", kind)
			.put("tenant", tenant.toString())
			.put("ticket", ticket.toString())
			.put("user", from.userId().toString());
		return this.redis.convertAndSend(channel(), this.json.writeValueAsString(message)).then();
	}

	private Mono<Void> received(String text) {
		JsonNode message;
		TenantId tenant;
		UUID ticket;
		try {
			message = this.json.readTree(text);
			tenant = TenantId.of(message.path("tenant").asString());
			ticket = UUID.fromString(message.path("ticket").asString());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			log.warn("Ignoring a presence message that is not understood: {}", ex.getMessage());
			return Mono.empty();
		}
		String user = message.path("user").asString();
		if ("typing".equals(message.path("kind").asString())) {
			toFollowers(tenant, ticket, user,
					(session) -> session.object("typing").put("ticket", ticket.toString()).put("user", user));
			return Mono.empty();
		}
		return announce(tenant, ticket);
	}

	private Mono<Void> announce(TenantId tenant, UUID ticket) {
		long now = Instant.now().toEpochMilli();
		return this.redis.<String, String>opsForHash()
			.entries(key(tenant, ticket))
			.collectList()
			.doOnNext((entries) -> {
				Set<String> viewers = new TreeSet<>();
				Set<String> replying = new TreeSet<>();
				entries.forEach((entry) -> {
					String[] value = entry.getValue().split(":", 2);
					if (value.length == 2 && Long.parseLong(value[0]) > now) {
						String user = entry.getKey().substring(0, entry.getKey().indexOf('/'));
						viewers.add(user);
						if ("replying".equals(value[1])) {
							replying.add(user);
						}
					}
				});
				toFollowers(tenant, ticket, null, (session) -> {
					ObjectNode frame = session.object("presence").put("ticket", ticket.toString());
					viewers.forEach(frame.putArray("viewers")::add);
					replying.forEach(frame.putArray("replying")::add);
					return frame;
				});
			})
			.then();
	}

	/**
	 * Sends a frame to this instance's staff sockets that follow the ticket, except those
	 * of {@code exceptUser}.
	 */
	private void toFollowers(TenantId tenant, UUID ticket, String exceptUser,
			java.util.function.Function<ClientSession, ObjectNode> frame) {
		String channel = "ticket:" + ticket;
		this.sessions.forEachOf(tenant, (session) -> {
			if (session.identity().isStaff() && session.isSubscribedTo(channel)
					&& !session.userId().toString().equals(exceptUser)) {
				session.send(frame.apply(session));
			}
		});
	}

	private String key(TenantId tenant, UUID ticket) {
		return this.properties.redisKeyPrefix() + "presence:" + tenant + ":" + ticket;
	}

	private String channel() {
		return this.properties.redisKeyPrefix() + "presence";
	}

	private static String field(ClientSession session) {
		return session.userId() + "/" + session.id();
	}

	@Override
	protected Disposable subscribe() {
		// while Redis is down (readiness says so) the subscription is retried
		return Flux.defer(() -> this.redis.listenToChannel(channel()))
			.concatMap((message) -> received(message.getMessage()).onErrorResume((failure) -> {
				log.warn("A presence update was not delivered: {}", failure.getMessage());
				return Mono.empty();
			}))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(10)))
			.subscribe();
	}

	@FunctionalInterface
	private interface TicketAction {

		Mono<Void> apply(TenantId tenant, UUID ticket);

	}

}
