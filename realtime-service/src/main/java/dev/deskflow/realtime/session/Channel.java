package dev.deskflow.realtime.session;

import java.util.UUID;

/**
 * What a socket subscribes to: {@code ticket:<id>}, {@code queue} (the tenant's whole
 * queue) or {@code mine} (tickets assigned to the user). Always within the socket's
 * tenant.
 */
sealed interface Channel {

	String name();

	boolean staffOnly();

	boolean matches(LiveEvent event, SessionIdentity identity);

	/**
	 * @return the channel, or {@code null} when there is no such channel
	 */
	static Channel parse(String name) {
		if ("queue".equals(name)) {
			return new Queue();
		}
		if ("mine".equals(name)) {
			return new Mine();
		}
		if (name.startsWith("ticket:")) {
			try {
				return new Ticket(UUID.fromString(name.substring("ticket:".length())));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	record Queue() implements Channel {

		@Override
		public String name() {
			return "queue";
		}

		@Override
		public boolean staffOnly() {
			return true;
		}

		@Override
		public boolean matches(LiveEvent event, SessionIdentity identity) {
			return true;
		}

	}

	record Mine() implements Channel {

		@Override
		public String name() {
			return "mine";
		}

		@Override
		public boolean staffOnly() {
			return true;
		}

		@Override
		public boolean matches(LiveEvent event, SessionIdentity identity) {
			return identity.userId().equals(event.assigneeId());
		}

	}

	record Ticket(UUID ticketId) implements Channel {

		@Override
		public String name() {
			return "ticket:" + this.ticketId;
		}

		@Override
		public boolean staffOnly() {
			return false;
		}

		@Override
		public boolean matches(LiveEvent event, SessionIdentity identity) {
			return this.ticketId.equals(event.ticketId());
		}

	}

}
