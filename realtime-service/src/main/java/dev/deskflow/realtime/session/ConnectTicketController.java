package dev.deskflow.realtime.session;

import java.time.Instant;

import dev.deskflow.realtime.RealtimeProperties;
import dev.deskflow.support.security.AuthenticatedUser;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/realtime/connect-tickets}: trades the access token for a one-time
 * ticket to open {@code /ws?ticket=…} with.
 */
@RestController
class ConnectTicketController {

	private final ConnectTickets tickets;

	private final RealtimeProperties properties;

	ConnectTicketController(ConnectTickets tickets, RealtimeProperties properties) {
		this.tickets = tickets;
		this.properties = properties;
	}

	@PostMapping("/api/realtime/connect-tickets")
	Mono<ConnectTicket> issue() {
		return AuthenticatedUser.currentToken().flatMap((jwt) -> {
			AuthenticatedUser user = AuthenticatedUser.from(jwt);
			Instant expiresAt = (jwt.getExpiresAt() != null) ? jwt.getExpiresAt() : Instant.now();
			return this.tickets
				.issue(new SessionIdentity(user.userId(), user.tenant(), user.tenantId(), user.role(), expiresAt));
		}).map((ticket) -> new ConnectTicket(ticket, this.properties.connectTickets().ttl().toSeconds()));
	}

	record ConnectTicket(String ticket, long expiresIn) {
	}

}
