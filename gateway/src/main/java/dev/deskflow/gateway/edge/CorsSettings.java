package dev.deskflow.gateway.edge;

import java.util.List;

import dev.deskflow.gateway.GatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The SPA's origins may call the API from a browser; any other origin's preflight is
 * refused. No credentials mode: the SPA sends bearer tokens, not cookies.
 */
@Configuration(proxyBeanMethods = false)
class CorsSettings {

	@Bean
	CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(
				List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", RequestIdWebFilter.HEADER));
		cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
				"RateLimit-Reset", RequestIdWebFilter.HEADER));
		cors.setAllowCredentials(false);
		cors.setMaxAge(properties.cors().maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
