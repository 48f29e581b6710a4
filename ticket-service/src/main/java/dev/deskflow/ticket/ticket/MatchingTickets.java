package dev.deskflow.ticket.ticket;

import java.util.List;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Every ticket of a list with the filters and sort of {@code GET /api/tickets}, read page
 * by page on the list's keyset (one short tenant-bound transaction per page), for exports
 * that stream more than a page.
 */
@Component
public class MatchingTickets {

	private final TicketRepository tickets;

	private final TenantTransactions transactions;

	MatchingTickets(TicketRepository tickets, TenantTransactions transactions) {
		this.tickets = tickets;
		this.transactions = transactions;
	}

	/**
	 * Checks the parameters at once and reads the tickets as they are consumed.
	 * @param caller the caller; customers get their own tickets only
	 * @param params the list's filters and sort, without {@code limit} and {@code cursor}
	 * @param batchSize tickets read per page
	 * @return the tickets in the list's order
	 * @throws ProblemException 400 for invalid parameters
	 */
	public Flux<Ticket> matching(Caller caller, MultiValueMap<String, String> params, int batchSize) {
		List<FieldError> paging = params.keySet()
			.stream()
			.filter(TicketQuery::isPaging)
			.map((name) -> new FieldError(name, "an export holds every matching ticket; leave it out"))
			.toList();
		if (!paging.isEmpty()) {
			throw ProblemException.invalid("The export has invalid parameters.", paging);
		}
		TicketQuery query = TicketQuery.parse(caller.tenantId(), caller.userId(), caller.isStaff(), params);
		return from(caller, query, batchSize);
	}

	private Flux<Ticket> from(Caller caller, TicketQuery query, int batchSize) {
		return this.transactions.inTenantMany(caller.tenantId(), () -> this.tickets.list(query, batchSize))
			.collectList()
			.flatMapMany((rows) -> {
				Flux<Ticket> page = Flux.fromIterable(rows);
				if (rows.size() < batchSize) {
					return page;
				}
				Ticket last = rows.get(rows.size() - 1);
				query.after(new Keyset(query.sort().keyOf(last), last.id()));
				return page.concatWith(Flux.defer(() -> from(caller, query, batchSize)));
			});
	}

}
