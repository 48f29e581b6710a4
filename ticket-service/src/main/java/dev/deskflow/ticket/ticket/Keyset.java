package dev.deskflow.ticket.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.deskflow.support.problem.ProblemException;

/**
 * A position in a list ordered by a time and then an id, carried by clients as an opaque
 * cursor. Public for the other lists of the service (knowledge base).
 *
 * @param at the time of the last row seen
 * @param id the id of the last row seen
 */
public record Keyset(Instant at, UUID id) {

	/**
	 * @return the opaque cursor of this position
	 */
	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.at.toString() + "|" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param cursor a cursor a list returned, or {@code null}
	 * @return its position, or {@code null} for the first page
	 * @throws ProblemException 400 when the cursor was not made by us
	 */
	public static Keyset decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
			return new Keyset(Instant.parse(parts[0]), UUID.fromString(parts[1]));
		}
		catch (RuntimeException ex) {
			throw ProblemException.invalid("The cursor is not one this list returned.",
					java.util.List.of(new dev.deskflow.common.problem.FieldError("cursor", "unknown cursor")));
		}
	}

}
