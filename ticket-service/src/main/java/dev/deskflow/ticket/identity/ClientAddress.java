package dev.deskflow.ticket.identity;

import java.net.InetSocketAddress;
import java.util.List;

import dev.deskflow.ticket.TicketProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, for the per-address log-in limit. Behind the gateway
 * every request comes from the gateway, so with {@code trust-forwarded-for} the address
 * is the last {@code X-Forwarded-For} entry, the one the gateway appended; earlier
 * entries are the client's to forge and are never read. Without it, the connection's
 * peer.
 */
@Component
class ClientAddress {

	private final boolean trustForwardedFor;

	ClientAddress(TicketProperties properties) {
		this.trustForwardedFor = properties.identity().trustForwardedFor();
	}

	String of(ServerWebExchange exchange) {
		if (this.trustForwardedFor) {
			List<String> headers = exchange.getRequest().getHeaders().get("X-Forwarded-For");
			String forwarded = (headers != null) ? String.join(",", headers) : null;
			if (forwarded != null && !forwarded.isBlank()) {
				String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
				if (!last.isEmpty()) {
					return last;
				}
			}
		}
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		if (peer == null) {
			return "unknown";
		}
		return (peer.getAddress() != null) ? peer.getAddress().getHostAddress() : peer.getHostString();
	}

}
