package be.spil.helpdesk;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply token of a ticket: 12 random letters and digits, unguessable, so that a reply can name its ticket. A
 * notification carries it in its Reply-To (the helpdesk address with {@code +token}) and at the end of its subject
 * ({@code [#T-12-token]}). A token alone is never enough: the sender must also be someone who may act on the ticket.
 */
@Component
class ReplyTokens {
    static final int LENGTH = 12;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#T-\\d{1,12}-([a-z0-9]{" + LENGTH + "})]", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final String address;
    private final boolean inbound;

    ReplyTokens(JdbcClient jdbc, @Value("${spil.helpdesk.inbound.address:}") String address,
                @Value("${spil.helpdesk.inbound.enabled:false}") boolean inbound) {
        this.jdbc = jdbc;
        this.address = address == null ? "" : address.trim();
        this.inbound = inbound && this.address.contains("@");
    }

    /** Replies by e-mail are taken (a mailbox is polled and its address is known). */
    boolean replies() {
        return inbound;
    }

    /** The ticket's token, made the first time it is mailed about. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    String tokenFor(long ticketId) {
        var existing = jdbc.sql("select token from ticket_reply_token where ticket_id = :t").param("t", ticketId).query(String.class)
            .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        // two mails about the same ticket at once: the first token written wins
        jdbc.sql("insert into ticket_reply_token (ticket_id, token) values (:t, :token) on conflict do nothing").param("t", ticketId)
            .param("token", newToken()).update();
        return jdbc.sql("select token from ticket_reply_token where ticket_id = :t").param("t", ticketId).query(String.class).single();
    }

    private String newToken() {
        var sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    Optional<Long> ticketOf(String token) {
        return jdbc.sql("select ticket_id from ticket_reply_token where token = :token").param("token", token.toLowerCase(java.util.Locale.ROOT))
            .query(Long.class).optional();
    }

    /** helpdesk@school.be with the token: helpdesk+token@school.be. */
    String replyAddress(String token) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "+" + token + address.substring(at);
    }

    static String subjectTag(long number, String token) {
        return "[#T-" + number + "-" + token + "]";
    }

    /** Adds the Reply-To, the subject tag and the "reply above this line" marker when replies by e-mail are on. */
    void decorate(SimpleMailMessage message, long ticketId, long number) {
        if (!inbound) {
            return;
        }
        String token = tokenFor(ticketId);
        message.setReplyTo(replyAddress(token));
        message.setSubject(message.getSubject() + " " + subjectTag(number, token));
        message.setText(ReplyText.MARKER + "\n\n" + message.getText());
    }

    /** The tokens a reply names: in a plus-address to the helpdesk (To, Cc, Delivered-To) first, then in the subject. */
    Set<String> tokensIn(Iterable<String> recipients, String subject) {
        var out = new LinkedHashSet<String>();
        if (address.contains("@")) {
            int at = address.lastIndexOf('@');
            String local = address.substring(0, at).toLowerCase(java.util.Locale.ROOT);
            String domain = address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
            var plus = Pattern.compile("^" + Pattern.quote(local) + "\\+([a-z0-9]{" + LENGTH + "})@" + Pattern.quote(domain) + "$");
            for (String r : recipients) {
                var m = plus.matcher(r.trim().toLowerCase(java.util.Locale.ROOT));
                if (m.matches()) {
                    out.add(m.group(1));
                }
            }
        }
        if (subject != null) {
            var m = SUBJECT_TAG.matcher(subject);
            while (m.find()) {
                out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
