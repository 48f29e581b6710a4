package dev.deskflow.ticket.identity;

import java.util.List;

import dev.deskflow.support.security.SecurityProblems;
import dev.deskflow.support.security.BearerTokenConverter;
import dev.deskflow.support.security.StatelessSecurity;
import dev.deskflow.support.security.VerifiedTokenCache;
import dev.deskflow.ticket.TicketProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
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
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * ticket-service as an OAuth2 resource server on its own keys (decision 004), plus the
 * platform operator's token on the operator endpoints. Stateless: no session, no CSRF (no
 * cookies), no login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class IdentitySecurityConfiguration {

	/**
	 * 401 and 403 as problem+json, the same as every other Deskflow service answers them.
	 */
	@Bean
	SecurityProblems securityProblems(JsonMapper json) {
		return new SecurityProblems(json);
	}

	/** What anyone may call without a token. */
	static final ServerWebExchangeMatcher PUBLIC = new OrServerWebExchangeMatcher(
			ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/signup",
					"/api/auth/refresh", "/api/auth/logout", "/api/auth/tenants"),
			ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/auth/jwks",
					"/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs",
					"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**"));

	/** What only the platform operator may call. */
	static final ServerWebExchangeMatcher OPERATOR = ServerWebExchangeMatchers.pathMatchers("/api/admin/tenants",
			"/api/admin/tenants/**", "/api/admin/signing-keys", "/api/admin/signing-keys/**");

	@Bean
	@Order(1)
	SecurityWebFilterChain operatorEndpoints(ServerHttpSecurity http, OperatorAuthentication operator,
			SecurityProblems problems) {
		AuthenticationWebFilter authentication = new AuthenticationWebFilter(operator);
		authentication.setServerAuthenticationConverter(new BearerTokenConverter());
		authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
		authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return stateless(http.securityMatcher(OPERATOR), problems)
			.addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange((exchanges) -> exchanges.anyExchange().hasAuthority(OperatorAuthentication.AUTHORITY))
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder accessTokenDecoder,
			SecurityProblems problems) {
		// Knowledge-base reads are open to anonymous portal visitors, but unlike PUBLIC a
		// token sent with them is still verified (staff see drafts).
		return stateless(http, problems)
			.authorizeExchange((exchanges) -> exchanges.matchers(PUBLIC)
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/kb/articles", "/api/kb/articles/**")
				.permitAll()
				.pathMatchers("/api/kb/**")
				.hasAnyRole("ADMIN", "AGENT")
				.pathMatchers("/api/admin/reports/**", "/api/admin/imports", "/api/admin/imports/**")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.POST, "/api/admin/users")
				.hasAnyRole("ADMIN", "AGENT")
				.pathMatchers("/api/admin/users", "/api/admin/users/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenConverter(bearerTokenOutsidePublic())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt((jwt) -> jwt.jwtDecoder(accessTokenDecoder)
					.jwtAuthenticationConverter(IdentitySecurityConfiguration::authentication)))
			.build();
	}

	/**
	 * Verifies access tokens against the signing keys: RS256 only (so {@code none} and
	 * HMAC tokens, including one "signed" with a public key, are refused), a {@code kid}
	 * that is published, and {@code iss}, {@code aud}, {@code exp} and {@code nbf} with
	 * 60 s of clock skew, {@code exp} and {@code nbf} required; a token verified once is
	 * remembered until its expiry.
	 */
	@Bean
	ReactiveJwtDecoder accessTokenDecoder(SigningKeys keys, TicketProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> Flux.from(keys.verificationKey(jwt.getHeader().getKeyID())))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(AccessTokens.CLOCK_SKEW);
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setAllowEmptyNotBeforeClaim(false);
		List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps,
				new JwtIssuerValidator(properties.identity().issuer()),
				new JwtAudienceValidator(properties.identity().audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return VerifiedTokenCache.remembering(decoder);
	}

	private static ServerHttpSecurity stateless(ServerHttpSecurity http, SecurityProblems problems) {
		return StatelessSecurity.apply(http)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
	}

	// A stale token sent along to log-in or the JWKS must not turn them into a 401.
	private static ServerAuthenticationConverter bearerTokenOutsidePublic() {
		BearerTokenConverter bearer = new BearerTokenConverter();
		return (exchange) -> PUBLIC.matches(exchange)
			.flatMap((match) -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
	}

	private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		Caller caller = Caller.from(jwt);
		JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt,
				List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())), jwt.getSubject());
		authentication.setDetails(caller); // read once per request, for Caller.current()
		return Mono.just(authentication);
	}

}
