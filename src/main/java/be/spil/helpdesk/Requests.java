package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.inventory.Assets;
import be.spil.inventory.Software;
import be.spil.inventory.SoftwareCategory;
import be.spil.inventory.SoftwarePlatform;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests that need approval: request types (the group's, and a school's own) define their fields; a request is a
 * ticket with answers and an approval that the type's approver (the ICT coordinator or the director; central admins
 * always) gives or refuses with a reason, in a public reply the requester is mailed about. Approving a software
 * installation records the software on the asset in the inventory.
 */
@Service
@Transactional(readOnly = true)
public class Requests {
    static final String TYPE_AUDIT_TYPE = "ticket-request-type";
    static final int MAX_FIELDS = 12;
    static final int MAX_VALUE = 1000;

    public enum FieldKind { TEXT, CHOICE, ASSET, NUMBER, DATE }

    public enum Approver { ICT_COORDINATOR, DIRECTOR }

    public enum Approval { PENDING, APPROVED, REFUSED }

    /** What approving does besides answering. */
    public enum ApprovalAction { NONE, INSTALL_SOFTWARE }

    public record FieldView(String name, String label, FieldKind kind, boolean required, List<String> choices) {}

    public record TypeView(long id, Long schoolId, String code, String name, String description, Approver approver,
                           ApprovalAction action, boolean archived, int version, List<FieldView> fields) {}

    public record FieldForm(String label, FieldKind kind, Boolean required, String choices) {}

    public record TypeForm(String name, String description, Approver approver, List<FieldForm> fields) {}

    public record Answer(String name, String label, String value) {}

    public record RequestView(long typeId, String typeCode, String typeName, Approver approver, ApprovalAction action,
                              Approval approval, List<Answer> answers, String decidedBy, Instant decidedAt, String reason,
                              boolean canDecide) {}

    private final Tickets tickets;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Assets assets;
    private final Software software;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    Requests(Tickets tickets, JdbcClient jdbc, AuditTrail audit, Clock clock, Assets assets, Software software, MessageSource messages,
             ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.assets = assets;
        this.software = software;
        this.messages = messages;
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    // ---- types ----

    /** The request types a school offers: the group's and its own, by name. */
    public List<TypeView> types(long schoolId, boolean archived, Caller caller) {
        requireSee(schoolId, caller);
        var types = jdbc.sql("select * from ticket_request_type where (school_id is null or school_id = :s)"
                + (archived ? "" : " and archived = false") + " order by school_id nulls first, name, id")
            .param("s", schoolId).query((rs, n) -> new Object[] {rs.getLong("id"), rs.getObject("school_id", Long.class),
                rs.getString("code"), rs.getString("name"), rs.getString("description"), rs.getString("approver"),
                rs.getString("action"), rs.getBoolean("archived"), rs.getInt("version")}).list();
        if (types.isEmpty()) {
            return List.of();
        }
        var fields = jdbc.sql("select * from ticket_request_field where type_id in (:ids) order by type_id, position, id")
            .param("ids", types.stream().map(t -> t[0]).toList())
            .query((rs, n) -> Map.entry(rs.getLong("type_id"), new FieldView(rs.getString("name"), rs.getString("label"),
                FieldKind.valueOf(rs.getString("kind")), rs.getBoolean("required"), choices(rs.getString("choices")))))
            .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return types.stream().map(t -> new TypeView((Long) t[0], (Long) t[1], (String) t[2], (String) t[3], (String) t[4],
            Approver.valueOf((String) t[5]), ApprovalAction.valueOf((String) t[6]), (Boolean) t[7], (Integer) t[8],
            fields.getOrDefault((Long) t[0], List.of()))).toList();
    }

    public TypeView type(long schoolId, long typeId, Caller caller) {
        return types(schoolId, true, caller).stream().filter(t -> t.id() == typeId).findFirst()
            .orElseThrow(() -> new NotFoundException("request type", typeId));
    }

    private static List<String> choices(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A school's own request type (central admins, ICT coordinators, directors). All or nothing. */
    @Transactional
    public TypeView createType(long schoolId, TypeForm form, Caller caller) {
        requireSee(schoolId, caller);
        caller.requireManage(schoolId);
        var errors = new ArrayList<FieldError>();
        String name = Text.blankToNull(form.name());
        if (name == null) {
            errors.add(new FieldError("name", "request.type.nameRequired"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "error.tooLong", 100));
        }
        String description = form.description() == null ? "" : form.description().strip();
        if (description.length() > 1000) {
            errors.add(new FieldError("description", "error.tooLong", 1000));
        }
        if (form.approver() == null) {
            errors.add(new FieldError("approver", "request.type.approverRequired"));
        }
        var fields = form.fields() == null ? List.<FieldForm>of()
            : form.fields().stream().filter(f -> f != null && Text.blankToNull(f.label()) != null).toList();
        if (fields.isEmpty()) {
            errors.add(new FieldError("fields", "request.type.fieldsRequired"));
        } else if (fields.size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "request.type.tooManyFields", MAX_FIELDS));
        }
        var names = new ArrayList<String>();
        for (int i = 0; i < fields.size() && i < MAX_FIELDS; i++) {
            var f = fields.get(i);
            String label = f.label().strip();
            String field = "fields[" + i + "]";
            if (label.length() > 100) {
                errors.add(new FieldError(field + ".label", "error.tooLong", 100));
            }
            if (f.kind() == null) {
                errors.add(new FieldError(field + ".kind", "request.field.kindRequired"));
            } else if (f.kind() == FieldKind.CHOICE && choices(f.choices()).size() < 2) {
                errors.add(new FieldError(field + ".choices", "request.field.choicesRequired"));
            }
            if (f.choices() != null && f.choices().length() > 1000) {
                errors.add(new FieldError(field + ".choices", "error.tooLong", 1000));
            }
            String key = "f" + (i + 1);
            names.add(key);
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        long duplicates = jdbc.sql("select count(*) from ticket_request_type where school_id = :s and lower(name) = :n and archived = false")
            .param("s", schoolId).param("n", name.toLowerCase(Locale.ROOT)).query(Long.class).single();
        if (duplicates > 0) {
            throw FieldErrorsException.conflict("name", "request.type.duplicate", name);
        }
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket_request_type (school_id, name, description, approver, action, updated_at, updated_by)
                values (:s, :name, :d, :approver, 'NONE', :at, :by)""")
            .param("s", schoolId).param("name", name).param("d", description).param("approver", form.approver().name())
            .param("at", Timestamp.from(now)).param("by", Caller.currentActor()).update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < fields.size(); i++) {
            var f = fields.get(i);
            jdbc.sql("""
                    insert into ticket_request_field (type_id, position, name, label, kind, required, choices)
                    values (:t, :p, :name, :label, :kind, :req, :choices)""")
                .param("t", id).param("p", i + 1).param("name", names.get(i)).param("label", f.label().strip())
                .param("kind", f.kind().name()).param("req", Boolean.TRUE.equals(f.required()))
                .param("choices", f.kind() == FieldKind.CHOICE ? String.join(";", choices(f.choices())) : null).update();
        }
        var view = type(schoolId, id, caller);
        audit.record(TYPE_AUDIT_TYPE, id, schoolId, Action.CREATED, name, Map.of(), typeAudit(view));
        return view;
    }

    /** Archives (or restores) a type: the school's own by its managers, the group's by central admins. */
    @Transactional
    public TypeView setArchived(long schoolId, long typeId, boolean archived, Integer version, Caller caller) {
        requireSee(schoolId, caller);
        var type = type(schoolId, typeId, caller);
        if (type.schoolId() == null) {
            caller.requireCentralAdmin();
        } else {
            caller.requireManage(schoolId);
        }
        if (version == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        var before = typeAudit(type);
        int updated = jdbc.sql("""
                update ticket_request_type set archived = :a, version = version + 1, updated_at = :at, updated_by = :by
                where id = :id and version = :v""")
            .param("a", archived).param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor())
            .param("id", typeId).param("v", version).update();
        if (updated == 0) {
            var row = jdbc.sql("select updated_by, updated_at from ticket_request_type where id = :id").param("id", typeId)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).single();
            throw new StaleVersionException((String) row[0], (Instant) row[1], type.version(), before);
        }
        var after = type(schoolId, typeId, caller);
        audit.record(TYPE_AUDIT_TYPE, typeId, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, type.name(), before, typeAudit(after));
        return after;
    }

    private static Map<String, String> typeAudit(TypeView t) {
        var m = new LinkedHashMap<String, String>();
        m.put("name", t.name());
        m.put("approver", t.approver().name());
        m.put("archived", String.valueOf(t.archived()));
        m.put("fields", t.fields().stream().map(f -> f.label() + " (" + f.kind() + (f.required() ? ", *" : "") + ")")
            .collect(Collectors.joining("; ")));
        return m;
    }

    // ---- requests ----

    /** Everybody of the school asks: the answers are checked against the type's fields; the ticket waits for approval. */
    @Transactional
    public TicketView submit(long schoolId, long typeId, Map<String, String> values, Caller caller) {
        requireSee(schoolId, caller);
        var type = types(schoolId, false, caller).stream().filter(t -> t.id() == typeId).findFirst()
            .orElseThrow(() -> FieldErrorsException.of("type", "request.type.unknown"));
        var given = values == null ? Map.<String, String>of() : values;
        var errors = new ArrayList<FieldError>();
        for (String key : given.keySet()) {
            if (type.fields().stream().noneMatch(f -> f.name().equals(key))) {
                errors.add(new FieldError("values." + key, "request.field.unknown"));
            }
        }
        var answers = new ArrayList<Answer>();
        String assetTag = null;
        for (var f : type.fields()) {
            String field = "values." + f.name();
            String v = given.get(f.name()) == null ? null : Text.blankToNull(given.get(f.name()));
            if (v == null) {
                if (f.required()) {
                    errors.add(new FieldError(field, "request.field.required", f.label()));
                }
                continue;
            }
            if (v.length() > MAX_VALUE) {
                errors.add(new FieldError(field, "error.tooLong", MAX_VALUE));
                continue;
            }
            switch (f.kind()) {
                case CHOICE -> {
                    var match = f.choices().stream().filter(c -> c.equalsIgnoreCase(v)).findFirst();
                    if (match.isEmpty()) {
                        errors.add(new FieldError(field, "request.field.choice", String.join(", ", f.choices())));
                        continue;
                    }
                    answers.add(new Answer(f.name(), f.label(), match.get()));
                }
                case NUMBER -> {
                    try {
                        answers.add(new Answer(f.name(), f.label(), new BigDecimal(v.replace(',', '.')).toPlainString()));
                    } catch (NumberFormatException e) {
                        errors.add(new FieldError(field, "request.field.number"));
                    }
                }
                case DATE -> {
                    try {
                        answers.add(new Answer(f.name(), f.label(), LocalDate.parse(v).toString()));
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError(field, "request.field.date"));
                    }
                }
                case ASSET -> {
                    try {
                        var asset = assets.byTag(schoolId, v, caller);
                        answers.add(new Answer(f.name(), f.label(), asset.tag()));
                        if (assetTag == null) {
                            assetTag = asset.tag();
                        }
                    } catch (NotFoundException e) {
                        errors.add(new FieldError(field, "ticket.asset.unknown", v));
                    }
                }
                case TEXT -> answers.add(new Answer(f.name(), f.label(), v));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        String subject = type.name() + (answers.isEmpty() ? "" : ": " + answers.get(0).value());
        if (subject.length() > 200) {
            subject = subject.substring(0, 199) + "…";
        }
        String description = answers.stream().map(a -> a.label() + ": " + a.value()).collect(Collectors.joining("\n"));
        var ticket = tickets.report(schoolId, new ReportForm(subject, description, assetTag, null, null, null, null), caller);
        jdbc.sql("insert into ticket_request (ticket_id, type_id, approval) values (:t, :type, 'PENDING')")
            .param("t", ticket.id()).param("type", typeId).update();
        for (var a : answers) {
            jdbc.sql("insert into ticket_request_value (ticket_id, field_name, value_text) values (:t, :n, :v)")
                .param("t", ticket.id()).param("n", a.name()).param("v", a.value()).update();
        }
        events.publishEvent(new RequestEvent(ticket.id(), RequestEvent.Kind.AWAITING_APPROVAL, caller.personId()));
        return ticket;
    }

    /** The request behind a ticket the caller may see, if it is one. */
    public Optional<RequestView> request(long schoolId, long number, Caller caller) {
        long ticketId = tickets.visibleId(schoolId, number, caller);
        var row = jdbc.sql("select * from ticket_request where ticket_id = :t").param("t", ticketId)
            .query((rs, n) -> new Object[] {rs.getLong("type_id"), rs.getString("approval"), rs.getString("decided_by"),
                rs.getTimestamp("decided_at"), rs.getString("reason")}).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        var type = type(schoolId, (Long) r[0], caller);
        var values = jdbc.sql("select field_name, value_text from ticket_request_value where ticket_id = :t").param("t", ticketId)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var answers = type.fields().stream().filter(f -> values.containsKey(f.name()))
            .map(f -> new Answer(f.name(), f.label(), values.get(f.name()))).toList();
        var approval = Approval.valueOf((String) r[1]);
        return Optional.of(new RequestView(type.id(), type.code(), type.name(), type.approver(), type.action(), approval, answers,
            (String) r[2], r[3] == null ? null : ((Timestamp) r[3]).toInstant(), (String) r[4],
            approval == Approval.PENDING && mayDecide(schoolId, type.approver(), caller)));
    }

    static boolean mayDecide(long schoolId, Approver approver, Caller caller) {
        return caller.centralAdmin() || caller.has(schoolId, approver == Approver.DIRECTOR ? Role.DIRECTOR : Role.ICT_COORDINATOR);
    }

    /**
     * The approver approves or refuses (a reason is required to refuse). The requester gets the answer as a public reply
     * (and so an e-mail); a refused request is resolved, an approved software installation is recorded on the asset
     * and resolved, any other approved request is in progress for the team.
     */
    @Transactional
    public RequestView decide(long schoolId, long number, boolean approve, String reason, Caller caller) {
        var request = request(schoolId, number, caller).orElseThrow(() -> new NotFoundException("request", number));
        if (!mayDecide(schoolId, request.approver(), caller)) {
            throw new AccessDeniedException("not the approver");
        }
        if (request.approval() != Approval.PENDING) {
            throw FieldErrorsException.conflict("decision", "request.decided");
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && why.isEmpty()) {
            throw FieldErrorsException.of("reason", "request.reason.required");
        }
        if (why.length() > MAX_VALUE) {
            throw FieldErrorsException.of("reason", "error.tooLong", MAX_VALUE);
        }
        long ticketId = tickets.visibleId(schoolId, number, caller);
        if (approve && request.action() == ApprovalAction.INSTALL_SOFTWARE) {
            recordInstallation(schoolId, request, caller);
        }
        Instant now = clock.instant();
        jdbc.sql("update ticket_request set approval = :a, decided_by = :by, decided_at = :at, reason = :r where ticket_id = :t")
            .param("a", (approve ? Approval.APPROVED : Approval.REFUSED).name()).param("by", caller.name())
            .param("at", Timestamp.from(now)).param("r", why.isEmpty() ? null : why).param("t", ticketId).update();
        String body = messages.getMessage(approve ? "request.answer.approved" : "request.answer.refused",
            new Object[] {request.typeName(), caller.name(), why}, Locale.forLanguageTag("nl"));
        tickets.comment(schoolId, number, body.strip(), false, caller);
        var ticket = tickets.get(schoolId, number, caller);
        TicketStatus to = !approve || request.action() == ApprovalAction.INSTALL_SOFTWARE ? TicketStatus.RESOLVED : TicketStatus.IN_PROGRESS;
        if (ticket.status() != to && ticket.status().canMoveTo(to)) {
            tickets.change(schoolId, number, new TicketChange(ticket.version(), to, null, null, null, null, null), caller);
        }
        events.publishEvent(new RequestEvent(ticketId, approve ? RequestEvent.Kind.APPROVED : RequestEvent.Kind.REFUSED, caller.personId()));
        // one mail to the requester with the decision instead of a reply mail and a status mail; marked last, so that the
        // mark outlives the after-commit mailers of this transaction's events (they run in registration order)
        QuietMail.quiet(ticketId);
        return request(schoolId, number, caller).orElseThrow();
    }

    private void recordInstallation(long schoolId, RequestView request, Caller caller) {
        String tag = answer(request, FieldKind.ASSET, "asset");
        String title = answer(request, FieldKind.TEXT, "software");
        if (tag == null || title == null) {
            throw FieldErrorsException.of("decision", "request.install.incomplete");
        }
        long assetId;
        try {
            assetId = assets.byTag(schoolId, tag, caller).id();
        } catch (NotFoundException e) {
            throw FieldErrorsException.of("decision", "ticket.asset.unknown", tag);
        }
        String name = title.length() > 200 ? title.substring(0, 200) : title;
        long titleId = software.titleChoices(schoolId, caller).stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
            .map(Software.TitleChoice::id)
            .orElseGet(() -> software.createTitle(schoolId, new Software.TitleForm(name, null, SoftwareCategory.OTHER,
                SoftwarePlatform.WINDOWS, null), caller).id());
        boolean installed = software.installedOn(schoolId, assetId, caller).stream().anyMatch(i -> i.titleId() == titleId && !i.removed());
        if (!installed) {
            software.install(schoolId, new Software.InstallForm(assetId, titleId, null, LocalDate.now(clock)), caller);
        }
    }

    private static String answer(RequestView request, FieldKind kind, String preferredName) {
        return request.answers().stream().filter(a -> a.name().equals(preferredName)).map(Answer::value).findFirst().orElse(null);
    }
}
