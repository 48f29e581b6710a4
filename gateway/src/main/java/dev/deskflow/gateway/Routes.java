package dev.deskflow.gateway;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public paths of {@code DESIGN.md} and the service each one reaches.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	@Bean
	RouteLocator deskflowRoutes(RouteLocatorBuilder routes, GatewayProperties properties) {
		GatewayProperties.Services services = properties.services();
		return routes.routes()
			.route("ticket-service",
					(route) -> route.path("/api/auth/**", "/api/tickets/**", "/api/kb/**", "/api/admin/**")
						.uri(services.ticket()))
			.route("ai-service", (route) -> route.path("/api/ai/**").uri(services.ai()))
			.route("realtime-service", (route) -> route.path("/api/realtime/**").uri(services.realtime()))
			.route("realtime-websocket", (route) -> route.path("/ws").uri(webSocket(services.realtime())))
			.build();
	}

	private static URI webSocket(URI http) {
		String scheme = "https".equals(http.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + http.getRawAuthority());
	}

}
