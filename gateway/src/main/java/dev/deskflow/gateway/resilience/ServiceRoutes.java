package dev.deskflow.gateway.resilience;

import java.time.Duration;
import java.util.List;

import dev.deskflow.gateway.GatewayProperties;

/**
 * The names of the circuit breakers and bulkheads, one per service.
 */
public final class ServiceRoutes {

	public static final String TICKET = "ticket-service";

	public static final String AI = "ai-service";

	public static final String REALTIME = "realtime-service";

	static final List<String> ALL = List.of(TICKET, AI, REALTIME);

	private ServiceRoutes() {
	}

	/**
	 * @param properties the gateway's settings
	 * @param service one of the names above
	 * @return how long the service may take to start its answer
	 */
	public static Duration responseTimeout(GatewayProperties properties, String service) {
		GatewayProperties.ResponseTimeouts timeouts = properties.resilience().responseTimeouts();
		return switch (service) {
			case AI -> timeouts.ai();
			case REALTIME -> timeouts.realtime();
			default -> timeouts.ticket();
		};
	}

	/**
	 * @param service one of the names above
	 * @return where its circuit breaker forwards a failed call
	 */
	public static String fallbackUri(String service) {
		return "forward:/fallback/" + service;
	}

}
