package dev.deskflow.common.event;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.deskflow.common.tenant.TenantId;

/**
 * A Deskflow event as it travels on Kafka: a CloudEvents 1.0 structured-mode JSON
 * document with exactly the attributes {@code specversion}, {@code id}, {@code source},
 * {@code type}, {@code subject}, {@code time}, {@code datacontenttype}, the extension
 * {@code tenantid} and {@code data}.
 * <p>
 * Producers create envelopes with {@link #of(String, TenantId, DeskflowEvent)}; the
 * {@code type} and {@code subject} then come from the event, so they cannot disagree with
 * it. {@link EventJson} writes and reads them.
 *
 * @param <T> the type of the event carried
 * @param specVersion the CloudEvents version, always {@value #SPEC_VERSION}
 * @param id the event's unique id, a UUID; consumers de-duplicate on it
 * @param source the producing service as a URI reference, for example
 * {@code /ticket-service}
 * @param type the event type, equal to {@code data.type()}
 * @param subject the id of the aggregate the event is about, also the Kafka record key
 * @param time when the event happened, written as an ISO-8601 UTC timestamp
 * @param dataContentType the media type of {@code data}, always
 * {@value #DATA_CONTENT_TYPE}
 * @param tenantId the tenant the event belongs to (the {@code tenantid} extension)
 * @param data the event
 */
@JsonPropertyOrder({ "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "tenantid", "data" })
public record EventEnvelope<T extends DeskflowEvent>(@JsonProperty("specversion") String specVersion,
		@JsonProperty("id") String id, @JsonProperty("source") String source, @JsonProperty("type") String type,
		@JsonProperty("subject") String subject, @JsonProperty("time") Instant time,
		@JsonProperty("datacontenttype") String dataContentType, @JsonProperty("tenantid") TenantId tenantId,
		@JsonProperty("data") T data) {

	/**
	 * The only CloudEvents version Deskflow writes and reads.
	 */
	public static final String SPEC_VERSION = "1.0";

	/**
	 * The media type of every event's {@code data}.
	 */
	public static final String DATA_CONTENT_TYPE = "application/json";

	/**
	 * Validates the envelope.
	 * @param specVersion must be {@value #SPEC_VERSION}
	 * @param id non-blank
	 * @param source a non-empty URI reference
	 * @param type must equal {@code data.type()}
	 * @param subject non-blank
	 * @param time required
	 * @param dataContentType must be {@value #DATA_CONTENT_TYPE}
	 * @param tenantId required
	 * @param data required
	 * @throws IllegalArgumentException if an attribute is invalid
	 * @throws NullPointerException if a required attribute is {@code null}
	 */
	public EventEnvelope {
		if (!SPEC_VERSION.equals(specVersion)) {
			throw new IllegalArgumentException(
					"Unsupported specversion '" + specVersion + "'; expected '" + SPEC_VERSION + "'");
		}
		Fields.requiredText(id, "id");
		Fields.requiredText(source, "source");
		try {
			URI.create(source);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("source '" + source + "' is not a URI reference", ex);
		}
		Fields.requiredText(type, "type");
		Fields.requiredText(subject, "subject");
		Fields.required(time, "time");
		if (!DATA_CONTENT_TYPE.equals(dataContentType)) {
			throw new IllegalArgumentException(
					"Unsupported datacontenttype '" + dataContentType + "'; expected '" + DATA_CONTENT_TYPE + "'");
		}
		Fields.required(tenantId, "tenantid");
		Fields.required(data, "data");
		if (!type.equals(data.type())) {
			throw new IllegalArgumentException(
					"type '" + type + "' does not match the data's type '" + data.type() + "'");
		}
	}

	/**
	 * Wraps an event that happens now: a random UUID as id, the current time (to the
	 * millisecond, the precision every consumer keeps), and the event's type and
	 * aggregate id as type and subject.
	 * @param <T> the type of the event
	 * @param source the producing service, for example {@code /ticket-service}
	 * @param tenantId the tenant the event belongs to
	 * @param event the event
	 * @return the envelope
	 */
	public static <T extends DeskflowEvent> EventEnvelope<T> of(String source, TenantId tenantId, T event) {
		return of(source, tenantId, event, UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * Wraps an event with a given id and time, for producers that fix them beforehand (an
	 * outbox row's id, a clock under test).
	 * @param <T> the type of the event
	 * @param source the producing service, for example {@code /ticket-service}
	 * @param tenantId the tenant the event belongs to
	 * @param event the event
	 * @param id the event id
	 * @param time when the event happened
	 * @return the envelope
	 */
	public static <T extends DeskflowEvent> EventEnvelope<T> of(String source, TenantId tenantId, T event, String id,
			Instant time) {
		Fields.required(event, "event");
		return new EventEnvelope<>(SPEC_VERSION, id, source, event.type(), event.aggregateId().toString(), time,
				DATA_CONTENT_TYPE, tenantId, event);
	}

	/**
	 * The envelope's attributes without its data.
	 * @return the header
	 */
	public EventHeader header() {
		return new EventHeader(this.id, this.source, this.type, this.subject, this.time, this.tenantId);
	}

}
