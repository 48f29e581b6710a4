package dev.deskflow.ai.corpus;

import java.util.Optional;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.KbArticlePublished;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.event.TicketUpdated;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.deskflow.ai.tenancy.TenantTransactions;

/**
 * Applies one event to its tenant's corpus exactly once: the event id is recorded in
 * {@code processed_events} in the same transaction as the change, so a redelivered event
 * changes nothing. Internal notes are recorded as processed and otherwise ignored.
 */
@Component
public class CorpusUpdates {

	private final Corpus corpus;

	private final TenantTransactions tenants;

	CorpusUpdates(Corpus corpus, TenantTransactions tenants) {
		this.corpus = corpus;
		this.tenants = tenants;
	}

	/**
	 * @param envelope an event from ticket-service
	 * @return whether it was new, and the document as it is after the change (empty when
	 * the event changed no document)
	 */
	public Mono<Applied> apply(EventEnvelope<? extends DeskflowEvent> envelope) {
		String tenant = envelope.tenantId().value();
		return this.tenants.inTenant(tenant,
				() -> this.corpus.markProcessed(EventIds.of(envelope.id()), tenant, envelope.type())
					.flatMap((first) -> first
							? change(tenant, envelope.data()).map(Optional::of)
								.defaultIfEmpty(Optional.empty())
								.map((document) -> new Applied(true, document))
							: Mono.just(new Applied(false, Optional.empty()))));
	}

	private Mono<CorpusDocument> change(String tenant, DeskflowEvent event) {
		if (event instanceof TicketCreated created) {
			return this.corpus.ticketCreated(tenant, created);
		}
		if (event instanceof TicketCommented commented) {
			// an internal note is staff-only: it never becomes searchable text
			return commented.internal() ? Mono.empty() : this.corpus.publicReply(tenant, commented.ticketId(),
					commented.body(), commented.authorRole().isStaff());
		}
		if (event instanceof TicketStatusChanged changed) {
			return this.corpus.statusChanged(tenant, changed.ticketId(), changed.to());
		}
		if (event instanceof TicketUpdated updated) {
			return this.corpus.ticketUpdated(tenant, updated);
		}
		if (event instanceof KbArticlePublished article) {
			return this.corpus.articlePublished(tenant, article);
		}
		return Mono.empty();
	}

	/**
	 * The outcome of one event.
	 *
	 * @param firstTime {@code false} when the event id had been applied before
	 * @param document the changed document, if any
	 */
	public record Applied(boolean firstTime, Optional<CorpusDocument> document) {
	}

}
