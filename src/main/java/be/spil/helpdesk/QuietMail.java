package be.spil.helpdesk;

import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tickets whose ordinary notifications (reply, status change) are left out for the current transaction because a
 * mail of its own says it better: a request's decision is one mail to the requester, not a reply mail plus a status
 * mail plus the decision. Marked inside the transaction after its events were published; read by the after-commit
 * mailers (Spring runs them in the transaction's after-completion, in registration order); forgotten after them.
 */
final class QuietMail {
    private static final Object KEY = QuietMail.class;

    private QuietMail() {}

    /** Inside a transaction, after the events to silence were published: this ticket's ordinary mails of it are not sent. */
    @SuppressWarnings("unchecked")
    static void quiet(long ticketId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        var set = (Set<Long>) TransactionSynchronizationManager.getResource(KEY);
        if (set == null) {
            set = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, set);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        set.add(ticketId);
    }

    /** True while the transaction that marked this ticket is still finishing (its after-commit listeners run). */
    @SuppressWarnings("unchecked")
    static boolean isQuiet(long ticketId) {
        var set = (Set<Long>) TransactionSynchronizationManager.getResource(KEY);
        return set != null && set.contains(ticketId);
    }
}
