package dev.deskflow.realtime.session;

import java.time.Instant;

import dev.deskflow.support.problem.ProblemException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.WebsocketServerSpec;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;

/**
 * Redeems the connect ticket before the upgrade, so that a request without a valid,
 * unused ticket is answered 401 problem+json and never becomes a socket.
 */
class ConnectTicketHandshake implements WebSocketService {

	private final ConnectTickets tickets;

	private final HandshakeWebSocketService upgrade;

	ConnectTicketHandshake(ConnectTickets tickets, int maxFrameBytes) {
		this.tickets = tickets;
		// Reactor Netty closes a connection that sends a larger frame with 1009
		this.upgrade = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
				() -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrameBytes)));
	}

	@Override
	public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
		String ticket = exchange.getRequest().getQueryParams().getFirst("ticket");
		return this.tickets.redeem(ticket)
			.filter((identity) -> identity.expiresAt().isAfter(Instant.now()))
			.switchIfEmpty(Mono.error(() -> ProblemException
				.unauthorized("Open the socket with a fresh ticket from POST /api/realtime/connect-tickets.")))
			.flatMap((identity) -> {
				WebSocketHandler bound = (handler instanceof RealtimeWebSocketHandler realtime)
						? (socket) -> realtime.handle(socket, identity) : handler;
				return this.upgrade.handleRequest(exchange, bound);
			});
	}

}
