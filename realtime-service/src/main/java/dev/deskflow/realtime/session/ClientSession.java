package dev.deskflow.realtime.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.deskflow.realtime.replay.EventStream;
import dev.deskflow.realtime.replay.StreamIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * One client's socket: its identity, subscriptions and bounded outbound queue. Frames in
 * and out are described in {@code docs/realtime.md}.
 */
class ClientSession {

	/** The token expired and no re-authentication came in time. */
	static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4001, "token expired");

	/** No frame (not even a pong) for two heartbeat intervals. */
	static final CloseStatus HEARTBEAT_MISSED = new CloseStatus(4002, "heartbeat missed");

	/** The client does not read fast enough: its outbound queue overflowed. */
	static final CloseStatus TOO_SLOW = new CloseStatus(1013, "too slow, try again later");

	/** A re-authentication for another user. */
	static final CloseStatus OTHER_USER = new CloseStatus(1008, "re-authenticated as another user");

	private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

	private final WebSocketSession socket;

	private final Collaborators with;

	private final Sinks.Many<WebSocketMessage> outbound;

	private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

	private final AtomicBoolean closing = new AtomicBoolean();

	private final Disposable.Swap expiry = Disposables.swap();

	private volatile SessionIdentity identity;

	private volatile long lastSeenNanos = System.nanoTime();

	ClientSession(WebSocketSession socket, SessionIdentity identity, int bufferSize, Collaborators with) {
		this.socket = socket;
		this.identity = identity;
		this.with = with;
		this.outbound = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(bufferSize));
	}

	SessionIdentity identity() {
		return this.identity;
	}

	String id() {
		return this.socket.getId();
	}

	Flux<WebSocketMessage> outbound() {
		return this.outbound.asFlux();
	}

	void touched() {
		this.lastSeenNanos = System.nanoTime();
	}

	Duration silentFor() {
		return Duration.ofNanos(System.nanoTime() - this.lastSeenNanos);
	}

	void ping() {
		offer(this.socket.pingMessage((factory) -> factory.wrap(new byte[0])));
	}

	void expireAt(Instant expiresAt) {
		Duration left = Duration.between(Instant.now(), expiresAt);
		this.expiry
			.update(Mono.delay(left.isNegative() ? Duration.ZERO : left).subscribe((tick) -> close(TOKEN_EXPIRED)));
	}

	Mono<Void> onFrame(String text) {
		JsonNode frame;
		try {
			frame = this.with.json().readTree(text);
		}
		catch (JacksonException ex) {
			return badFrame("not JSON");
		}
		String type = frame.path("type").asString("");
		return switch (type) {
			case "ping" -> send(object("pong"));
			case "subscribe" -> subscribe(frame);
			case "unsubscribe" -> unsubscribe(frame);
			case "reauth" -> reauthenticate(frame.path("ticket").asString(""));
			case "viewing" -> this.with.presence().viewing(this, frame);
			case "leave" -> this.with.presence().leave(this, frame);
			case "typing" -> this.with.presence().typing(this, frame);
			default -> badFrame("unknown frame type");
		};
	}

	void deliver(LiveEvent event) {
		if (this.closing.get()) {
			return;
		}
		SessionIdentity who = this.identity;
		JsonNode data = event.dataFor(who);
		if (data == null) {
			return;
		}
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.channel.matches(event, who)) {
				subscription.live(event, data);
			}
		}
	}

	boolean isSubscribedTo(String channel) {
		return this.subscriptions.containsKey(channel);
	}

	private Mono<Void> subscribe(JsonNode frame) {
		String name = frame.path("channel").asString("");
		if (name.isEmpty()) {
			return badFrame("subscribe without channel");
		}
		String after = frame.hasNonNull("after") ? frame.get("after").asString("") : null;
		if (after != null && !StreamIds.isValid(after)) {
			return badFrame("after is not an event id");
		}
		Channel channel = Channel.parse(name);
		if (channel == null) {
			return send(error("unknown-channel", "There is no channel '" + abbreviate(name) + "'.").put("channel",
					abbreviate(name)));
		}
		SessionIdentity who = this.identity;
		return mayFollow(channel, who).flatMap((allowed) -> {
			if (!allowed) {
				return send(error("forbidden", "You may not follow " + channel.name() + ".").put("channel",
						channel.name()));
			}
			Subscription subscription = new Subscription(channel, after != null);
			send(object("subscribed").put("channel", channel.name())).subscribe();
			this.subscriptions.put(channel.name(), subscription);
			return (after != null) ? replay(subscription, after) : Mono.empty();
		});
	}

	private Mono<Boolean> mayFollow(Channel channel, SessionIdentity who) {
		if (who.isStaff()) {
			return Mono.just(true);
		}
		if (channel instanceof Channel.Ticket ticket) {
			// a customer follows only the tickets they raised; unknown counts as not
			// theirs
			return this.with.directory()
				.requester(who.tenant(), ticket.ticketId())
				.map((requester) -> requester.equals(who.userId().toString()))
				.defaultIfEmpty(false);
		}
		return Mono.just(false);
	}

	/**
	 * Sends what the channel missed after {@code after}, then what arrived live meanwhile
	 * and was not in the replay. Live events are held back while the stream is read.
	 */
	private Mono<Void> replay(Subscription subscription, String after) {
		EventStream stream = this.with.stream();
		SessionIdentity who = this.identity;
		return stream.oldestId(who.tenant()).defaultIfEmpty("").flatMap((oldest) -> {
			if (!oldest.isEmpty() && StreamIds.compare(after, oldest) < 0) {
				send(object("reload").put("channel", subscription.channel.name()).put("reason", "beyond-retention"))
					.subscribe();
				subscription.replayed(List.of(), null);
				return Mono.<Void>empty();
			}
			return stream.after(who.tenant(), after)
				.map((entry) -> LiveEvent.of(entry.id(), entry.json(), entry.assignee(), this.with.json()))
				.collectList()
				.doOnNext((events) -> subscription.replayed(events, after))
				.then();
		});
	}

	private Mono<Void> unsubscribe(JsonNode frame) {
		String name = frame.path("channel").asString("");
		if (name.isEmpty()) {
			return badFrame("unsubscribe without channel");
		}
		this.subscriptions.remove(name);
		return send(object("unsubscribed").put("channel", name));
	}

	private Mono<Void> reauthenticate(String ticket) {
		return this.with.tickets().redeem(ticket).map((fresh) -> {
			if (!fresh.sameUser(this.identity)) {
				close(OTHER_USER);
				return false;
			}
			this.identity = fresh;
			expireAt(fresh.expiresAt());
			send(object("reauthenticated").put("expiresAt", fresh.expiresAt().toString())).subscribe();
			return true;
		})
			.switchIfEmpty(Mono
				.defer(() -> send(error("unauthorized", "The ticket is unknown, used or expired.")).thenReturn(false)))
			.then();
	}

	private Mono<Void> badFrame(String why) {
		// one debug line per bad frame: a misbehaving client must not flood the logs
		log.debug("Bad frame on session {} of tenant {}: {}", id(), this.identity.tenant(), why);
		return send(error("bad-frame", "The frame was not understood: " + why + "."));
	}

	Mono<Void> send(ObjectNode frame) {
		offer(this.socket.textMessage(this.with.json().writeValueAsString(frame)));
		return Mono.empty();
	}

	ObjectNode object(String type) {
		return this.with.json().createObjectNode().put("type", type);
	}

	private ObjectNode error(String code, String message) {
		return object("error").put("code", code).put("message", message);
	}

	private synchronized void offer(WebSocketMessage message) {
		if (this.closing.get()) {
			return;
		}
		Sinks.EmitResult result = this.outbound.tryEmitNext(message);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			log.debug("Closing session {} of tenant {}: its outbound queue is full", id(), this.identity.tenant());
			close(TOO_SLOW);
		}
	}

	void close(CloseStatus status) {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		this.with.sessions().remove(this);
		this.with.sessions().closedByServer(status);
		this.expiry.dispose();
		this.socket.close(status).subscribe(null, (failure) -> log.debug("Closing session {} failed", id(), failure));
	}

	void ended() {
		this.closing.set(true);
		this.expiry.dispose();
		this.outbound.tryEmitComplete();
	}

	private static String abbreviate(String value) {
		return (value.length() > 64) ? value.substring(0, 64) + "…" : value;
	}

	/**
	 * One channel of the socket. While its replay runs, live events are held; afterwards
	 * those the replay already sent (by stream id) are dropped.
	 */
	private final class Subscription {

		private final Channel channel;

		private boolean replaying;

		private final List<LiveEvent> held = new ArrayList<>();

		/**
		 * The last stream id the replay covered; later live events at or before it are
		 * duplicates.
		 */
		private String watermark;

		Subscription(Channel channel, boolean replaying) {
			this.channel = channel;
			this.replaying = replaying;
		}

		synchronized void live(LiveEvent event, JsonNode data) {
			if (this.replaying) {
				this.held.add(event);
			}
			else if (this.watermark == null || StreamIds.compare(event.streamId(), this.watermark) > 0) {
				emit(event);
			}
		}

		synchronized void replayed(List<LiveEvent> events, String after) {
			String covered = after;
			SessionIdentity who = ClientSession.this.identity;
			for (LiveEvent event : events) {
				covered = event.streamId();
				JsonNode data = event.dataFor(who);
				if (data != null && this.channel.matches(event, who)) {
					emit(event);
				}
			}
			this.watermark = covered;
			this.replaying = false;
			for (LiveEvent event : this.held) {
				JsonNode data = event.dataFor(who);
				if (data != null && (covered == null || StreamIds.compare(event.streamId(), covered) > 0)) {
					emit(event);
				}
			}
			this.held.clear();
		}

		private void emit(LiveEvent event) {
			offer(ClientSession.this.socket
				.textMessage(event.frame(this.channel.name(), ClientSession.this.identity.isStaff())));
		}

	}

	/**
	 * What a session works with.
	 */
	record Collaborators(JsonMapper json, ConnectTickets tickets, TicketDirectory directory, EventStream stream,
			Sessions sessions, PresenceFrames presence) {
	}

	/**
	 * Presence as the session sees it: handles {@code viewing}, {@code leave} and
	 * {@code typing} frames, and the end of the session.
	 */
	interface PresenceFrames {

		Mono<Void> viewing(ClientSession session, JsonNode frame);

		Mono<Void> leave(ClientSession session, JsonNode frame);

		Mono<Void> typing(ClientSession session, JsonNode frame);

		void left(ClientSession session);

	}

	UUID userId() {
		return this.identity.userId();
	}

}
