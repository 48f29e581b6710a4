package dev.deskflow.ticket.ticket;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Changes a ticket on behalf of automation (macros, triggers, routing) inside the
 * caller's transaction, exactly as the individual changes would: the same checks, history
 * (with the automation's action and name), events, and automation after it.
 */
@Component
public class AutomatedChanges {

	private final TicketDesk desk;

	private final TicketRepository tickets;

	AutomatedChanges(TicketDesk desk, TicketRepository tickets) {
		this.desk = desk;
		this.tickets = tickets;
	}

	/**
	 * What to do to a ticket.
	 *
	 * @param fields the fields to change, as in {@code PATCH /api/tickets/{id}} (status,
	 * priority, category, tags, assigneeId, groupId)
	 * @param reply the text of a reply or note to add after them, or {@code null}
	 * @param internal whether the reply is an internal note
	 */
	public record Plan(Map<String, Object> fields, String reply, boolean internal) {

		/**
		 * @param fields the fields to change
		 * @return a plan that changes fields only
		 */
		public static Plan of(Map<String, Object> fields) {
			return new Plan(fields, null, false);
		}

	}

	/**
	 * Locks the ticket, checks its version, and carries out the plan made from it. Call
	 * it inside the caller's tenant transaction.
	 * @param caller whose request sets the automation off (the history's actor)
	 * @param ticketId the ticket, of the caller's tenant
	 * @param ifMatch the version the caller saw, or {@code null} not to check it
	 * @param by the automation
	 * @param plan what to do, given the locked ticket
	 * @return the ticket after the change and the automation it set off
	 */
	public Mono<Ticket> apply(Caller caller, UUID ticketId, String ifMatch, Automation by,
			Function<Ticket, Mono<Plan>> plan) {
		return this.tickets.find(caller.tenantId(), ticketId, null, true)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Ticket " + ticketId)))
			.flatMap((ticket) -> {
				if (ifMatch != null) {
					TicketDesk.requireVersion(ticket, ifMatch);
				}
				return plan.apply(ticket).flatMap((steps) -> change(caller, ticket, steps, by));
			});
	}

	private Mono<Ticket> change(Caller caller, Ticket ticket, Plan plan, Automation by) {
		Mono<Ticket> changed = plan.fields().isEmpty() ? Mono.just(ticket)
				: this.desk.changeLocked(caller, ticket, TicketDesk.Changes.parse(plan.fields(), true), by);
		if (plan.reply() == null) {
			return changed;
		}
		return changed.flatMap((current) -> this.desk.comment(caller, current, plan.reply(), plan.internal())
			.flatMap((written) -> this.desk.automate(new TicketWrite(caller, current, written.ticket(), by))
				.then(this.tickets.find(caller.tenantId(), ticket.id(), null, false))));
	}

}
