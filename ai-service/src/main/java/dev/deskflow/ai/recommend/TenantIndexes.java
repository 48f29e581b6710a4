package dev.deskflow.ai.recommend;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.deskflow.ai.AiProperties;
import dev.deskflow.ai.corpus.Corpus;
import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.model.BaseModel;
import dev.deskflow.ai.model.ModelChanged;
import dev.deskflow.ai.model.ModelRegistry;
import dev.deskflow.common.event.RecommendationKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tenants' in-memory retrieval state: loaded from the corpus table on first use,
 * updated by each applied event (a large tenant's index is rebuilt in the background, see
 * {@link TenantCorpus}), bounded in count and dropped after a while without use
 * (Caffeine), reloaded when the tenant's active model changes. A tenant without an active
 * model of its own gets the base model while it is too small to train one.
 */
@Component
public class TenantIndexes {

	private final AsyncCache<String, TenantCorpus> cache;

	private final Corpus corpus;

	private final ModelRegistry models;

	private final BaseModel baseModel;

	private final Duration freshWait;

	TenantIndexes(Corpus corpus, ModelRegistry models, BaseModel baseModel, AiProperties properties,
			MeterRegistry meters) {
		this.corpus = corpus;
		this.models = models;
		this.baseModel = baseModel;
		this.freshWait = properties.index().freshWait();
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.index().maxTenants())
			.expireAfterAccess(properties.index().idleTimeout())
			.buildAsync();
		Gauge.builder("deskflow.ai.index.tenants", this.cache, (cache) -> cache.synchronous().estimatedSize())
			.description("Tenants whose retrieval index is in memory")
			.register(meters);
	}

	/**
	 * @param tenant the tenant
	 * @return its current snapshot, built off the event loop
	 */
	Mono<Snapshot> snapshot(String tenant) {
		return Mono.fromFuture(() -> this.cache.get(tenant, (key, executor) -> load(key).toFuture()))
			.publishOn(Schedulers.boundedElastic())
			.flatMap(TenantCorpus::snapshot);
	}

	/**
	 * @param document a document an event just changed
	 */
	public void changed(CorpusDocument document) {
		CompletableFuture<TenantCorpus> loaded = this.cache.getIfPresent(document.tenant());
		if (loaded != null) {
			// applied after a load in flight completes, so the load cannot hide the
			// change
			loaded.thenAccept((tenantCorpus) -> tenantCorpus.put(document));
		}
	}

	@EventListener
	void on(ModelChanged changed) {
		if (changed.tenant() != null) {
			this.cache.synchronous().invalidate(changed.tenant());
		}
		else {
			this.cache.synchronous().invalidateAll();
		}
	}

	private Mono<TenantCorpus> load(String tenant) {
		return Mono
			.zip(this.corpus.retrievable(tenant).collectList(),
					this.models.active(tenant).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.map((loaded) -> new TenantCorpus(tenant, loaded.getT1(),
					loaded.getT2().orElseGet(() -> this.baseModel.forTenantWith(solvedTickets(loaded.getT1()))),
					(rebuild) -> Schedulers.boundedElastic().schedule(rebuild), this.freshWait));
	}

	private static int solvedTickets(List<CorpusDocument> retrievable) {
		return (int) retrievable.stream().filter((document) -> document.kind() == RecommendationKind.TICKET).count();
	}

}
