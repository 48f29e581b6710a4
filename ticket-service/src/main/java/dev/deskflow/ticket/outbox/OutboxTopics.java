package dev.deskflow.ticket.outbox;

import dev.deskflow.common.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics ticket-service publishes to, created at start-up when missing (with the
 * broker's default partitions and replication; operators may create them beforehand with
 * their own). A relay publishing to a topic that is still being auto-created can see
 * sends time out while leaders are elected, and re-publish what partly went through.
 */
@Configuration(proxyBeanMethods = false)
class OutboxTopics {

	@Bean
	NewTopic ticketEventsTopic() {
		return TopicBuilder.name(Topics.TICKET_EVENTS).build();
	}

	@Bean
	NewTopic knowledgeBaseEventsTopic() {
		return TopicBuilder.name(Topics.KB_EVENTS).build();
	}

}
