package dev.deskflow.ticket.ticket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What made an automatic change of a ticket: a trigger, a macro or routing. Its history
 * entry has the automation's action and names it under {@code by}; the actor is the
 * person whose request set it off.
 *
 * @param kind {@code trigger}, {@code macro}, {@code routing} or {@code sla}
 * @param id the trigger, macro, agent group or SLA policy
 * @param name its name
 */
public record Automation(String kind, UUID id, String name) {

	/**
	 * @param id the trigger
	 * @param name its name
	 * @return a change made by a trigger (history action {@code triggered})
	 */
	public static Automation trigger(UUID id, String name) {
		return new Automation("trigger", id, name);
	}

	/**
	 * @param id the macro
	 * @param name its name
	 * @return a change made by a macro (history action {@code macro-applied})
	 */
	public static Automation macro(UUID id, String name) {
		return new Automation("macro", id, name);
	}

	/**
	 * @param groupId the agent group that routed the ticket
	 * @param name the group's name
	 * @return an assignment made by routing (history action {@code routed})
	 */
	public static Automation routing(UUID groupId, String name) {
		return new Automation("routing", groupId, name);
	}

	/**
	 * @param policyId the SLA policy whose breach escalated the ticket
	 * @param name the policy's name
	 * @return an escalation on an SLA breach (history action {@code sla-escalated})
	 */
	public static Automation slaEscalation(UUID policyId, String name) {
		return new Automation("sla", policyId, name);
	}

	/**
	 * @return whether routing made the change
	 */
	public boolean isRouting() {
		return "routing".equals(this.kind);
	}

	/**
	 * @return whether a trigger made the change
	 */
	public boolean isTrigger() {
		return "trigger".equals(this.kind);
	}

	String action() {
		return switch (this.kind) {
			case "trigger" -> "triggered";
			case "macro" -> "macro-applied";
			case "sla" -> "sla-escalated";
			default -> "routed";
		};
	}

	Map<String, Object> describe() {
		Map<String, Object> by = new LinkedHashMap<>();
		by.put("type", this.kind);
		by.put("id", this.id.toString());
		by.put("name", this.name);
		return by;
	}

}
