package dev.deskflow.common.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventJsonTest {

	private static final TenantId ACME = TenantId.of("acme");

	private static final Instant TIME = Instant.parse("2025-03-04T10:15:30.123Z");

	private static final String COMMENTED = """
			{
			  "specversion": "1.0",
			  "id": "5b0c8e0e-7a53-4a8e-9d39-2f6f4f1d2b11",
			  "source": "/ticket-service",
			  "type": "ticket.commented",
			  "subject": "0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01",
			  "time": "2025-03-04T10:15:30.123Z",
			  "datacontenttype": "application/json",
			  "tenantid": "acme",
			  "data": {
			    "ticketId": "0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01",
			    "commentId": "0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a06",
			    "authorId": "0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a03",
			    "authorRole": "CUSTOMER",
			    "body": "Still smoking.",
			    "internal": false,
			    "createdAt": "2025-03-04T10:15:30.123Z"
			  }
			}
			""";

	private final EventJson json = new EventJson();

	private final JsonMapper plain = JsonMapper.builder().build();

	static List<DeskflowEvent> everyEventType() {
		return SampleEvents.all();
	}

	@ParameterizedTest
	@MethodSource("everyEventType")
	void roundTripsEveryEventTypeThroughTheEnvelope(DeskflowEvent event) {
		EventEnvelope<DeskflowEvent> envelope = EventEnvelope.of("/ticket-service", ACME, event);

		assertThat(this.json.read(this.json.write(envelope))).isEqualTo(envelope);
		assertThat(this.json.read(this.json.writeString(envelope))).isEqualTo(envelope);
	}

	@Test
	void roundTripCoversEveryRegisteredType() {
		assertThat(everyEventType()).extracting(DeskflowEvent::type)
			.containsExactlyInAnyOrderElementsOf(EventTypes.types());
	}

	@Test
	void writesExactlyTheCloudEventsAttributes() {
		TicketCreated created = (TicketCreated) SampleEvents.all().get(0);
		JsonNode written = this.plain.readTree(this.json.write(envelope(created)));

		assertThat(written.propertyNames()).containsExactly("specversion", "id", "source", "type", "subject", "time",
				"datacontenttype", "tenantid", "data");
		assertThat(written.get("specversion").stringValue()).isEqualTo("1.0");
		assertThat(written.get("id").stringValue()).isEqualTo("5b0c8e0e-7a53-4a8e-9d39-2f6f4f1d2b11");
		assertThat(written.get("source").stringValue()).isEqualTo("/ticket-service");
		assertThat(written.get("type").stringValue()).isEqualTo("ticket.created");
		assertThat(written.get("subject").stringValue()).isEqualTo(SampleEvents.TICKET_ID.toString());
		assertThat(written.get("time").isString()).isTrue();
		assertThat(written.get("time").stringValue()).isEqualTo("2025-03-04T10:15:30.123Z");
		assertThat(written.get("datacontenttype").stringValue()).isEqualTo("application/json");
		assertThat(written.get("tenantid").stringValue()).isEqualTo("acme");
	}

	@Test
	void writesDataAsTheRecordFieldsOnlyWithIsoTimes() {
		TicketCreated created = (TicketCreated) SampleEvents.all().get(0);
		JsonNode data = this.plain.readTree(this.json.write(envelope(created))).get("data");

		assertThat(data.propertyNames()).containsExactlyInAnyOrder("ticketId", "requesterId", "subject", "description",
				"status", "priority", "category", "tags", "channel", "createdAt");
		assertThat(data.get("subject").stringValue()).isEqualTo("Printer on fire");
		assertThat(data.get("createdAt").stringValue()).isEqualTo("2025-03-04T10:15:30.123Z");
		assertThat(data.get("status").stringValue()).isEqualTo("NEW");
		assertThat(data.get("tags").isArray()).isTrue();
	}

	@Test
	void writesSlaTargetsInKebabCase() {
		SlaAtRisk atRisk = new SlaAtRisk(SampleEvents.TICKET_ID, UUID.randomUUID(), SlaTarget.FIRST_RESPONSE, TIME);

		JsonNode data = this.plain.readTree(this.json.write(envelope(atRisk))).get("data");

		assertThat(data.get("target").stringValue()).isEqualTo("first-response");
		assertThat(data.get("dueAt").stringValue()).isEqualTo("2025-03-04T10:15:30.123Z");
	}

	@Test
	void readsAHandWrittenCloudEvent() {
		EventEnvelope<? extends DeskflowEvent> envelope = this.json.read(COMMENTED);

		assertThat(envelope.specVersion()).isEqualTo("1.0");
		assertThat(envelope.id()).isEqualTo("5b0c8e0e-7a53-4a8e-9d39-2f6f4f1d2b11");
		assertThat(envelope.source()).isEqualTo("/ticket-service");
		assertThat(envelope.type()).isEqualTo(TicketCommented.TYPE);
		assertThat(envelope.subject()).isEqualTo("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01");
		assertThat(envelope.time()).isEqualTo(TIME);
		assertThat(envelope.dataContentType()).isEqualTo("application/json");
		assertThat(envelope.tenantId()).isEqualTo(ACME);
		assertThat(envelope.data()).isEqualTo(new TicketCommented(SampleEvents.TICKET_ID,
				UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a06"),
				UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a03"), Role.CUSTOMER, "Still smoking.", false, TIME));
	}

	@Test
	void readsAnEventAlreadyParsedAsTheTextItCameFrom() {
		JsonNode tree = this.plain.readTree(COMMENTED);

		assertThat(this.json.read(tree)).isEqualTo(this.json.read(COMMENTED));
		assertThatExceptionOfType(UnknownEventTypeException.class)
			.isThrownBy(() -> this.json.read(this.plain.readTree(edit(COMMENTED, (root) -> root.put("type", "x.y")))));
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.json.read(this.plain.readTree("[]")));
	}

	@Test
	void readsAHandWrittenSlaEventWithAnOffsetTime() {
		String text = """
				{"specversion":"1.0","id":"e1","source":"/ticket-service","type":"sla.breached",
				 "subject":"0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01","time":"2025-03-04T12:15:30.123+02:00",
				 "tenantid":"acme",
				 "data":{"ticketId":"0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01",
				         "policyId":"0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a05","target":"resolution",
				         "dueAt":"2025-03-04T10:00:00Z","breachedAt":"2025-03-04T10:01:00Z"}}
				""";

		EventEnvelope<? extends DeskflowEvent> envelope = this.json.read(text.getBytes(StandardCharsets.UTF_8));

		assertThat(envelope.time()).isEqualTo(TIME);
		assertThat(envelope.dataContentType()).as("implied by the JSON format").isEqualTo("application/json");
		assertThat(envelope.data()).isEqualTo(new SlaBreached(SampleEvents.TICKET_ID,
				UUID.fromString("0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a05"), SlaTarget.RESOLUTION,
				Instant.parse("2025-03-04T10:00:00Z"), Instant.parse("2025-03-04T10:01:00Z")));
	}

	@Test
	void ignoresAttributesAndDataFieldsItDoesNotKnow() {
		String newer = edit(COMMENTED, (root) -> {
			root.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
			((ObjectNode) root.get("data")).put("language", "en");
		});

		assertThat(this.json.read(newer)).isEqualTo(this.json.read(COMMENTED));
	}

	@Test
	void rejectsAnUnknownTypeNamingIt() {
		String unknown = edit(COMMENTED, (root) -> root.put("type", "ticket.merged"));

		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> this.json.read(unknown))
			.satisfies((ex) -> assertThat(ex.getType()).isEqualTo("ticket.merged"))
			.withMessageContaining("ticket.merged");
	}

	@ParameterizedTest
	@ValueSource(strings = { "specversion", "id", "source", "type", "tenantid", "subject", "time", "data" })
	void rejectsAnEventWithoutARequiredAttribute(String attribute) {
		String incomplete = edit(COMMENTED, (root) -> root.remove(attribute));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(incomplete))
			.withMessage("Missing required CloudEvents attribute '" + attribute + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "specversion", "id", "source", "type", "tenantid" })
	void rejectsAHeaderWithoutARequiredAttribute(String attribute) {
		String incomplete = edit(COMMENTED, (root) -> root.putNull(attribute));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.readHeader(incomplete))
			.withMessage("Missing required CloudEvents attribute '" + attribute + "'");
	}

	@Test
	void rejectsAnotherSpecversion() {
		String old = edit(COMMENTED, (root) -> root.put("specversion", "0.3"));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(old))
			.withMessageContaining("specversion '0.3'");
	}

	@Test
	void rejectsAnInvalidTenantid() {
		String upper = edit(COMMENTED, (root) -> root.put("tenantid", "ACME"));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(upper))
			.withMessageContaining("tenantid");
	}

	@Test
	void rejectsAnAttributeThatIsNotAString() {
		String numeric = edit(COMMENTED, (root) -> root.put("id", 42));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(numeric))
			.withMessage("Attribute 'id' must be a string");
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.readHeader(numeric))
			.withMessage("Attribute 'id' must be a string");
	}

	@Test
	void rejectsDataThatIsNotJson() {
		String xml = edit(COMMENTED, (root) -> root.put("datacontenttype", "application/xml"));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(xml))
			.withMessageContaining("datacontenttype 'application/xml'");
	}

	@Test
	void rejectsDataWithoutARequiredField() {
		String incomplete = edit(COMMENTED, (root) -> ((ObjectNode) root.get("data")).remove("commentId"));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(incomplete))
			.withMessageContaining("ticket.commented")
			.withMessageContaining("commentId");
	}

	@Test
	void rejectsAnUnparsableTime() {
		String yesterday = edit(COMMENTED, (root) -> root.put("time", "yesterday"));

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(yesterday))
			.withMessageContaining("'time'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "[1, 2]", "{\"specversion\": \"1.0\", " })
	void rejectsTextThatIsNotAJsonObject(String text) {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.read(text))
			.withMessageStartingWith("Not a CloudEvent");
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.json.readHeader(text))
			.withMessageStartingWith("Not a CloudEvent");
	}

	@Test
	void readsTheHeaderOfAnUnknownTypeWithoutBindingItsData() {
		String unknown = edit(COMMENTED, (root) -> {
			root.put("type", "ticket.merged");
			root.putArray("data").add("anything").addObject().put("nested", true);
		});

		EventHeader header = this.json.readHeader(unknown.getBytes(StandardCharsets.UTF_8));

		assertThat(header).isEqualTo(new EventHeader("5b0c8e0e-7a53-4a8e-9d39-2f6f4f1d2b11", "/ticket-service",
				"ticket.merged", "0190f5a2-7c3e-7d41-9a6b-3c2f1e0d9a01", TIME, ACME));
		assertThat(header.hasKnownType()).isFalse();
	}

	@Test
	void readsTheSameHeaderAsTheFullEnvelope() {
		EventEnvelope<? extends DeskflowEvent> envelope = this.json.read(COMMENTED);

		assertThat(this.json.readHeader(COMMENTED)).isEqualTo(envelope.header());
		assertThat(this.json.readHeader(COMMENTED).hasKnownType()).isTrue();
	}

	private static <T extends DeskflowEvent> EventEnvelope<T> envelope(T event) {
		return EventEnvelope.of("/ticket-service", ACME, event, "5b0c8e0e-7a53-4a8e-9d39-2f6f4f1d2b11", TIME);
	}

	private String edit(String text, Consumer<ObjectNode> change) {
		ObjectNode root = (ObjectNode) this.plain.readTree(text);
		change.accept(root);
		return this.plain.writeValueAsString(root);
	}

}
