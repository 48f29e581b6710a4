package dev.deskflow.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.resources.LoopResources;

/**
 * Stands in for ticket-service's token side: an RSA key pair made in the test, its public
 * half served as a JWKS by a real HTTP server, and tokens signed with Nimbus as decision
 * 004 describes them.
 */
public final class Tokens {

	static final String ISSUER = "http://localhost:8080";

	static final String AUDIENCE = "deskflow-api";

	private volatile RSAKey key = newKey();

	private final AtomicInteger jwksFetches = new AtomicInteger();

	private final DisposableServer server = HttpServer.create()
		// its own event loops: a gateway context that closes may dispose the global ones
		.runOn(LoopResources.create("jwks", 1, true))
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.get("/.well-known/jwks.json", (request, response) -> {
			this.jwksFetches.incrementAndGet();
			return response.header("Content-Type", "application/json")
				.sendString(Mono.just(new JWKSet(this.key.toPublicJWK()).toString()));
		}))
		.bindNow();

	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.port() + "/.well-known/jwks.json";
	}

	int jwksFetches() {
		return this.jwksFetches.get();
	}

	/**
	 * ticket-service rotated its key: the JWKS publishes only a new one, under a new kid.
	 */
	void rotate() {
		this.key = newKey();
	}

	String currentKid() {
		return this.key.getKeyID();
	}

	static JWTClaimsSet.Builder claims(String tenant, String user) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(user)
			.claim("tenant", tenant)
			.claim("tenant_id", UUID.randomUUID().toString())
			.claim("roles", List.of("AGENT"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.jwtID(UUID.randomUUID().toString());
	}

	public String valid(String tenant, String user) {
		return sign(claims(tenant, user).build(), this.key);
	}

	String valid(String tenant) {
		return valid(tenant, UUID.randomUUID().toString());
	}

	String with(UnaryOperator<JWTClaimsSet.Builder> change) {
		return sign(change.apply(claims("acme", UUID.randomUUID().toString())).build(), this.key);
	}

	/** Signed with a key the JWKS never published, under its own kid. */
	String signedByAStranger() {
		return sign(claims("acme", UUID.randomUUID().toString()).build(), newKey());
	}

	/** The classic confusion attack: HS256 with the public key as the HMAC secret. */
	String hs256WithThePublicKey() {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims("acme", UUID.randomUUID().toString()).build());
			jwt.sign(new MACSigner(this.key.toRSAPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String unsigned() {
		return new PlainJWT(claims("acme", UUID.randomUUID().toString()).build()).serialize();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
