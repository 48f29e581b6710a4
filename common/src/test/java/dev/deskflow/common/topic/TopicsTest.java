package dev.deskflow.common.topic;

import org.junit.jupiter.api.Test;

import dev.deskflow.common.event.DeskflowEvent;
import dev.deskflow.common.event.KbArticlePublished;
import dev.deskflow.common.event.RecommendationsReady;
import dev.deskflow.common.event.SampleEvents;
import dev.deskflow.common.event.SlaEvent;
import dev.deskflow.common.event.TicketEvent;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

	@Test
	void sendsTicketAndSlaEventsToTheTicketTopic() {
		assertThat(SampleEvents.all()).filteredOn((event) -> event instanceof TicketEvent || event instanceof SlaEvent)
			.hasSize(7)
			.allSatisfy((event) -> assertThat(Topics.of(event)).isEqualTo("deskflow.ticket.events"));
	}

	@Test
	void sendsKnowledgeBaseEventsToTheKbTopic() {
		assertThat(SampleEvents.all()).filteredOn(KbArticlePublished.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(Topics.of(event)).isEqualTo("deskflow.kb.events"));
	}

	@Test
	void sendsRecommendationsToTheAiTopic() {
		assertThat(SampleEvents.all()).filteredOn(RecommendationsReady.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(Topics.of(event)).isEqualTo("deskflow.ai.events"));
	}

	@Test
	void routesEveryEventTypeToOneOfTheThreeTopics() {
		assertThat(SampleEvents.all()).extracting(Topics::of)
			.containsOnly(Topics.TICKET_EVENTS, Topics.KB_EVENTS, Topics.AI_EVENTS);
		assertThat(SampleEvents.all()).extracting(DeskflowEvent::type).hasSize(9);
	}

}
