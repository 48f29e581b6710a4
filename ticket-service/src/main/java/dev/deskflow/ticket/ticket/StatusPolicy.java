package dev.deskflow.ticket.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.tenant.Role;

import static dev.deskflow.common.event.TicketStatus.CLOSED;
import static dev.deskflow.common.event.TicketStatus.NEW;
import static dev.deskflow.common.event.TicketStatus.OPEN;
import static dev.deskflow.common.event.TicketStatus.PENDING;
import static dev.deskflow.common.event.TicketStatus.SOLVED;

/**
 * The ticket lifecycle: {@code NEW → OPEN → PENDING → SOLVED → CLOSED}, reopening from
 * SOLVED. Agents move tickets along it; a customer may only reopen or close their own
 * solved ticket. CLOSED is final.
 */
final class StatusPolicy {

	private static final Map<TicketStatus, Set<TicketStatus>> STAFF = Map.of(NEW, EnumSet.of(OPEN, PENDING, SOLVED),
			OPEN, EnumSet.of(PENDING, SOLVED), PENDING, EnumSet.of(OPEN, SOLVED), SOLVED, EnumSet.of(OPEN, CLOSED),
			CLOSED, EnumSet.noneOf(TicketStatus.class));

	private static final Map<TicketStatus, Set<TicketStatus>> CUSTOMER = Map.of(SOLVED, EnumSet.of(OPEN, CLOSED));

	private StatusPolicy() {
	}

	static boolean allows(Role role, TicketStatus from, TicketStatus to) {
		Map<TicketStatus, Set<TicketStatus>> rules = role.isStaff() ? STAFF : CUSTOMER;
		return rules.getOrDefault(from, Set.of()).contains(to);
	}

	/**
	 * @param from the status when the customer replied
	 * @return the status a customer's reply moves the ticket to: a reply to a ticket that
	 * waits on the customer, or to a solved one, puts it back in the agents' queue
	 */
	static TicketStatus afterCustomerReply(TicketStatus from) {
		return (from == PENDING || from == SOLVED) ? OPEN : from;
	}

}
