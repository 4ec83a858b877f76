package be.spil.helpdesk;

import be.spil.helpdesk.Priority.Level;
import jakarta.validation.constraints.Size;

/**
 * The team's change of a ticket: only what is given changes. {@code assigneeId} 0 (or {@code unassign}) takes the
 * ticket back, {@code categoryId} 0 clears the category. {@code version} is the one read.
 */
public record TicketChange(Integer version, TicketStatus status, Long assigneeId, Long categoryId, Level impact, Level urgency,
                           @Size(max = 200) String subject) {}
