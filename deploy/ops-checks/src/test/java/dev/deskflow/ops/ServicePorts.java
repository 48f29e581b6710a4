package dev.deskflow.ops;

import java.util.Map;

/**
 * The default ports of the services (DESIGN.md), read from their settings so that a
 * change of a default is noticed here.
 */
final class ServicePorts {

	private static final Map<String, String> PORT_VARIABLES = Map.of("gateway", "DESKFLOW_GATEWAY_PORT",
			"ticket-service", "DESKFLOW_TICKET_PORT", "ai-service", "DESKFLOW_AI_PORT", "realtime-service",
			"DESKFLOW_REALTIME_PORT");

	private ServicePorts() {
	}

	private static String portVariable(String service) {
		return PORT_VARIABLES.get(service);
	}

	/**
	 * @param service a service
	 * @return the port its API listens on by default
	 */
	static int port(String service) {
		return Integer.parseInt(ServiceSettings.of(service).defaults().get(portVariable(service)));
	}

	/**
	 * @param service a service
	 * @return the port of its Actuator (the gateway's is separate from its public port)
	 */
	static int actuatorPort(String service) {
		String management = ServiceSettings.of(service).defaults().get("DESKFLOW_GATEWAY_MANAGEMENT_PORT");
		return (service.equals("gateway") && management != null) ? Integer.parseInt(management) : port(service);
	}

}
