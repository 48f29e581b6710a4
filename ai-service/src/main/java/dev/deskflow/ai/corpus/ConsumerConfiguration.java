package dev.deskflow.ai.corpus;

import dev.deskflow.ai.AiProperties;
import dev.deskflow.common.event.InvalidEventException;
import dev.deskflow.common.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the corpus consumer fails: a transient failure (database or broker away) is retried
 * on the same record after a pause; a record that still fails after the configured
 * attempts, or that is not a valid Deskflow event at all, is parked
 * ({@link ParkedEvents}) so that the partition does not stop for good. Spring Boot gives
 * this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

	@Bean
	DefaultErrorHandler corpusErrorHandler(ParkedEvents parked, AiProperties properties) {
		AiProperties.Consumer consumer = properties.consumer();
		DefaultErrorHandler handler = new DefaultErrorHandler(parked,
				new FixedBackOff(consumer.retryInterval().toMillis(), consumer.maxAttempts() - 1L));
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

	// the topics the service reads and writes, created at start-up when missing (with the
	// broker's defaults), so that the consumer is assigned partitions at once
	@Bean
	NewTopic ticketEventsTopic() {
		return TopicBuilder.name(Topics.TICKET_EVENTS).build();
	}

	@Bean
	NewTopic knowledgeBaseEventsTopic() {
		return TopicBuilder.name(Topics.KB_EVENTS).build();
	}

	@Bean
	NewTopic aiEventsTopic() {
		return TopicBuilder.name(Topics.AI_EVENTS).build();
	}

}
