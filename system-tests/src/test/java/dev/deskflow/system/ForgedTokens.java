package dev.deskflow.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.node.ObjectNode;

/**
 * Access tokens an attacker could make: unsigned, HMAC-signed with the public key, signed
 * with a key of their own, tampered after signing, and — to prove that the validators
 * check more than the signature — tokens signed with the platform's real key (read from
 * ticket-service's database, as only a test may) whose claims are wrong.
 */
final class ForgedTokens {

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final String kid;

	private final PrivateKey realKey;

	private final byte[] publicKey;

	private ForgedTokens(String kid, PrivateKey realKey, byte[] publicKey) {
		this.kid = kid;
		this.realKey = realKey;
		this.publicKey = publicKey;
	}

	/**
	 * @param postgresPort the platform's PostgreSQL port
	 * @return a forger holding the current signing key of the platform
	 */
	static ForgedTokens of(int postgresPort) {
		String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/deskflow_ticket";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet key = statement.executeQuery("select kid, private_key, public_key from signing_keys "
						+ "where retired_at is null order by created_at desc limit 1")) {
			if (!key.next()) {
				throw new IllegalStateException("ticket-service has no signing key yet");
			}
			PrivateKey privateKey = KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(key.getBytes("private_key")));
			return new ForgedTokens(key.getString("kid"), privateKey, key.getBytes("public_key"));
		}
		catch (SQLException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The claims of a real token, to change. */
	static ObjectNode claimsOf(String token) {
		return (ObjectNode) Api.claims(token);
	}

	String kid() {
		return this.kid;
	}

	/** {@code alg: none}, no signature. */
	String unsigned(ObjectNode claims) {
		return header("none", this.kid) + "." + encode(claims.toString()) + ".";
	}

	/** HS256 with the platform's public key (X.509 DER) as the HMAC secret. */
	String hmacWithPublicKey(ObjectNode claims) {
		return hmac(this.publicKey, claims);
	}

	/** HS256 with the public key in PEM text as the HMAC secret. */
	String hmacWithPublicKeyPem(ObjectNode claims) {
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(this.publicKey)
				+ "\n-----END PUBLIC KEY-----\n";
		return hmac(pem.getBytes(StandardCharsets.US_ASCII), claims);
	}

	/** RS256 with the platform's real key: only the claims can make it invalid. */
	String signedWithRealKey(ObjectNode claims) {
		return rs256(this.realKey, header("RS256", this.kid), claims);
	}

	/** RS256 with a key of the attacker's, under the real key's id. */
	String signedWithOwnKey(ObjectNode claims, String kid) {
		return rs256(keyPair().getPrivate(), header("RS256", kid), claims);
	}

	/** RS256 with the attacker's key, its public half embedded in the header. */
	String signedWithEmbeddedKey(ObjectNode claims) {
		KeyPair pair = keyPair();
		RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
		ObjectNode header = Api.JSON.createObjectNode().put("alg", "RS256").put("kid", "attacker");
		header.putObject("jwk")
			.put("kty", "RSA")
			.put("kid", "attacker")
			.put("n", BASE64.encodeToString(publicKey.getModulus().toByteArray()))
			.put("e", BASE64.encodeToString(publicKey.getPublicExponent().toByteArray()));
		header.put("jku", "http://127.0.0.1:1/jwks.json");
		return rs256(pair.getPrivate(), encode(header.toString()), claims);
	}

	/**
	 * A real token whose payload was changed after signing; header and signature kept.
	 */
	static String tampered(String token, Consumer<ObjectNode> change) {
		String[] parts = token.split("\\.");
		ObjectNode claims = claimsOf(token);
		change.accept(claims);
		return parts[0] + "." + encode(claims.toString()) + "." + parts[2];
	}

	private String hmac(byte[] secret, ObjectNode claims) {
		String signed = header("HS256", this.kid) + "." + encode(claims.toString());
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return signed + "." + BASE64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String rs256(PrivateKey key, String header, ObjectNode claims) {
		String signed = header + "." + encode(claims.toString());
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(signed.getBytes(StandardCharsets.US_ASCII));
			return signed + "." + BASE64.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String header(String alg, String kid) {
		return encode(Api.JSON.createObjectNode().put("alg", alg).put("typ", "JWT").put("kid", kid).toString());
	}

	private static String encode(String json) {
		return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
