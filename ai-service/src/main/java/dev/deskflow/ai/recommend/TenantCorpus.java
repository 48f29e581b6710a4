package dev.deskflow.ai.recommend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.model.ActiveModel;

/**
 * A tenant's retrievable documents held in memory and kept current by the events. A
 * change marks the snapshot stale; the next reader rebuilds it once (so a burst of events
 * costs one rebuild), and readers never see a half-built index.
 */
final class TenantCorpus {

	private final String tenant;

	private final ActiveModel model;

	private final Map<UUID, CorpusDocument> documents = new HashMap<>();

	private Snapshot snapshot;

	TenantCorpus(String tenant, List<CorpusDocument> documents, ActiveModel model) {
		this.tenant = tenant;
		this.model = model;
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
			this.snapshot = null;
		}
	}

	synchronized Snapshot snapshot() {
		if (this.snapshot == null) {
			this.snapshot = Snapshot.build(this.tenant, this.documents.values(), this.model);
		}
		return this.snapshot;
	}

}
