package dev.deskflow.common.event;

import java.time.Instant;

import dev.deskflow.common.tenant.TenantId;

/**
 * The attributes of an event without its {@code data}, as read by
 * {@link EventJson#readHeader(byte[])}: enough to de-duplicate, route, and skip types a
 * consumer does not know, without binding the payload.
 *
 * @param id the event id
 * @param source the producing service
 * @param type the event type; possibly one that is not in {@link EventTypes}
 * @param subject the aggregate id, or {@code null} if the event has none
 * @param time when the event happened, or {@code null} if the event has none
 * @param tenantId the tenant the event belongs to
 */
public record EventHeader(String id, String source, String type, String subject, Instant time, TenantId tenantId) {

	/**
	 * Checks the attributes every event has.
	 * @param id the event id
	 * @param source the producing service
	 * @param type the event type
	 * @param subject the aggregate id, or {@code null}
	 * @param time when the event happened, or {@code null}
	 * @param tenantId the tenant
	 */
	public EventHeader {
		Fields.requiredText(id, "id");
		Fields.requiredText(source, "source");
		Fields.requiredText(type, "type");
		Fields.required(tenantId, "tenantid");
	}

	/**
	 * Whether the type is registered in {@link EventTypes}, that is whether
	 * {@link EventJson#read(byte[])} can bind this event's data.
	 * @return whether the type is known
	 */
	public boolean hasKnownType() {
		return EventTypes.isKnown(this.type);
	}

}
