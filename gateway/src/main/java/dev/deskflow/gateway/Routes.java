package dev.deskflow.gateway;

import java.net.URI;
import java.util.List;

import dev.deskflow.gateway.edge.BodySizeLimitGatewayFilterFactory;
import dev.deskflow.gateway.edge.StripHeadersByPrefixGatewayFilterFactory;
import dev.deskflow.gateway.ratelimit.RateLimitGatewayFilterFactory;
import dev.deskflow.gateway.resilience.IdempotentRetry;
import dev.deskflow.gateway.resilience.ServiceRoutes;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public paths of {@code DESIGN.md} and the service each one reaches, plus each
 * service's OpenAPI document under {@code /api/docs/{service}/...} (for example
 * {@code /api/docs/ticket/v3/api-docs} is ticket-service's {@code /v3/api-docs}).
 * <p>
 * Every HTTP route, in this order: identity headers stripped, body size limited, rate
 * limited, then the service's circuit breaker and bulkhead around retries of idempotent
 * calls, with the service's own connect and response timeouts.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	@Bean
	RouteLocator deskflowRoutes(RouteLocatorBuilder routes, GatewayProperties properties,
			StripHeadersByPrefixGatewayFilterFactory stripHeaders, BodySizeLimitGatewayFilterFactory bodySizeLimit,
			RateLimitGatewayFilterFactory rateLimit) {
		GatewayProperties.Services services = properties.services();
		Guards guards = new Guards(properties,
				stripHeaders.apply(new StripHeadersByPrefixGatewayFilterFactory.Config()
					.setPrefixes(List.of("X-Tenant-", "X-User-"))),
				bodySizeLimit
					.apply(new BodySizeLimitGatewayFilterFactory.Config().setMaxSize(properties.edge().maxBodySize())),
				rateLimit.apply(new RateLimitGatewayFilterFactory.Config()));
		GatewayFilter importSizeLimit = bodySizeLimit
			.apply(new BodySizeLimitGatewayFilterFactory.Config().setMaxSize(properties.edge().maxImportSize()));
		return routes.routes()
			// CSV imports of historical tickets are larger than any other request
			.route(ServiceRoutes.TICKET + "-imports",
					(route) -> guards.withBodySizeLimit(importSizeLimit)
						.http(route.path("/api/admin/imports", "/api/admin/imports/**"), ServiceRoutes.TICKET, null)
						.uri(services.ticket()))
			.route(ServiceRoutes.TICKET,
					(route) -> guards
						.http(route.path("/api/auth/**", "/api/tickets/**", "/api/kb/**", "/api/admin/**",
								"/api/agents/**"), ServiceRoutes.TICKET, null)
						.uri(services.ticket()))
			.route(ServiceRoutes.AI,
					(route) -> guards.http(route.path("/api/ai/**"), ServiceRoutes.AI, null).uri(services.ai()))
			.route(ServiceRoutes.REALTIME,
					(route) -> guards.http(route.path("/api/realtime/**"), ServiceRoutes.REALTIME, null)
						.uri(services.realtime()))
			// realtime-service authenticates the upgrade; a session is long-lived, so no
			// breaker, retry or response timeout
			.route("realtime-websocket",
					(route) -> route.path("/ws")
						.filters((filters) -> filters.filter(guards.stripIdentity()).filter(guards.rateLimit()))
						.uri(webSocket(services.realtime())))
			.route(ServiceRoutes.TICKET + "-docs",
					(route) -> guards.http(route.path("/api/docs/ticket/**"), ServiceRoutes.TICKET, "ticket")
						.uri(services.ticket()))
			.route(ServiceRoutes.AI + "-docs",
					(route) -> guards.http(route.path("/api/docs/ai/**"), ServiceRoutes.AI, "ai").uri(services.ai()))
			.route(ServiceRoutes.REALTIME + "-docs",
					(route) -> guards.http(route.path("/api/docs/realtime/**"), ServiceRoutes.REALTIME, "realtime")
						.uri(services.realtime()))
			.build();
	}

	private static URI webSocket(URI http) {
		String scheme = "https".equals(http.getScheme()) ? "wss" : "ws";
		return URI.create(scheme + "://" + http.getRawAuthority());
	}

	/**
	 * The filters and metadata every HTTP route of a service gets.
	 */
	private record Guards(GatewayProperties properties, GatewayFilter stripIdentity, GatewayFilter bodySizeLimit,
			GatewayFilter rateLimit) {

		Guards withBodySizeLimit(GatewayFilter limit) {
			return new Guards(this.properties, this.stripIdentity, limit, this.rateLimit);
		}

		/**
		 * @param docsOf the service's name under {@code /api/docs/}, or {@code null} for
		 * an API route
		 */
		UriSpec http(BooleanSpec route, String service, String docsOf) {
			GatewayProperties.Resilience resilience = this.properties.resilience();
			return route
				.filters((filters) -> guard((docsOf != null)
						? filters.rewritePath("/api/docs/" + docsOf + "/(?<rest>.*)", "/${rest}") : filters, service))
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
						ServiceRoutes.responseTimeout(this.properties, service).toMillis())
				.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) resilience.connectTimeout().toMillis());
		}

		private GatewayFilterSpec guard(GatewayFilterSpec filters, String service) {
			int retries = this.properties.resilience().getRetries();
			GatewayFilterSpec guarded = filters.filter(this.stripIdentity)
				.filter(this.bodySizeLimit)
				.filter(this.rateLimit)
				.circuitBreaker(
						(breaker) -> breaker.setName(service).setFallbackUri(ServiceRoutes.fallbackUri(service)));
			// only idempotent methods, and only when the service is unreachable or says
			// so
			return (retries == 0) ? guarded : guarded.filter(new IdempotentRetry(retries));
		}

	}

}
