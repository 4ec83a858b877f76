package be.spil.helpdesk;

import be.spil.helpdesk.Priority.Level;
import java.time.Instant;
import java.util.List;

/** A ticket as its page and the API show it, with the conversation the caller may see (no internal notes for reporters). */
public record TicketView(long id, long number, String subject, String description, TicketStatus status, Long categoryId,
                         String categoryCode, String categoryName, Level impact, Level urgency, Priority priority,
                         long reporterId, String reporterName, Long assigneeId, String assigneeName, Long assetId,
                         String assetTag, Long roomId, String room, Instant responseDueAt, Instant resolveDueAt,
                         Instant firstResponseAt, Instant resolvedAt, Instant closedAt, boolean overdue,
                         boolean responseOverdue, List<CommentView> comments, int version, Instant createdAt,
                         Instant updatedAt, String updatedBy) {

    /** A public reply or (for the team only) an internal note. */
    public record CommentView(long id, long authorId, String authorName, String body, boolean internal, Instant createdAt) {}
}
