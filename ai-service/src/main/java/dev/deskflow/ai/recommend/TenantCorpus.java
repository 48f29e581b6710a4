package dev.deskflow.ai.recommend;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.model.ActiveModel;

/**
 * A tenant's retrievable documents held in memory and kept current by the events, and the
 * index built from them. Readers never see a half-built index, and a burst of events
 * costs one rebuild:
 * <ul>
 * <li>the first read builds the index and waits for it;</li>
 * <li>a read after a change starts one rebuild in the background (unless one runs) and
 * waits for it only when the tenant's last build took no longer than the fresh wait (a
 * small tenant: a few milliseconds); otherwise it answers from the previous index, so
 * that a tenant with 100,000 tickets and a steady stream of solved ones keeps answering
 * in milliseconds instead of waiting seconds for every rebuild.</li>
 * </ul>
 */
final class TenantCorpus {

	private static final Logger log = LoggerFactory.getLogger(TenantCorpus.class);

	private final String tenant;

	private final ActiveModel model;

	private final Executor rebuilds;

	private final long freshWaitNanos;

	/** Guarded by {@code this}, like {@link #changes} and {@link #rebuild}. */
	private final Map<UUID, CorpusDocument> documents = new HashMap<>();

	/** Changes applied so far that alter the index. */
	private long changes;

	/** The rebuild in flight, or {@code null}. */
	private CompletableFuture<Built> rebuild;

	private volatile Built built;

	TenantCorpus(String tenant, List<CorpusDocument> documents, ActiveModel model, Executor rebuilds,
			Duration freshWait) {
		this.tenant = tenant;
		this.model = model;
		this.rebuilds = rebuilds;
		this.freshWaitNanos = freshWait.toNanos();
		documents.forEach((document) -> this.documents.put(document.id(), document));
	}

	/**
	 * @param document a document as it is now; it enters the index when retrievable and
	 * leaves it otherwise (a reopened ticket)
	 */
	synchronized void put(CorpusDocument document) {
		CorpusDocument previous = document.retrievable() ? this.documents.put(document.id(), document)
				: this.documents.remove(document.id());
		if (previous != null || document.retrievable()) {
			this.changes++;
		}
	}

	/**
	 * @return the index with every change so far, or the previous one while a slow
	 * rebuild runs; call it off the event loop (the first call builds)
	 */
	Mono<Snapshot> snapshot() {
		Built current = this.built;
		if (current == null) {
			return Mono.fromSupplier(() -> first().snapshot());
		}
		CompletableFuture<Built> next = rebuildIfStale(current);
		if (next == null) {
			return Mono.just(current.snapshot());
		}
		if (current.nanos() > this.freshWaitNanos) {
			return Mono.just(current.snapshot());
		}
		return Mono.fromFuture(next, true)
			.map(Built::snapshot)
			.timeout(Duration.ofNanos(this.freshWaitNanos), Mono.just(current.snapshot()))
			.onErrorReturn(current.snapshot());
	}

	private synchronized Built first() {
		if (this.built == null) {
			this.built = build(List.copyOf(this.documents.values()), this.changes);
		}
		return this.built;
	}

	private synchronized CompletableFuture<Built> rebuildIfStale(Built current) {
		if (this.rebuild != null) {
			return this.rebuild;
		}
		if (current.changes() == this.changes) {
			return null;
		}
		List<CorpusDocument> copy = List.copyOf(this.documents.values());
		long at = this.changes;
		CompletableFuture<Built> started = CompletableFuture.supplyAsync(() -> build(copy, at), this.rebuilds);
		this.rebuild = started;
		started.whenComplete((next, failure) -> {
			synchronized (this) {
				this.rebuild = null;
				if (next != null && (this.built == null || next.changes() > this.built.changes())) {
					this.built = next;
				}
			}
			if (failure != null) {
				log.warn("Could not rebuild the index of tenant {}; it answers from the previous one", this.tenant,
						failure);
			}
		});
		return started;
	}

	private Built build(List<CorpusDocument> corpus, long at) {
		long started = System.nanoTime();
		Snapshot snapshot = Snapshot.build(this.tenant, corpus, this.model);
		return new Built(snapshot, at, System.nanoTime() - started);
	}

	/**
	 * An index and what it reflects.
	 *
	 * @param snapshot the index
	 * @param changes the changes it includes
	 * @param nanos how long it took to build
	 */
	private record Built(Snapshot snapshot, long changes, long nanos) {
	}

}
