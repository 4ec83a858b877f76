package be.spil.helpdesk;

import be.spil.helpdesk.MailReplies.Incoming;
import be.spil.helpdesk.MailReplies.Outcome;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the helpdesk mailbox (IMAP or POP3, with or without TLS) for replies to notifications; off unless
 * {@code spil.helpdesk.inbound.enabled} is true (see docs/operations.md). Every mail is handed to {@link MailReplies}
 * once. With IMAP, taken mails move to the processed folder and set-aside ones to the set-aside folder (both marked
 * seen), so nothing is lost and the inbox stays short; POP3 has no folders: mails stay on the server and the database
 * remembers which were taken.
 */
@Component
class InboundMailbox {
    private static final Logger log = LoggerFactory.getLogger(InboundMailbox.class);

    /** What one poll did. */
    record Result(int accepted, int setAside, int skipped) {}

    private final MailReplies replies;
    private final boolean enabled;
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String folder;
    private final String processedFolder;
    private final String setAsideFolder;
    private final int batch;

    InboundMailbox(MailReplies replies, @Value("${spil.helpdesk.inbound.enabled:false}") boolean enabled,
                   @Value("${spil.helpdesk.inbound.protocol:imaps}") String protocol,
                   @Value("${spil.helpdesk.inbound.host:}") String host, @Value("${spil.helpdesk.inbound.port:0}") int port,
                   @Value("${spil.helpdesk.inbound.username:}") String username,
                   @Value("${spil.helpdesk.inbound.password:}") String password,
                   @Value("${spil.helpdesk.inbound.folder:INBOX}") String folder,
                   @Value("${spil.helpdesk.inbound.processed-folder:Spil-verwerkt}") String processedFolder,
                   @Value("${spil.helpdesk.inbound.set-aside-folder:Spil-apart}") String setAsideFolder,
                   @Value("${spil.helpdesk.inbound.batch-size:100}") int batch) {
        this.replies = replies;
        this.protocol = protocol.trim().toLowerCase(Locale.ROOT);
        if (!List.of("imap", "imaps", "pop3", "pop3s").contains(this.protocol)) {
            throw new IllegalStateException("spil.helpdesk.inbound.protocol must be imap, imaps, pop3 or pop3s, not " + protocol);
        }
        this.enabled = enabled && !host.isBlank();
        if (enabled && host.isBlank()) {
            log.warn("spil.helpdesk.inbound.enabled is true but spil.helpdesk.inbound.host is empty: replies by e-mail are off");
        }
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.folder = folder;
        this.processedFolder = processedFolder;
        this.setAsideFolder = setAsideFolder;
        this.batch = Math.max(1, batch);
    }

    boolean enabled() {
        return enabled;
    }

    @Scheduled(fixedDelayString = "${spil.helpdesk.inbound.poll-interval:PT1M}", initialDelayString = "${spil.helpdesk.inbound.initial-delay:PT1M}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Helpdesk mailbox {}://{} not read: {}", protocol, host, e.toString());
        }
    }

    /** Reads up to one batch of mails and takes each once; a mailbox that cannot be reached is an exception. */
    synchronized Result poll() {
        var props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "20000");
        var session = Session.getInstance(props);
        boolean imap = protocol.startsWith("imap");
        int accepted = 0;
        int setAside = 0;
        int skipped = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(host, port <= 0 ? -1 : port, username, password);
            Folder inbox = store.getFolder(imap ? folder : "INBOX");
            inbox.open(Folder.READ_WRITE);
            Folder done = imap ? ensure(store, processedFolder) : null;
            Folder aside = imap ? ensure(store, setAsideFolder) : null;
            try {
                int count = inbox.getMessageCount();
                for (int i = 1; i <= count && accepted + setAside + skipped < batch; i++) {
                    var message = inbox.getMessage(i);
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Outcome outcome;
                    try {
                        outcome = replies.take(read((MimeMessage) message));
                    } catch (MessagingException | IOException | RuntimeException e) {
                        // a mail we cannot read is left where it is and tried again next time
                        log.warn("Mail {} in the helpdesk mailbox not read: {}", i, e.toString());
                        skipped++;
                        continue;
                    }
                    if (outcome.accepted()) {
                        accepted++;
                    } else {
                        setAside++;
                    }
                    if (imap) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        inbox.copyMessages(new Message[] {message}, outcome.accepted() ? done : aside);
                        message.setFlag(Flags.Flag.DELETED, true);
                    }
                }
            } finally {
                inbox.close(imap);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("helpdesk mailbox: " + e.getMessage(), e);
        }
        if (accepted + setAside > 0) {
            log.info("Helpdesk mailbox: {} replies taken, {} mails set aside", accepted, setAside);
        }
        return new Result(accepted, setAside, skipped);
    }

    private static Folder ensure(Store store, String name) throws MessagingException {
        var f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        return f;
    }

    static Incoming read(MimeMessage m) throws MessagingException, IOException {
        var from = new ArrayList<String>();
        if (m.getFrom() != null) {
            for (Address a : m.getFrom()) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    from.add(ia.getAddress());
                }
            }
        }
        var recipients = new ArrayList<String>();
        if (m.getAllRecipients() != null) {
            for (Address a : m.getAllRecipients()) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    recipients.add(ia.getAddress());
                }
            }
        }
        for (String header : new String[] {"Delivered-To", "X-Original-To", "Envelope-To"}) {
            var values = m.getHeader(header);
            if (values != null) {
                for (String v : values) {
                    recipients.add(v.replaceAll("[<>]", "").trim());
                }
            }
        }
        String subject = m.getSubject();
        String auto = m.getHeader("Auto-Submitted", null);
        String precedence = m.getHeader("Precedence", null);
        boolean autoReply = (auto != null && !auto.trim().equalsIgnoreCase("no"))
            || m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null
            || (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply"));
        String results = m.getHeader("Authentication-Results", " ");
        boolean dmarcFailed = results != null && results.toLowerCase(Locale.ROOT).contains("dmarc=fail");
        String text = text(m);
        String key = m.getMessageID();
        if (key == null || key.isBlank()) {
            key = "sha256:" + digest(String.join("|", String.valueOf(from), String.valueOf(m.getSentDate()), String.valueOf(subject),
                String.valueOf(text)));
        }
        return new Incoming(key.length() > 500 ? "sha256:" + digest(key) : key.trim(), from, recipients, subject, text, autoReply,
            dmarcFailed);
    }

    /** The plain text of a mail: its text/plain part, else its HTML as text; attachments are not read. */
    static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? "" : ReplyText.fromHtml(html);
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                String found = find(bp, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
