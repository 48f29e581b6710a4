package dev.deskflow.support.security;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Makes a reactive Deskflow service an OAuth2 resource server on the JWKS of the token
 * issuer (decision 004), once it sets {@code deskflow.security.jwks-uri}: RS256 only,
 * {@code iss}, {@code aud}, {@code exp} and {@code nbf} checked with 60 s of clock skew;
 * 401 and 403 as problem+json; stateless (no session, no CSRF, no login form). Health,
 * Prometheus and the OpenAPI document are public, {@code /api/**} and everything else
 * needs a token unless the service adds {@link ExchangeAuthorizations}. The current user
 * is {@link AuthenticatedUser#current()}.
 * <p>
 * Runs before Spring Boot's own resource-server and user-details configurations so they
 * back off.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ReactiveJwtDecoder.class, ServerHttpSecurity.class })
@ConditionalOnProperty("deskflow.security.jwks-uri")
@EnableConfigurationProperties(ResourceServerProperties.class)
@EnableWebFluxSecurity
public class ResourceServerAutoConfiguration {

	/** The clock skew allowed on {@code exp} and {@code nbf} (decision 004). */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final String[] PUBLIC_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
			"/v3/api-docs", "/v3/api-docs/**" };

	/**
	 * Verifies access tokens against the JWKS. The key set is fetched on the first token
	 * rather than at start-up, so a service starts while the issuer is down.
	 * @param properties the settings
	 * @return the decoder
	 */
	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder deskflowJwtDecoder(ResourceServerProperties properties) {
		// RS256 only: refuses "none" and HMAC tokens, including one "signed" with the
		// public key
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setAllowEmptyExpiryClaim(false);
		List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps, new JwtIssuerValidator(properties.issuer()),
				new JwtAudienceValidator(properties.audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return VerifiedTokenCache.remembering(decoder);
	}

	@Bean
	SecurityProblems deskflowSecurityProblems(ObjectProvider<JsonMapper> json) {
		return new SecurityProblems(json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	/**
	 * The default chain, last in order so that a service may put chains of its own (with
	 * a {@code securityMatcher}) in front of it.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE - 100)
	@ConditionalOnMissingBean(name = "deskflowSecurityWebFilterChain")
	SecurityWebFilterChain deskflowSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			SecurityProblems problems, ObjectProvider<ExchangeAuthorizations> authorizations) {
		return StatelessSecurity.apply(http)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeExchange((exchanges) -> {
				exchanges.pathMatchers(HttpMethod.GET, PUBLIC_PATHS).permitAll();
				authorizations.orderedStream().forEach((service) -> service.customize(exchanges));
				exchanges.pathMatchers("/api/**").authenticated();
				exchanges.anyExchange().authenticated();
			})
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(new BearerTokenConverter())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt((jwt) -> jwt.jwtDecoder(decoder)
					.jwtAuthenticationConverter(ResourceServerAutoConfiguration::authentication)))
			.build();
	}

	private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		AuthenticatedUser user = AuthenticatedUser.from(jwt);
		return Mono.just(new JwtAuthenticationToken(jwt,
				List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())), jwt.getSubject()));
	}

}
