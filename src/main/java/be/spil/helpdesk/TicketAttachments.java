package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.helpdesk.TicketView.CommentView;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos and PDFs on a ticket: sent with the report, with a reply, or on their own. Each file's type is found from its
 * first bytes and its size is limited ({@code spil.helpdesk.attachment-max-bytes}, 10 MB by default). The bytes are
 * kept in the database, with a small preview of each photo made at upload ({@link Thumbnails}). A file that came with an internal note is the team's only; whoever may not see the ticket
 * gets 404 for its files.
 */
@Service
@Transactional(readOnly = true)
public class TicketAttachments {
    /** At most this many files with one report or reply. */
    static final int MAX_FILES = 10;
    static final int MAX_NAME = 200;
    private static final String READY = "READY";
    private static final String NONE = "NONE";

    /** A file as it came in: its name, its size as announced, and its bytes (empty when it was too big to read). */
    public record Upload(String fileName, long size, byte[] content) {}

    /** A file on a ticket as lists show it (without its bytes). {@code commentId} null: sent with the report or alone. */
    public record AttachmentView(long id, Long commentId, String fileName, String contentType, long size, boolean internal,
                                 boolean image, String uploadedBy, Instant createdAt, boolean thumbnail) {}

    /** A file to send back. */
    record Download(String fileName, String contentType, boolean inline, byte[] content) {}

    private final Tickets tickets;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxBytes;

    TicketAttachments(Tickets tickets, AuditTrail audit, JdbcClient jdbc, Clock clock,
                      @Value("${spil.helpdesk.attachment-max-bytes:10485760}") long maxBytes) {
        this.tickets = tickets;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reports a problem with files: all or nothing. */
    @Transactional
    public TicketView reportWith(long schoolId, ReportForm form, List<Upload> uploads, Caller caller) {
        var kinds = check(uploads);
        var ticket = tickets.report(schoolId, form, caller);
        store(schoolId, ticket.id(), null, false, uploads, kinds, caller);
        return ticket;
    }

    /** A reply (or, for the team, an internal note) with files: all or nothing. Files of an internal note are internal. */
    @Transactional
    public CommentView commentWith(long schoolId, long number, String body, boolean internal, List<Upload> uploads, Caller caller) {
        var kinds = check(uploads);
        var comment = tickets.comment(schoolId, number, body, internal, caller);
        store(schoolId, tickets.visibleId(schoolId, number, caller), comment.id(), internal, uploads, kinds, caller);
        return comment;
    }

    /** Files added to a ticket without a reply; {@code internal} (team only) hides them from the reporter. */
    @Transactional
    public List<AttachmentView> add(long schoolId, long number, boolean internal, List<Upload> uploads, Caller caller) {
        long ticketId = tickets.visibleId(schoolId, number, caller);
        if (internal && !tickets.worksOn(schoolId, number, caller)) {
            throw FieldErrorsException.of("internal", "ticket.comment.internalTeamOnly");
        }
        if (uploads.isEmpty()) {
            throw FieldErrorsException.of("file", "attachment.none");
        }
        var status = tickets.get(schoolId, number, caller).status();
        if (status == TicketStatus.CLOSED) {
            throw FieldErrorsException.of("file", "attachment.closed");
        }
        var ids = store(schoolId, ticketId, null, internal, uploads, check(uploads), caller);
        return list(schoolId, number, caller).stream().filter(a -> ids.contains(a.id())).toList();
    }

    /** The files of a ticket the caller may see, oldest first; the reporter never sees internal ones. */
    public List<AttachmentView> list(long schoolId, long number, Caller caller) {
        long ticketId = tickets.visibleId(schoolId, number, caller);
        boolean team = tickets.worksOn(schoolId, number, caller);
        return jdbc.sql("""
                select id, comment_id, file_name, content_type, size_bytes, internal, uploaded_by_name, created_at, thumbnail_state
                from ticket_attachment where ticket_id = :t""" + (team ? "" : " and internal = false") + " order by id")
            .param("t", ticketId)
            .query((rs, n) -> new AttachmentView(rs.getLong("id"), rs.getObject("comment_id", Long.class), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getBoolean("internal"),
                FileKind.ofContentType(rs.getString("content_type")).image, rs.getString("uploaded_by_name"),
                rs.getTimestamp("created_at").toInstant(), hasThumbnail(rs.getString("content_type"), rs.getString("thumbnail_state"))))
            .list();
    }

    /** One file's bytes, for whoever may see it; 404 for anybody else. */
    Download download(long schoolId, long number, long attachmentId, Caller caller) {
        long ticketId = tickets.visibleId(schoolId, number, caller);
        boolean team = tickets.worksOn(schoolId, number, caller);
        return jdbc.sql("select file_name, content_type, content from ticket_attachment where id = :id and ticket_id = :t"
                + (team ? "" : " and internal = false"))
            .param("id", attachmentId).param("t", ticketId)
            .query((rs, n) -> {
                var kind = FileKind.ofContentType(rs.getString("content_type"));
                return new Download(rs.getString("file_name"), kind.contentType, kind.image, rs.getBytes("content"));
            })
            .optional().orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    private static boolean hasThumbnail(String contentType, String state) {
        return state == null ? FileKind.ofContentType(contentType).image : READY.equals(state);
    }

    /**
     * The small preview of a photo for whoever may see the photo; empty when there is none (a PDF, an image Java cannot
     * read, too many pixels). Files uploaded before previews existed get theirs made now, once, and stored.
     */
    @Transactional
    public Optional<byte[]> thumbnail(long schoolId, long number, long attachmentId, Caller caller) {
        long ticketId = tickets.visibleId(schoolId, number, caller);
        boolean team = Tickets.isTeam(caller, schoolId);
        var row = jdbc.sql("select thumbnail_state, thumbnail from ticket_attachment where id = :id and ticket_id = :t"
                + (team ? "" : " and internal = false"))
            .param("id", attachmentId).param("t", ticketId)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)})
            .optional().orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        if (row[0] != null) {
            return READY.equals(row[0]) ? Optional.of((byte[]) row[1]) : Optional.empty();
        }
        byte[] content = jdbc.sql("select content from ticket_attachment where id = :id").param("id", attachmentId)
            .query((rs, n) -> rs.getBytes(1)).single();
        var made = Thumbnails.of(content);
        jdbc.sql("update ticket_attachment set thumbnail = :th, thumbnail_state = :s where id = :id and thumbnail_state is null")
            .param("th", made.orElse(null), java.sql.Types.BINARY).param("s", made.isPresent() ? READY : NONE).param("id", attachmentId)
            .update();
        return made;
    }

    /** Every file checked before anything is written: count, size, name and type. */
    private List<FileKind> check(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw FieldErrorsException.of("files", "attachment.tooMany", MAX_FILES);
        }
        var kinds = new ArrayList<FileKind>();
        for (var u : uploads) {
            String name = displayName(u.fileName());
            if (u.size() > maxBytes || u.content().length > maxBytes) {
                throw FieldErrorsException.of("files", "attachment.tooBig", name, maxBytes / (1024 * 1024));
            }
            if (u.content().length == 0) {
                throw FieldErrorsException.of("files", "attachment.empty", name);
            }
            kinds.add(FileKind.of(u.content()).orElseThrow(() -> FieldErrorsException.of("files", "attachment.type", name)));
        }
        return kinds;
    }

    /** The name as the user's device gave it, without folders or control characters, at most {@link #MAX_NAME} long. */
    static String displayName(String fileName) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            n = "bestand";
        }
        return n.length() > MAX_NAME ? n.substring(n.length() - MAX_NAME) : n;
    }

    private List<Long> store(long schoolId, long ticketId, Long commentId, boolean internal, List<Upload> uploads, List<FileKind> kinds, Caller caller) {
        var ids = new ArrayList<Long>();
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < uploads.size(); i++) {
            var u = uploads.get(i);
            var thumbnail = kinds.get(i).image ? Thumbnails.of(u.content()) : Optional.<byte[]>empty();
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into ticket_attachment (ticket_id, comment_id, file_name, content_type, size_bytes, internal, content,
                        uploaded_by_id, uploaded_by_name, created_at, thumbnail, thumbnail_state)
                    values (:t, :c, :name, :type, :size, :internal, :content, :by, :byName, :at, :thumbnail, :state)""")
                .param("thumbnail", thumbnail.orElse(null), java.sql.Types.BINARY).param("state", thumbnail.isPresent() ? READY : NONE)
                .param("t", ticketId).param("c", commentId).param("name", displayName(u.fileName()))
                .param("type", kinds.get(i).contentType).param("size", (long) u.content().length).param("internal", internal)
                .param("content", u.content()).param("by", caller.personId()).param("byName", caller.name()).param("at", now)
                .update(keys, "id");
            ids.add(keys.getKey().longValue());
            audit.record(Tickets.AUDIT_TYPE, ticketId, schoolId, AuditTrail.Action.UPDATED, displayName(u.fileName()), java.util.Map.of(),
                java.util.Map.of(internal ? "internalAttachment" : "attachment", displayName(u.fileName())));
        }
        return ids;
    }
}
