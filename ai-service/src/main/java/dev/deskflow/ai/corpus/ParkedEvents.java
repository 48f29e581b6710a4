package dev.deskflow.ai.corpus;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Where a record goes that could not be applied even after retrying: a row in
 * {@code parked_events}, an error log line and the counter
 * {@code deskflow.ai.events.parked}, so that its partition moves on. When the row cannot
 * be written (the database is down too), this throws and the record is retried instead of
 * being lost.
 */
@Component
class ParkedEvents implements ConsumerRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

	private final DatabaseClient database;

	private final MeterRegistry meters;

	ParkedEvents(DatabaseClient database, MeterRegistry meters) {
		this.database = database;
		this.meters = meters;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
		var spec = this.database
			.sql("insert into parked_events (topic, partition_no, record_offset, record_key, payload, error)"
					+ " values (:topic, :partition, :offset, :key, :payload, :error)")
			.bind("topic", record.topic())
			.bind("partition", record.partition())
			.bind("offset", record.offset())
			.bind("error", error);
		spec = (record.key() != null) ? spec.bind("key", record.key().toString()) : spec.bindNull("key", String.class);
		spec = (record.value() != null) ? spec.bind("payload", record.value().toString())
				: spec.bindNull("payload", String.class);
		spec.fetch().rowsUpdated().block();
		this.meters.counter("deskflow.ai.events.parked", "topic", record.topic()).increment();
		log.error("Parked the record at {}-{}@{} after it failed: {}", record.topic(), record.partition(),
				record.offset(), error);
	}

}
