package dev.deskflow.realtime.session;

import java.time.Duration;

import dev.deskflow.realtime.RealtimeProperties;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Runs one socket at {@code /ws}: reads frames one at a time, writes the session's
 * bounded queue, pings every heartbeat interval and closes a socket that stayed silent
 * for two.
 */
class RealtimeWebSocketHandler implements WebSocketHandler {

	private final ClientSession.Collaborators with;

	private final RealtimeProperties.Session settings;

	RealtimeWebSocketHandler(ClientSession.Collaborators with, RealtimeProperties.Session settings) {
		this.with = with;
		this.settings = settings;
	}

	@Override
	public Mono<Void> handle(WebSocketSession socket) {
		return Mono.error(new IllegalStateException("A socket opens only through ConnectTicketHandshake"));
	}

	Mono<Void> handle(WebSocketSession socket, SessionIdentity identity) {
		ClientSession session = new ClientSession(socket, identity, this.settings.outboundBuffer(), this.with);
		this.with.sessions().add(session);
		session.expireAt(identity.expiresAt());
		Duration interval = this.settings.heartbeat();
		Disposable heartbeat = Flux.interval(interval, interval).subscribe((tick) -> {
			if (session.silentFor().compareTo(interval.multipliedBy(2)) > 0) {
				session.close(ClientSession.HEARTBEAT_MISSED);
			}
			else {
				session.ping();
			}
		});
		Mono<Void> input = socket.receive()
			.doOnNext((message) -> session.touched())
			.filter((message) -> message.getType() == WebSocketMessage.Type.TEXT)
			.concatMap((message) -> session.onFrame(message.getPayloadAsText()))
			.then()
			.doFinally((signal) -> session.ended());
		Mono<Void> output = socket.send(session.outbound());
		return Mono.when(input, output).doFinally((signal) -> {
			heartbeat.dispose();
			session.ended();
			this.with.sessions().remove(session);
			this.with.presence().left(session);
		});
	}

}
