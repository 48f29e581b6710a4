package dev.deskflow.bench;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Not a test, and outside the gateway's packages so that its component scan never finds
 * it: Spring Cloud Gateway with one route and nothing of Deskflow's (no security, no JWT,
 * no rate limit, no breaker, no observations, no access log), on the same classpath as
 * the gateway. {@code GatewayBenchmark -Dgateway=bare} measures it in the gateway's
 * place: the framework's own cost per proxied request, the floor under the gateway's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration" })
public class BareGateway {

	@Bean
	RouteLocator bareRoute(RouteLocatorBuilder routes, @Value("${bare.service-uri}") String serviceUri) {
		return routes.routes().route("tickets", (route) -> route.path("/api/tickets/**").uri(serviceUri)).build();
	}

	/**
	 * @param serviceUri where the route leads
	 * @return the running application; its port is {@code local.server.port}
	 */
	public static ConfigurableApplicationContext start(String serviceUri) {
		Map<String, Object> properties = Map.of(
				// not the gateway's application.yml: nothing of its configuration applies
				"spring.config.name", "bare-gateway", "server.port", 0, "management.server.port", -1,
				"management.observations.enable.all", false, "bare.service-uri", serviceUri, "spring.main.banner-mode",
				"off");
		return new SpringApplicationBuilder(BareGateway.class).properties(properties).run();
	}

}
