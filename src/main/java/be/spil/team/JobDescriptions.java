package be.spil.team;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's job description (functiebeschrijving) for a school year: generated from the tasks they carry, the
 * competences of those tasks' clusters with the education the guide prefers, and the generic competences of the job
 * description; the school edits it before printing and the edited text is kept per member (a member is one school year).
 */
@Service
@Transactional(readOnly = true)
class JobDescriptions {
    static final String AUDIT_TYPE = "team-job-description";
    static final int MAX_LENGTH = 20000;

    /** The text to show or print; {@code edited} false: generated now, never saved; version and who/when of the last save. */
    record JobDescription(long member, String text, boolean edited, int version, Instant updatedAt, String updatedBy) {}

    private final JdbcClient jdbc;
    private final Team team;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    JobDescriptions(JdbcClient jdbc, Team team, MessageSource messages, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.team = team;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    JobDescription get(long schoolId, long memberId, Locale locale, Caller caller) {
        var member = team.member(schoolId, memberId, caller);
        return stored(schoolId, member.id())
            .orElseGet(() -> new JobDescription(member.id(), generate(schoolId, member, locale, caller), false, 0, null, null));
    }

    private Optional<JobDescription> stored(long schoolId, long memberId) {
        return jdbc.sql("select * from team_job_description where school_id = :school and member_id = :member")
            .param("school", schoolId).param("member", memberId)
            .query((rs, n) -> new JobDescription(memberId, rs.getString("body"), true, rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
            .optional();
    }

    /** Saves the edited text (version: the one read; 0 for a text not saved before). Blank or longer than 20,000 is refused. */
    @Transactional
    JobDescription save(long schoolId, long memberId, String text, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var member = team.member(schoolId, memberId, caller);
        if (text == null || text.isBlank()) {
            throw FieldErrorsException.of("text", "team.job.text.blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw FieldErrorsException.of("text", "team.job.text.long", MAX_LENGTH);
        }
        if (version == null) {
            throw FieldErrorsException.of("version", "team.required");
        }
        var before = stored(schoolId, memberId);
        int current = before.map(JobDescription::version).orElse(0);
        StaleVersionException.check(version, current, before.map(JobDescription::updatedBy).orElse(null),
            before.map(JobDescription::updatedAt).orElse(null), () -> auditView(before.map(JobDescription::text).orElse("")));
        String body = text.replace("\r\n", "\n").strip();
        var now = Timestamp.from(clock.instant());
        int updated;
        if (before.isEmpty()) {
            updated = jdbc.sql("""
                    insert into team_job_description (member_id, school_id, body, version, updated_at, updated_by)
                    values (:member, :school, :body, 1, :now, :by)""")
                .param("member", memberId).param("school", schoolId).param("body", body).param("now", now)
                .param("by", Caller.currentActor()).update();
        } else {
            updated = jdbc.sql("""
                    update team_job_description set body = :body, version = version + 1, updated_at = :now, updated_by = :by
                    where member_id = :member and version = :version""")
                .param("body", body).param("now", now).param("by", Caller.currentActor()).param("member", memberId)
                .param("version", version).update();
        }
        var after = stored(schoolId, memberId).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), auditView(after.text()));
        }
        audit.record(AUDIT_TYPE, memberId, schoolId, before.isEmpty() ? Action.CREATED : Action.UPDATED, member.name(),
            before.map(b -> auditView(b.text())).orElse(Map.of()), auditView(after.text()));
        return after;
    }

    private static Map<String, String> auditView(String text) {
        var map = new LinkedHashMap<String, String>();
        map.put("text", text);
        return map;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The text generated from the member's tasks, the competences of their clusters and the generic competences. */
    String generate(long schoolId, MemberView member, Locale locale, Caller caller) {
        String lang = locale.getLanguage();
        var year = team.years().stream().filter(y -> y.id() == member.schoolYearId()).findFirst().map(y -> y.name()).orElse("");
        var tasks = team.tasks(schoolId, true, caller).stream().collect(Collectors.toMap(TaskView::code, t -> t));
        var assignments = team.assignments(schoolId, member.schoolYearId(), caller);
        var responsible = assignments.stream().filter(a -> Long.valueOf(member.id()).equals(a.responsible())).toList();
        var backup = assignments.stream().filter(a -> a.backups().contains(member.id())).toList();
        var clusters = new LinkedHashSet<Cluster>();
        responsible.forEach(a -> clusters.add(a.cluster()));
        backup.forEach(a -> clusters.add(a.cluster()));
        var sb = new StringBuilder();
        sb.append("# ").append(msg(locale, "team.job.title", member.name())).append('\n');
        sb.append(msg(locale, "team.job.year", year)).append("\n\n");
        sb.append("## ").append(msg(locale, "team.job.purpose")).append('\n');
        sb.append(msg(locale, "team.job.purposeText")).append("\n\n");
        sb.append("## ").append(msg(locale, "team.job.responsibleFor")).append('\n');
        if (responsible.isEmpty()) {
            sb.append(msg(locale, "team.member.noTasks")).append('\n');
        }
        for (var a : responsible) {
            var t = tasks.get(a.task());
            sb.append("- ").append(t == null ? a.task() : t.name(lang)).append(" (")
                .append(msg(locale, "team.hoursValue", String.format(locale, "%.1f", a.hours()))).append(")\n");
        }
        if (!backup.isEmpty()) {
            sb.append("\n## ").append(msg(locale, "team.job.backupFor")).append('\n');
            for (var a : backup) {
                var t = tasks.get(a.task());
                sb.append("- ").append(t == null ? a.task() : t.name(lang)).append('\n');
            }
        }
        var competences = team.competences();
        var info = team.clusters().stream().collect(Collectors.toMap(Team.ClusterInfo::cluster, c -> c));
        for (var c : clusters) {
            var i = info.get(c);
            sb.append("\n## ").append(msg(locale, "team.job.competences", "en".equals(lang) ? i.nameEn() : i.name())).append('\n');
            competences.stream().filter(x -> x.cluster() == c)
                .forEach(x -> sb.append("- ").append("en".equals(lang) ? x.nameEn() : x.name()).append('\n'));
            sb.append(msg(locale, "team.job.education", "en".equals(lang) ? i.educationEn() : i.education())).append('\n');
        }
        sb.append("\n## ").append(msg(locale, "team.job.generic")).append('\n');
        competences.stream().filter(x -> x.cluster() == null)
            .forEach(x -> sb.append("- ").append("en".equals(lang) ? x.nameEn() : x.name()).append('\n'));
        sb.append("\n## ").append(msg(locale, "team.job.hours")).append('\n');
        member.hoursPerYear().forEach((source, h) -> {
            if (h > 0) {
                sb.append("- ").append(msg(locale, "team.funding." + source)).append(": ")
                    .append(msg(locale, "team.hoursValue", String.format(locale, "%.1f", h))).append('\n');
            }
        });
        sb.append("- ").append(msg(locale, "team.job.total")).append(": ")
            .append(msg(locale, "team.hoursValue", String.format(locale, "%.1f", member.totalHours()))).append('\n');
        return sb.toString();
    }
}
