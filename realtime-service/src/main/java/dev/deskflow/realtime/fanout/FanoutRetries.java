package dev.deskflow.realtime.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A batch the fan-out could not append (Redis down, a timeout) is retried, with the
 * consumer paused, from half a second doubling to ten seconds, for as long as it takes:
 * the records a batch holds are events the replay stream must get, and skipping them
 * after a few tries (the default) would lose every event of a Redis outage. Records that
 * are not events are skipped before the append ({@code EventFanout#read}), so only the
 * append can fail here. {@code deskflow.realtime.fanout.failures} counts the failed
 * tries.
 */
@Configuration(proxyBeanMethods = false)
class FanoutRetries {

	private static final Logger log = LoggerFactory.getLogger(FanoutRetries.class);

	@Bean
	DefaultErrorHandler fanoutErrorHandler(MeterRegistry meters) {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
		Counter failures = Counter.builder("deskflow.realtime.fanout.failures")
			.description("Batches of events the fan-out failed to append and will try again")
			.register(meters);
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
				failures.increment();
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
				failures.increment();
				log.warn("Could not append {} events (try {}), trying again: {}", records.count(), deliveryAttempt,
						ex.getMessage());
			}

		});
		return handler;
	}

}
