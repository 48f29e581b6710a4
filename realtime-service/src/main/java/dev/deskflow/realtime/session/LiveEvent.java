package dev.deskflow.realtime.session;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketStatusChanged;
import dev.deskflow.common.tenant.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as sockets receive it: its stream id, what it is about, and its data in two
 * views, the full one for staff and a customer's one (or none).
 *
 * @param streamId the id in the tenant's stream, sent as the frame's {@code id}
 * @param tenant the tenant
 * @param ticketId the ticket it is about
 * @param eventType the CloudEvents type
 * @param assigneeId the ticket's assignee at the time, or {@code null}
 * @param staffData the data for staff
 * @param customerData the data a customer may see, or {@code null} when the event is not
 * for customers at all
 * @param staffJson {@code staffData} as JSON text, written once for every socket
 * @param customerJson {@code customerData} as JSON text, or {@code null}
 */
public record LiveEvent(String streamId, TenantId tenant, UUID ticketId, String eventType, UUID assigneeId,
		JsonNode staffData, JsonNode customerData, String staffJson, String customerJson) {

	/**
	 * What a customer may see of each event type; every other type (assignment, triage
	 * updates, SLA, AI recommendations) and every internal note is for staff only.
	 */
	private static final Map<String, Set<String>> CUSTOMER_FIELDS = Map.of(TicketCreated.TYPE,
			Set.of("ticketId", "subject", "description", "status", "priority", "category", "channel", "createdAt"),
			TicketCommented.TYPE, Set.of("ticketId", "commentId", "authorRole", "body", "createdAt"),
			TicketStatusChanged.TYPE, Set.of("ticketId", "from", "to", "changedAt"));

	/**
	 * Reads an event of the stream or of Kafka.
	 * @param streamId its stream id
	 * @param cloudEvent the CloudEvent JSON, already checked by {@code EventJson}
	 * @param assignee the assignee at the time, or empty
	 * @param json a mapper
	 * @return the event
	 */
	public static LiveEvent of(String streamId, String cloudEvent, String assignee, JsonMapper json) {
		return parse(cloudEvent, json).at(streamId, assignee);
	}

	/**
	 * Reads an event before its stream id is known, so the JSON work can happen before
	 * the event's turn to be appended and delivered.
	 * @param cloudEvent the CloudEvent JSON, already checked by {@code EventJson}
	 * @param json a mapper
	 * @return the event, without stream id and assignee until {@link #at}
	 */
	public static LiveEvent parse(String cloudEvent, JsonMapper json) {
		return parse(json.readTree(cloudEvent), json);
	}

	/**
	 * Reads an event before its stream id is known, from JSON already parsed.
	 * @param root the CloudEvent, already checked by {@code EventJson}
	 * @param json a mapper
	 * @return the event, without stream id and assignee until {@link #at}
	 */
	public static LiveEvent parse(JsonNode root, JsonMapper json) {
		String type = root.get("type").asString();
		JsonNode data = root.get("data");
		UUID ticketId = UUID.fromString(root.get("subject").asString());
		JsonNode customerData = customerView(type, data);
		return new LiveEvent(null, TenantId.of(root.get("tenantid").asString()), ticketId, type, null, data,
				customerData, json.writeValueAsString(data),
				(customerData != null) ? json.writeValueAsString(customerData) : null);
	}

	/**
	 * @param streamId its stream id
	 * @param assignee the assignee at the time, or empty
	 * @return this event with them
	 */
	public LiveEvent at(String streamId, String assignee) {
		UUID assigneeId = (assignee == null || assignee.isEmpty()) ? null : UUID.fromString(assignee);
		return new LiveEvent(streamId, this.tenant, this.ticketId, this.eventType, assigneeId, this.staffData,
				this.customerData, this.staffJson, this.customerJson);
	}

	private static JsonNode customerView(String type, JsonNode data) {
		Set<String> fields = CUSTOMER_FIELDS.get(type);
		if (fields == null || !data.isObject()
				|| (TicketCommented.TYPE.equals(type) && data.path("internal").asBoolean(true))) {
			return null;
		}
		ObjectNode view = ((ObjectNode) data).deepCopy();
		view.retain(fields);
		return view;
	}

	JsonNode dataFor(SessionIdentity identity) {
		return identity.isStaff() ? this.staffData : this.customerData;
	}

	/**
	 * The {@code event} frame for a socket of this audience on a channel, built from text
	 * written once per event rather than once per socket. Channel names, stream ids and
	 * event types need no JSON escaping (they are parsed, generated and known values).
	 * @param channel the channel the socket follows
	 * @param staff whether the socket is staff's
	 * @return the frame's text
	 */
	String frame(String channel, boolean staff) {
		return "{\"type\":\"event\",\"channel\":\"" + channel + "\",\"id\":\"" + this.streamId + "\",\"eventType\":\""
				+ this.eventType + "\",\"data\":" + (staff ? this.staffJson : this.customerJson) + "}";
	}

}
