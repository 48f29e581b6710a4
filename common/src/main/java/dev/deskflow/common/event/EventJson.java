package dev.deskflow.common.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.deskflow.common.tenant.TenantId;

/**
 * Writes {@link EventEnvelope}s as CloudEvents structured-mode JSON and reads them back,
 * choosing the record class of {@code data} by the {@code type} attribute through
 * {@link EventTypes}.
 * <p>
 * The codec owns its {@link JsonMapper} rather than borrowing a service's, so that the
 * wire format cannot drift with a service's settings: times are ISO-8601 strings, unknown
 * attributes and unknown {@code data} fields are ignored (a newer producer may add them),
 * and {@code null} is not accepted for a primitive field. Instances are immutable and
 * thread-safe; share one.
 * <p>
 * Reading fails with {@link UnknownEventTypeException} for a type that is not registered
 * and with {@link InvalidEventException} for anything else that is wrong.
 */
public final class EventJson {

	private static final String SPECVERSION = "specversion";

	private static final String ID = "id";

	private static final String SOURCE = "source";

	private static final String TYPE = "type";

	private static final String SUBJECT = "subject";

	private static final String TIME = "time";

	private static final String DATACONTENTTYPE = "datacontenttype";

	private static final String TENANTID = "tenantid";

	private static final String DATA = "data";

	private static final Set<String> HEADER_ATTRIBUTES = Set.of(SPECVERSION, ID, SOURCE, TYPE, SUBJECT, TIME,
			DATACONTENTTYPE, TENANTID);

	private final JsonMapper mapper;

	/**
	 * Creates a codec with Deskflow's event wire format.
	 */
	public EventJson() {
		this.mapper = JsonMapper.builder()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
	}

	/**
	 * Writes an envelope as UTF-8 JSON, the form sent to Kafka.
	 * @param envelope the envelope
	 * @return the JSON bytes
	 */
	public byte[] write(EventEnvelope<?> envelope) {
		Fields.required(envelope, "envelope");
		return this.mapper.writeValueAsBytes(envelope);
	}

	/**
	 * Writes an envelope as a JSON string, the form stored in an outbox table.
	 * @param envelope the envelope
	 * @return the JSON text
	 */
	public String writeString(EventEnvelope<?> envelope) {
		Fields.required(envelope, "envelope");
		return this.mapper.writeValueAsString(envelope);
	}

	/**
	 * Reads an envelope and binds its data to the record registered for its type.
	 * @param json UTF-8 JSON bytes
	 * @return the envelope
	 * @throws UnknownEventTypeException if the type is not registered
	 * @throws InvalidEventException if the JSON is not a valid Deskflow CloudEvent
	 */
	public EventEnvelope<? extends DeskflowEvent> read(byte[] json) {
		Fields.required(json, "json");
		return readEnvelope(() -> this.mapper.readTree(json));
	}

	/**
	 * Reads an envelope and binds its data to the record registered for its type.
	 * @param json JSON text
	 * @return the envelope
	 * @throws UnknownEventTypeException if the type is not registered
	 * @throws InvalidEventException if the JSON is not a valid Deskflow CloudEvent
	 */
	public EventEnvelope<? extends DeskflowEvent> read(String json) {
		Fields.required(json, "json");
		return readEnvelope(() -> this.mapper.readTree(json));
	}

	/**
	 * Reads an envelope from JSON the caller has already parsed (a consumer that needs
	 * the tree as well reads the text once), and binds its data to the record registered
	 * for its type.
	 * @param root the parsed JSON
	 * @return the envelope
	 * @throws UnknownEventTypeException if the type is not registered
	 * @throws InvalidEventException if the JSON is not a valid Deskflow CloudEvent
	 */
	public EventEnvelope<? extends DeskflowEvent> read(JsonNode root) {
		Fields.required(root, "root");
		return readEnvelope(() -> root);
	}

	/**
	 * Reads only the attributes of an event, streaming over {@code data} without binding
	 * it, so that consumers can de-duplicate, filter by tenant or skip types they do not
	 * know cheaply. The type may be one that is not registered.
	 * @param json UTF-8 JSON bytes
	 * @return the header
	 * @throws InvalidEventException if a required attribute ({@code specversion},
	 * {@code id}, {@code source}, {@code type}, {@code tenantid}) is missing or invalid
	 */
	public EventHeader readHeader(byte[] json) {
		Fields.required(json, "json");
		return readHeader(() -> this.mapper.createParser(json));
	}

	/**
	 * Reads only the attributes of an event; see {@link #readHeader(byte[])}.
	 * @param json JSON text
	 * @return the header
	 * @throws InvalidEventException if a required attribute is missing or invalid
	 */
	public EventHeader readHeader(String json) {
		Fields.required(json, "json");
		return readHeader(() -> this.mapper.createParser(json));
	}

	private EventEnvelope<? extends DeskflowEvent> readEnvelope(Supplier<JsonNode> parse) {
		JsonNode root = parseJson(parse);
		if (root == null || !root.isObject()) {
			throw new InvalidEventException("Not a CloudEvent: expected a JSON object");
		}
		Map<String, String> attributes = new HashMap<>();
		for (String name : HEADER_ATTRIBUTES) {
			JsonNode value = root.get(name);
			if (value != null && !value.isNull()) {
				if (!value.isString()) {
					throw new InvalidEventException("Attribute '" + name + "' must be a string");
				}
				attributes.put(name, value.stringValue());
			}
		}
		EventHeader header = header(attributes);
		Class<? extends DeskflowEvent> dataClass = EventTypes.classOf(header.type())
			.orElseThrow(() -> new UnknownEventTypeException(header.type()));
		String subject = require(attributes, SUBJECT);
		Instant time = require(header.time(), TIME);
		JsonNode dataNode = root.get(DATA);
		if (dataNode == null || dataNode.isNull()) {
			throw missing(DATA);
		}
		DeskflowEvent data = bind(dataNode, dataClass, header.type());
		try {
			return new EventEnvelope<>(EventEnvelope.SPEC_VERSION, header.id(), header.source(), header.type(), subject,
					time, EventEnvelope.DATA_CONTENT_TYPE, header.tenantId(), data);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidEventException("Invalid CloudEvent: " + ex.getMessage(), ex);
		}
	}

	private DeskflowEvent bind(JsonNode dataNode, Class<? extends DeskflowEvent> dataClass, String type) {
		if (!dataNode.isObject()) {
			throw new InvalidEventException("Attribute 'data' of a '" + type + "' event must be a JSON object");
		}
		try {
			return this.mapper.treeToValue(dataNode, dataClass);
		}
		catch (JacksonException ex) {
			throw new InvalidEventException(
					"Attribute 'data' does not match event type '" + type + "': " + ex.getOriginalMessage(), ex);
		}
	}

	private EventHeader readHeader(Supplier<JsonParser> open) {
		Map<String, String> attributes = new HashMap<>();
		try (JsonParser parser = open.get()) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidEventException("Not a CloudEvent: expected a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (HEADER_ATTRIBUTES.contains(name)) {
					if (value == JsonToken.VALUE_STRING) {
						attributes.put(name, parser.getString());
					}
					else if (value != JsonToken.VALUE_NULL) {
						throw new InvalidEventException("Attribute '" + name + "' must be a string");
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			throw new InvalidEventException("Not a CloudEvent: malformed JSON: " + ex.getOriginalMessage(), ex);
		}
		return header(attributes);
	}

	private static EventHeader header(Map<String, String> attributes) {
		String specVersion = require(attributes, SPECVERSION);
		if (!EventEnvelope.SPEC_VERSION.equals(specVersion)) {
			throw new InvalidEventException(
					"Unsupported specversion '" + specVersion + "'; expected '" + EventEnvelope.SPEC_VERSION + "'");
		}
		String id = require(attributes, ID);
		String source = require(attributes, SOURCE);
		String type = require(attributes, TYPE);
		TenantId tenantId = tenantId(require(attributes, TENANTID));
		String dataContentType = attributes.get(DATACONTENTTYPE);
		// CloudEvents' JSON format implies application/json when the attribute is absent
		if (dataContentType != null && !isJson(dataContentType)) {
			throw new InvalidEventException("Unsupported datacontenttype '" + dataContentType + "'; expected '"
					+ EventEnvelope.DATA_CONTENT_TYPE + "'");
		}
		String subject = attributes.get(SUBJECT);
		Instant time = time(attributes.get(TIME));
		return new EventHeader(id, source, type, subject, time, tenantId);
	}

	private static boolean isJson(String mediaType) {
		String withoutParameters = mediaType.split(";", 2)[0].trim();
		return EventEnvelope.DATA_CONTENT_TYPE.equalsIgnoreCase(withoutParameters);
	}

	private static TenantId tenantId(String value) {
		try {
			return TenantId.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEventException("Invalid attribute 'tenantid': " + ex.getMessage(), ex);
		}
	}

	private static Instant time(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidEventException("Invalid attribute 'time' '" + value + "': expected an RFC 3339 timestamp",
					ex);
		}
	}

	private static String require(Map<String, String> attributes, String name) {
		String value = attributes.get(name);
		if (value == null) {
			throw missing(name);
		}
		if (value.isBlank()) {
			throw new InvalidEventException("Attribute '" + name + "' must not be blank");
		}
		return value;
	}

	private static <T> T require(T value, String name) {
		if (value == null) {
			throw missing(name);
		}
		return value;
	}

	private static InvalidEventException missing(String name) {
		return new InvalidEventException("Missing required CloudEvents attribute '" + name + "'");
	}

	private static JsonNode parseJson(Supplier<JsonNode> parse) {
		try {
			return parse.get();
		}
		catch (JacksonException ex) {
			throw new InvalidEventException("Not a CloudEvent: malformed JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
