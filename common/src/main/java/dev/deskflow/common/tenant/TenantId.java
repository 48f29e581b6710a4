package dev.deskflow.common.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a tenant (one helpdesk installation of one customer organisation) by its
 * slug, for example {@code acme} or {@code north-wind-2}.
 * <p>
 * A slug is 2 to 63 characters of lowercase ASCII letters, digits and hyphens, starting
 * with a letter or digit. The limits keep it safe, unchanged, in places that are stricter
 * than Java strings: a DNS label, a Kubernetes namespace suffix, a Redis key segment, a
 * metric tag. It is written to JSON as a plain string ({@code "acme"}) and
 * {@link #toString()} returns the bare value, so it can be concatenated into keys and log
 * lines directly.
 *
 * @param value the slug
 */
public record TenantId(@JsonValue String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	/**
	 * Validates the slug.
	 * @param value the slug
	 * @throws IllegalArgumentException if the value is {@code null}, blank, not
	 * lowercase, shorter than 2 or longer than 63 characters, or contains characters
	 * other than {@code a-z}, {@code 0-9} and {@code -}
	 */
	public TenantId {
		if (value == null || !SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException("Invalid tenant id " + quoted(value)
					+ ": expected 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
		}
	}

	/**
	 * Creates a tenant id from its slug; also used to read one from JSON.
	 * @param value the slug
	 * @return the tenant id
	 * @throws IllegalArgumentException if the value is not a valid slug
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static TenantId of(String value) {
		return new TenantId(value);
	}

	/**
	 * Returns the bare slug, so that a tenant id reads naturally in keys and log lines.
	 * @return the slug
	 */
	@Override
	public String toString() {
		return this.value;
	}

	private static String quoted(String value) {
		return (value != null) ? "'" + value + "'" : Objects.toString(null);
	}

}
