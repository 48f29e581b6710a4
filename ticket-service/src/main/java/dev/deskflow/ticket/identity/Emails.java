package dev.deskflow.ticket.identity;

import java.util.Locale;

/**
 * E-mails are stored and compared in lower case, so {@code Ann@Example.com} and
 * {@code ann@example.com} are one account.
 */
final class Emails {

	private Emails() {
	}

	static String normalised(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
