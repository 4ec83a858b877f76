package be.spil.helpdesk;

import be.spil.helpdesk.Priority.Level;
import jakarta.validation.constraints.Size;

/**
 * The team's change of a ticket: only what is given changes. {@code assigneeId} 0 (or {@code unassign}) takes the
 * ticket back, {@code categoryId} 0 clears the category, {@code assetTag} "" clears the device and {@code roomId} 0 the
 * room. {@code version} is the one read.
 */
public record TicketChange(Integer version, TicketStatus status, Long assigneeId, Long categoryId, Level impact, Level urgency,
                           @Size(max = 200) String subject, @Size(max = 40) String assetTag, Long roomId) {
    public TicketChange(Integer version, TicketStatus status, Long assigneeId, Long categoryId, Level impact, Level urgency, String subject) {
        this(version, status, assigneeId, categoryId, impact, urgency, subject, null, null);
    }
}
