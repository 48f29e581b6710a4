package dev.deskflow.gateway.security;

import java.util.List;

import dev.deskflow.gateway.GatewayProperties;
import dev.deskflow.support.problem.ProblemWebExceptionHandler;
import dev.deskflow.support.security.BearerTokenConverter;
import dev.deskflow.support.security.StatelessSecurity;
import dev.deskflow.support.security.VerifiedTokenCache;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway as an OAuth2 resource server (decision 004): every call outside
 * {@link PublicPaths} needs an RS256 access token that the JWKS of ticket-service
 * verifies. The token is relayed unchanged; services validate it again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	/**
	 * The Actuator listens on its own internal port (never routed to from outside); its
	 * health and metrics are for probes and Prometheus, which carry no user token.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain actuatorSecurity(ServerHttpSecurity http) {
		return StatelessSecurity.apply(http.securityMatcher(EndpointRequest.toAnyEndpoint()))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
			ProblemWebExceptionHandler problems, CorsConfigurationSource cors, GatewayProperties properties) {
		ProblemEntryPoint entryPoint = new ProblemEntryPoint(problems);
		GatewayProperties.Edge edge = properties.edge();
		return StatelessSecurity.apply(http)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.cors((spec) -> spec.configurationSource(cors))
			.headers((headers) -> headers.contentTypeOptions((spec) -> {
			})
				.frameOptions((spec) -> spec.mode(Mode.DENY))
				.contentSecurityPolicy((spec) -> spec.policyDirectives(edge.contentSecurityPolicy()))
				.referrerPolicy((spec) -> spec.policy(ReferrerPolicy.NO_REFERRER))
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
				.writer(strictTransportSecurity(edge)))
			.authorizeExchange((exchanges) -> PublicPaths.permit(exchanges)
				// reached only by the circuit breakers' internal forward, never from
				// outside
				.pathMatchers("/fallback/**")
				.denyAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder))
				.bearerTokenConverter(ignoringTokensOnTokenEndpoints())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(entryPoint))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.addFilterAfter(new CallerWebFilter(), SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
		GatewayProperties.Jwt settings = properties.jwt();
		HttpClient http = HttpClient.create()
			.responseTimeout(settings.jwksTimeout())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.jwksTimeout().toMillis());
		// Nimbus' remote JWK source keeps the key set and fetches it again when a token
		// names a kid it does not hold: ticket-service's key rotation needs no restart.
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwksUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
			.build();
		decoder.setJwtValidator(validator(settings));
		return VerifiedTokenCache.remembering(decoder);
	}

	/**
	 * {@code exp} and {@code nbf} with 60 s of clock skew, {@code iss}, and {@code aud}.
	 */
	static OAuth2TokenValidator<Jwt> validator(GatewayProperties.Jwt settings) {
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(settings.audience()));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer()), audience);
	}

	private static ServerAuthenticationConverter ignoringTokensOnTokenEndpoints() {
		BearerTokenConverter bearer = new BearerTokenConverter();
		return (exchange) -> PublicPaths.OWN_CREDENTIALS.matches(exchange)
			.flatMap((match) -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
	}

	/**
	 * Written on every response, not only on HTTPS ones as Spring Security's own writer
	 * does: TLS ends at the load balancer in front of the gateway, and browsers ignore
	 * the header on plain HTTP anyway (RFC 6797, 8.1).
	 */
	private static ServerHttpHeadersWriter strictTransportSecurity(GatewayProperties.Edge edge) {
		String value = "max-age=" + edge.hstsMaxAge().toSeconds() + "; includeSubDomains";
		return (exchange) -> {
			exchange.getResponse().getHeaders().set("Strict-Transport-Security", value);
			return Mono.empty();
		};
	}

}
