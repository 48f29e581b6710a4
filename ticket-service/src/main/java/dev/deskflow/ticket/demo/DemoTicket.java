package dev.deskflow.ticket.demo;

import java.util.List;

/**
 * One demo ticket as read from a demo data file, before it gets a tenant, people and a
 * timeline.
 *
 * @param sourceKey the file's name for the row ({@code endava:<ticket_id>},
 * {@code hadoop:<issue_id>}); the ticket's status and timestamps derive from it
 * @param subject the ticket's subject
 * @param description the requester's text
 * @param category the category, or {@code null}
 * @param priority {@code LOW}, {@code NORMAL}, {@code HIGH} or {@code URGENT}
 * @param channel how the ticket came in
 * @param tags the ticket's tags
 */
record DemoTicket(String sourceKey, String subject, String description, String category, String priority,
		String channel, List<String> tags) {

}
