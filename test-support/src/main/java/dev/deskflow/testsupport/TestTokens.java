package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Access tokens as ticket-service issues them (RS256; {@code iss}
 * {@code http://localhost:8080}, {@code aud} {@code deskflow-api}, {@code sub},
 * {@code tenant}, {@code tenant_id}, {@code roles}), signed by a key made for the test
 * JVM whose JWKS a small HTTP server on loopback publishes: point a service's
 * {@code deskflow.security.jwks-uri} at {@link #jwksUri()}.
 */
public final class TestTokens {

	private final RSAKey key;

	private final HttpServer jwks;

	private TestTokens(RSAKey key, HttpServer jwks) {
		this.key = key;
		this.jwks = jwks;
	}

	/**
	 * @param keyId the {@code kid} of the signing key
	 * @return a new key with its JWKS served until the JVM ends
	 */
	public static TestTokens start(String keyId) {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID(keyId).generate();
			byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/.well-known/jwks.json", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return new TestTokens(key, server);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return where the public key set is served
	 */
	public String jwksUri() {
		return "http://127.0.0.1:" + this.jwks.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/**
	 * @param user the {@code sub}
	 * @param tenant the tenant's slug ({@code tenant_id} is derived from it)
	 * @param role the role's name, e.g. {@code AGENT}
	 * @return a token valid for 15 minutes
	 */
	public String mint(UUID user, String tenant, String role) {
		return mint(user, tenant, role, Duration.ofMinutes(15));
	}

	/**
	 * @param user the {@code sub}
	 * @param tenant the tenant's slug ({@code tenant_id} is derived from it)
	 * @param role the role's name, e.g. {@code AGENT}
	 * @param lifetime how long from now the token is valid
	 * @return the token
	 */
	public String mint(UUID user, String tenant, String role, Duration lifetime) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080")
			.audience("deskflow-api")
			.subject(user.toString())
			.claim("tenant", tenant)
			.claim("tenant_id", UUID.nameUUIDFromBytes(tenant.getBytes(StandardCharsets.UTF_8)).toString())
			.claim("roles", List.of(role))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
