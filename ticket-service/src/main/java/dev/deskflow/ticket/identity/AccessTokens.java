package dev.deskflow.ticket.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.deskflow.ticket.TicketProperties;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the access tokens of decision 004: RS256 with the signing key's {@code kid},
 * claims {@code iss aud sub tenant tenant_id roles iat nbf exp jti}.
 */
@Component
class AccessTokens {

	static final String TENANT = "tenant";

	static final String TENANT_ID = "tenant_id";

	static final String ROLES = "roles";

	/** The clock skew the validators allow on {@code exp} and {@code nbf}. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final SigningKeys keys;

	private final TicketProperties.Identity settings;

	AccessTokens(SigningKeys keys, TicketProperties properties) {
		this.keys = keys;
		this.settings = properties.identity();
	}

	/**
	 * @param user the user, active
	 * @return the signed token and its lifetime
	 */
	Mono<AccessToken> issue(User user) {
		return this.keys.signingKey().map((key) -> {
			Instant now = Instant.now();
			JwtClaimsSet claims = JwtClaimsSet.builder()
				.issuer(this.settings.issuer())
				.audience(List.of(this.settings.audience()))
				.subject(user.id().toString())
				.claim(TENANT, user.tenant())
				.claim(TENANT_ID, user.tenantId().toString())
				.claim(ROLES, List.of(user.role().name()))
				.issuedAt(now)
				.notBefore(now)
				.expiresAt(now.plus(this.settings.accessTokenTtl()))
				.id(Ids.next().toString())
				.build();
			JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.kid()).type("JWT").build();
			String token = key.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
			return new AccessToken(token, this.settings.accessTokenTtl());
		});
	}

	/**
	 * @param value the compact JWS
	 * @param lifetime how long it is valid from now
	 */
	record AccessToken(String value, Duration lifetime) {
	}

}
