package dev.deskflow.ticket.importing;

import java.time.Instant;
import java.util.List;

import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;

/**
 * One valid row of an import, ready to be written.
 *
 * @param line the row's first line in the file
 * @param externalId the ticket's id in its source system
 * @param subject the subject
 * @param description the description
 * @param status the status
 * @param priority the priority
 * @param category the category, or {@code null}
 * @param tags the tags
 * @param createdAt when it was raised, or {@code null} for the import time
 * @param solvedAt when it was solved, or {@code null}
 */
record ImportedTicket(long line, String externalId, String subject, String description, TicketStatus status,
		TicketPriority priority, String category, List<String> tags, Instant createdAt, Instant solvedAt) {

}
