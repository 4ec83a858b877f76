package be.spil.audit;

import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records and reads the change history. Modules call {@link #record} inside their own transaction, with the
 * record's values before and after, so the history is written together with the change or not at all.
 */
@Service
public class AuditTrail {

    public enum Action { CREATED, UPDATED, ARCHIVED, RESTORED, SIGNED_IN, SECURITY }

    public record Change(String field, String from, String to) {}

    public record Entry(long id, Instant at, String actor, Long schoolId, String entityType, String entityId,
                        Action action, String summary, List<Change> changes) {}

    public record Filter(String entityType, Long schoolId, String actor, Instant from, Instant to) {}

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a change; {@code before} is empty for a new record. Nothing is written when nothing changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Object entityId, Long schoolId, Action action, String summary,
                       Map<String, String> before, Map<String, String> after) {
        List<Change> changes = diff(before, after);
        if (changes.isEmpty() && action == Action.UPDATED) {
            return;
        }
        insert(entityType, entityId, schoolId, action, summary, changes);
    }

    /** Records an event that is not a field change (a sign-in, a password change, a token made). */
    @Transactional
    public void note(String entityType, Object entityId, Long schoolId, Action action, String summary) {
        insert(entityType, entityId, schoolId, action, summary, List.of());
    }

    private void insert(String entityType, Object entityId, Long schoolId, Action action, String summary, List<Change> changes) {
        jdbc.sql("""
                insert into audit_event (at, actor, school_id, entity_type, entity_id, action, summary, changes)
                values (:at, :actor, :school, :type, :id, :action, :summary, :changes)""")
            .param("at", java.sql.Timestamp.from(clock.instant()))
            .param("actor", Caller.currentActor())
            .param("school", schoolId)
            .param("type", entityType)
            .param("id", String.valueOf(entityId))
            .param("action", action.name())
            .param("summary", summary == null ? null : summary.substring(0, Math.min(summary.length(), 300)))
            .param("changes", json.writeValueAsString(changes))
            .update();
    }

    static List<Change> diff(Map<String, String> before, Map<String, String> after) {
        var fields = new TreeSet<String>();
        fields.addAll(before.keySet());
        fields.addAll(after.keySet());
        var out = new ArrayList<Change>();
        // keep the order of the 'after' map where possible, so history reads like the form
        var ordered = new LinkedHashMap<String, Boolean>();
        after.keySet().forEach(k -> ordered.put(k, true));
        fields.forEach(k -> ordered.putIfAbsent(k, true));
        for (String f : ordered.keySet()) {
            String from = before.get(f);
            String to = after.get(f);
            if (!Objects.equals(emptyToNull(from), emptyToNull(to))) {
                out.add(new Change(f, from, to));
            }
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The history of one record, newest first. */
    public List<Entry> history(String entityType, Object entityId) {
        return jdbc.sql("select * from audit_event where entity_type = :type and entity_id = :id order by at desc, id desc")
            .param("type", entityType)
            .param("id", String.valueOf(entityId))
            .query((rs, n) -> entry(rs))
            .list();
    }

    /** The global audit log, newest first, with filters; only the schools the caller may see. */
    public PageResult<Entry> search(Filter f, Paging paging, Caller caller) {
        var where = new StringBuilder(" where 1=1");
        var params = new LinkedHashMap<String, Object>();
        if (f.entityType() != null) {
            where.append(" and entity_type = :type");
            params.put("type", f.entityType());
        }
        if (f.schoolId() != null) {
            where.append(" and school_id = :school");
            params.put("school", f.schoolId());
        }
        if (f.actor() != null) {
            where.append(" and lower(actor) like :actor");
            params.put("actor", be.spil.shared.Text.likePattern(f.actor()));
        }
        if (f.from() != null) {
            where.append(" and at >= :from");
            params.put("from", java.sql.Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and at < :to");
            params.put("to", java.sql.Timestamp.from(f.to()));
        }
        if (!caller.centralAdmin()) {
            if (caller.schoolIds().isEmpty()) {
                return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
            }
            where.append(" and school_id in (:mine)");
            params.put("mine", caller.schoolIds());
        }
        var count = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        var items = jdbc.sql("select * from audit_event" + where + " order by at desc, id desc limit :limit offset :offset")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query((rs, n) -> entry(rs))
            .list();
        return new PageResult<>(items, paging.page(), paging.size(), count);
    }

    public List<String> entityTypes() {
        return jdbc.sql("select distinct entity_type from audit_event order by entity_type").query(String.class).list();
    }

    private Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long school = rs.getLong("school_id");
        Long schoolId = rs.wasNull() ? null : school;
        return new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            schoolId, rs.getString("entity_type"), rs.getString("entity_id"),
            Action.valueOf(rs.getString("action")), rs.getString("summary"),
            json.readValue(rs.getString("changes"), CHANGES));
    }
}
