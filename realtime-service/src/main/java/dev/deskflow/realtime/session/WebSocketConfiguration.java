package dev.deskflow.realtime.session;

import java.util.Map;

import dev.deskflow.realtime.RealtimeProperties;
import dev.deskflow.realtime.replay.EventStream;
import dev.deskflow.support.security.ExchangeAuthorizations;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;

/**
 * {@code /ws}: open to the security chain because the socket authenticates with its
 * connect ticket (checked by {@link ConnectTicketHandshake} before the upgrade).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration implements WebFluxConfigurer {

	private final ConnectTickets tickets;

	private final RealtimeProperties properties;

	WebSocketConfiguration(ConnectTickets tickets, RealtimeProperties properties) {
		this.tickets = tickets;
		this.properties = properties;
	}

	@Override
	public WebSocketService getWebSocketService() {
		return new ConnectTicketHandshake(this.tickets, this.properties.session().maxFrameBytes());
	}

	@Bean
	HandlerMapping realtimeWebSocketMapping(JsonMapper json, TicketDirectory directory, EventStream stream,
			Sessions sessions, Presence presence) {
		ClientSession.Collaborators with = new ClientSession.Collaborators(json, this.tickets, directory, stream,
				sessions, presence);
		return new SimpleUrlHandlerMapping(Map.of("/ws", new RealtimeWebSocketHandler(with, this.properties.session())),
				-1);
	}

	@Bean
	ExchangeAuthorizations webSocketWithConnectTicket() {
		return (exchanges) -> exchanges.pathMatchers(HttpMethod.GET, "/ws").permitAll();
	}

}
