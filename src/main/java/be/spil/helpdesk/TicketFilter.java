package be.spil.helpdesk;

import java.util.Set;

/**
 * What the queue shows: free text, statuses (empty: the open ones unless {@code all}), assignee ("me", "none" or a
 * person id), category (with its sub-categories), priority, only overdue ones, only the caller's own reports; sort
 * {@code created|updated|due|priority|number[,asc|desc]}.
 */
public record TicketFilter(String q, Set<TicketStatus> statuses, boolean all, String assignee, Long categoryId,
                           Priority priority, boolean overdue, boolean mine, String sort) {
    public static TicketFilter open() {
        return new TicketFilter(null, Set.of(), false, null, null, null, false, false, null);
    }
}
