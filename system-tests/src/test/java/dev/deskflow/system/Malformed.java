package dev.deskflow.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random, mostly wrong input for the fuzz test, from one seed (so a failure can be
 * replayed with {@code -Dfuzz.seed=…}): JSON bodies derived from a valid one by dropping
 * fields, giving them values of the wrong type, nulls, huge or strange strings, adding
 * fields, or replacing the body by something that is not an object or not JSON; query
 * strings with known and unknown parameters and such values; path segments.
 */
final class Malformed {

	private static final List<String> STRANGE_STRINGS = List.of("", " ", "\t\n", "null", "true", "0", "-1", "1e309",
			"NaN", "-0", "0x1F", "9223372036854775808", "2026-13-45", "2026-02-30T25:61:00Z", "Europe/Nowhere",
			"+02:00", "' OR '1'='1", "\"; drop table tickets; --", "%", "_", "\\", "../../etc/passwd", "%00",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "ünïcödé ✓ 漢字 עברית",
			"👩‍👩‍👧‍👦🏳️‍🌈", "e\u0301\u0301\u0301", "\u202Eevil", "\u0000", "\uFEFF", "a,b,,c", "NEW,,SOLVED", "me",
			"none", "-created", "DRAFT", "PUBLISHED", "ADMIN", "GOOD", "TICKET", "ARTICLE", "URGENT", "WEB");

	private final Random random;

	Malformed(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * @param valid a body the endpoint accepts
	 * @return the raw text of a body derived from it, mostly invalid
	 */
	String body(Map<String, Object> valid) {
		int kind = this.random.nextInt(10);
		if (kind == 0) {
			return rawText();
		}
		if (kind == 1) {
			return json(value(2));
		}
		Map<String, Object> body = new LinkedHashMap<>(valid);
		int changes = 1 + this.random.nextInt(3);
		for (int i = 0; i < changes; i++) {
			List<String> fields = new ArrayList<>(body.keySet());
			int change = this.random.nextInt(4);
			if (change == 0 && !fields.isEmpty()) {
				body.remove(pick(fields));
			}
			else if (change == 1) {
				body.put(fieldName(), value(2));
			}
			else if (!fields.isEmpty()) {
				body.put(pick(fields), value(2));
			}
		}
		return json(body);
	}

	/**
	 * @param parameters the parameters the endpoint knows
	 * @return a query string (with its {@code ?}), or empty
	 */
	String query(List<String> parameters) {
		StringBuilder query = new StringBuilder();
		int count = this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String name = (parameters.isEmpty() || this.random.nextInt(5) == 0) ? fieldName() : pick(parameters);
			query.append((query.length() == 0) ? '?' : '&')
				.append(encode(name))
				.append('=')
				.append(encode(abbreviate(String.valueOf(scalar()))));
		}
		return query.toString();
	}

	/**
	 * @return true once in {@code n} times
	 */
	boolean oneIn(int n) {
		return this.random.nextInt(n) == 0;
	}

	/**
	 * @return a path segment standing where an id belongs (without the encoded dots,
	 * slashes, percent signs and NULs the gateway's firewall refuses before any endpoint:
	 * {@code AttacksTest} checks those answers)
	 */
	String pathSegment() {
		return pick(List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000", "1", "-1",
				"9223372036854775808", "null", "true", "not-a-uuid", "x".repeat(300), encode("ünïcödé ✓ 漢字"),
				UUID.randomUUID().toString().toUpperCase(Locale.ROOT)));
	}

	/**
	 * @return a content type for a JSON body: mostly right, sometimes not
	 */
	String contentType() {
		return switch (this.random.nextInt(12)) {
			case 0 -> "text/plain";
			case 1 -> "application/xml";
			case 2 -> "application/json; charset=ISO-8859-1";
			case 3 -> "multipart/form-data; boundary=x";
			default -> "application/json";
		};
	}

	/**
	 * Query values stay within 1,000 characters, so the request line stays under the
	 * servers' 4 KiB limit: {@code AttacksTest} checks the answer to a longer one.
	 */
	private static String abbreviate(String value) {
		return (value.length() > 1000) ? value.substring(0, 1000) : value;
	}

	private Object value(int depth) {
		int kind = this.random.nextInt((depth > 0) ? 8 : 6);
		return switch (kind) {
			case 0, 1, 2, 3, 4 -> scalar();
			case 5 -> null;
			case 6 -> Arrays.asList(value(depth - 1), value(depth - 1));
			default -> Collections.singletonMap(fieldName(), value(depth - 1));
		};
	}

	private Object scalar() {
		return switch (this.random.nextInt(9)) {
			case 0 -> this.random.nextBoolean();
			case 1 -> this.random.nextInt();
			case 2 -> pick(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 101L));
			case 3 -> pick(List.of(1e308, -0.0, 0.5, 3.14e-300));
			case 4 -> "x".repeat(pick(List.of(101, 301, 501, 2_001, 20_001, 100_001)));
			case 5 -> UUID.randomUUID().toString();
			default -> string();
		};
	}

	private String string() {
		return pick(STRANGE_STRINGS);
	}

	private String fieldName() {
		return pick(List.of("tenant", "tenantId", "tenant_id", "id", "role", "roles", "version", "requesterId",
				"authorId", "internal", "status", "__proto__", "constructor", "", "x".repeat(300), "ünï"));
	}

	private String rawText() {
		return pick(List.of("", "{", "}", "[", "{\"subject\":", "{\"subject\":\"unterminated", "{'single':'quotes'}",
				"{\"a\":1,\"a\":2}", "{\"a\":1} trailing", "null", "[]", "\"just a string\"", "42",
				"{\"text\":\"\\ud800\"}", "{\"text\":\"\\u0000\"}", "{\"body\":\"\\x41\"}", "not json at all", "<xml/>",
				"{\"n\":1e999999}", "{\"n\":-}", "\u0000\u0001\u0002", "{\"a\":[1,2,]}", "{,}", "{\"a\"::1}"));
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String json(Object value) {
		return Api.JSON.writeValueAsString(value);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
