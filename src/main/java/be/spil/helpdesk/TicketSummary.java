package be.spil.helpdesk;

import java.time.Instant;

/** A row of the queue or of a reporter's own tickets; {@code schoolCode} for the group's queue and links. */
public record TicketSummary(String schoolCode, long number, String subject, TicketStatus status, String categoryCode, String categoryName,
                            Priority priority, String reporterName, Long assigneeId, String assigneeName, String assetTag,
                            String room, Instant resolveDueAt, boolean overdue, Instant createdAt, Instant updatedAt) {}
