package dev.deskflow.ai.recommend;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.deskflow.ai.corpus.EventIds;
import dev.deskflow.ai.recommend.RecommendationViews.Explanation;
import dev.deskflow.ai.recommend.RecommendationViews.Recommendations;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.EventJson;
import dev.deskflow.common.event.Recommendation;
import dev.deskflow.common.event.RecommendationKind;
import dev.deskflow.common.event.RecommendationsReady;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.topic.Topics;
import dev.deskflow.support.metrics.TenantTags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * After {@code ticket.created}: computes the ticket's recommendations and publishes
 * {@code recommendations.ready} on {@link Topics#AI_EVENTS}, keyed by the ticket id. The
 * event id is derived from the source event id, so a redelivered {@code ticket.created}
 * republishes the same event rather than a second one. The delay from the ticket's
 * creation to the publication is the timer {@code deskflow.ai.recommendation.latency}
 * (tag: tenant, up to the cap of {@code deskflow.metrics.tenant-cap}; a histogram, for
 * p95).
 */
@Component
class RecommendationsPublisher {

	static final String SOURCE = "/ai-service";

	private static final long SEND_TIMEOUT_SECONDS = 10;

	private final EventJson events = new EventJson();

	private final TenantIndexes indexes;

	private final Recommender recommender;

	private final KafkaTemplate<String, String> kafka;

	private final MeterRegistry meters;

	private final TenantTags tenantTags;

	RecommendationsPublisher(TenantIndexes indexes, Recommender recommender, KafkaTemplate<String, String> kafka,
			MeterRegistry meters, TenantTags tenantTags) {
		this.tenantTags = tenantTags;
		this.indexes = indexes;
		this.recommender = recommender;
		this.kafka = kafka;
		this.meters = meters;
	}

	/**
	 * Blocks until the broker acknowledged the event; runs on the consumer thread, never
	 * on ticket creation's path.
	 * @param source the {@code ticket.created} envelope
	 * @param created its data
	 */
	void publish(EventEnvelope<?> source, TicketCreated created) {
		String tenant = source.tenantId().value();
		Snapshot snapshot = this.indexes.snapshot(tenant).block();
		Recommendations recommendations = this.recommender.recommend(snapshot, created.ticketId(),
				created.subject() + "\n" + created.description(), true);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		RecommendationsReady ready = new RecommendationsReady(created.ticketId(), recommendations.model().name(),
				items(recommendations), now);
		EventEnvelope<RecommendationsReady> envelope = EventEnvelope.of(SOURCE, source.tenantId(), ready,
				EventIds.derived(RecommendationsReady.TYPE, source.id()).toString(), now);
		try {
			this.kafka.send(Topics.AI_EVENTS, envelope.subject(), this.events.writeString(envelope))
				.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing recommendations", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish recommendations for ticket " + created.ticketId(), ex);
		}
		Timer.builder("deskflow.ai.recommendation.latency")
			.description("From a ticket's creation to its recommendations.ready on Kafka")
			.tag("tenant", this.tenantTags.of(tenant))
			.publishPercentileHistogram()
			.register(this.meters)
			.record(Duration.between(source.time(), Instant.now()));
	}

	private static List<Recommendation> items(Recommendations recommendations) {
		List<Recommendation> items = new ArrayList<>();
		recommendations.tickets()
			.forEach((match) -> items.add(new Recommendation(RecommendationKind.TICKET, match.id(), match.confidence(),
					reason(match.explanation()))));
		recommendations.articles()
			.forEach((match) -> items.add(new Recommendation(RecommendationKind.ARTICLE, match.id(), match.confidence(),
					reason(match.explanation()))));
		return items;
	}

	private static String reason(Explanation explanation) {
		StringBuilder reason = new StringBuilder("shared terms: ").append(String.join(", ", explanation.sharedTerms()));
		if (explanation.similarity() != null) {
			reason.append("; similarity ").append(String.format(Locale.ROOT, "%.2f", explanation.similarity()));
		}
		return reason.append("; found by ").append(explanation.sources()).toString();
	}

}
