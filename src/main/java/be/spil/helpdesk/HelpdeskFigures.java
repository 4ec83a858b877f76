package be.spil.helpdesk;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk in figures over the last months, for a school's ICT team and director or (all schools) a central admin:
 * the backlog month by month, tickets per category, per school and per asset, and first response and resolution
 * against the SLA per priority. Aggregate queries only (a handful, whatever the number of tickets).
 */
@Service
@Transactional(readOnly = true)
public class HelpdeskFigures {
    public static final int MAX_MONTHS = 36;
    private static final int TOP = 10;

    /** One month: tickets reported and resolved (or closed) in it, and how many were open at its end. */
    public record Month(YearMonth month, long reported, long resolved, long backlog) {}

    /** A label with its count: a category, a school or an asset ({@code key}: the school code or the asset's id). */
    public record Count(String label, String key, long count) {}

    /**
     * Per priority, the tickets reported in the period: answered in time and late (no answer yet past its due time
     * counts as late), resolved in time and late (likewise).
     */
    public record Sla(Priority priority, long tickets, long respondedInTime, long respondedLate, long resolvedInTime,
                      long resolvedLate) {
        public Integer respondedInTimePercent() {
            return percent(respondedInTime, respondedInTime + respondedLate);
        }

        public Integer resolvedInTimePercent() {
            return percent(resolvedInTime, resolvedInTime + resolvedLate);
        }

        private static Integer percent(long part, long whole) {
            return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
        }
    }

    /** {@code schools} is filled for the whole group only. */
    public record Report(YearMonth first, YearMonth last, long reported, List<Month> months, List<Count> categories,
                         List<Count> schools, List<Sla> sla, List<Count> assets) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    HelpdeskFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The figures of one school (its ICT team and director) or, {@code schoolId} null, of all schools (central admins). */
    public Report report(Long schoolId, int months, Caller caller) {
        if (schoolId == null) {
            caller.requireCentralAdmin();
        } else if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        } else if (!Tickets.worksQueue(caller, schoolId)) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw FieldErrorsException.of("months", "helpdesk.figures.monthsRange", MAX_MONTHS);
        }
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        YearMonth last = YearMonth.now(clock);
        YearMonth first = last.minusMonths(months - 1L);
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Map<String, Object> params = new HashMap<>();
        params.put("all", schoolId == null);
        params.put("s", schoolId == null ? -1L : schoolId);
        params.put("from", Timestamp.from(from));
        params.put("now", Timestamp.from(now));
        String scope = "(:all or t.school_id = :s)";

        // the backlog at the start: reported before, not resolved or closed before
        long backlog = jdbc.sql("""
                select count(*) from ticket t where %s and t.created_at < :from
                  and (coalesce(t.resolved_at, t.closed_at) is null or coalesce(t.resolved_at, t.closed_at) >= :from)""".formatted(scope))
            .params(params).query(Long.class).single();
        Map<YearMonth, long[]> perMonth = new HashMap<>();
        countPerMonth("t.created_at", scope, params, perMonth, 0);
        countPerMonth("coalesce(t.resolved_at, t.closed_at)", scope, params, perMonth, 1);
        List<Month> monthList = new ArrayList<>();
        long reported = 0;
        for (var m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            long[] counts = perMonth.getOrDefault(m, new long[2]);
            backlog += counts[0] - counts[1];
            reported += counts[0];
            monthList.add(new Month(m, counts[0], counts[1], backlog));
        }

        var categories = jdbc.sql("""
                select coalesce(c.name, '') as label, count(*) as n from ticket t left join ticket_category c on c.id = t.category_id
                where %s and t.created_at >= :from group by c.name order by n desc, label""".formatted(scope))
            .params(params).query((rs, n) -> new Count(rs.getString("label"), null, rs.getLong("n"))).list();
        List<Count> schools = schoolId != null ? List.of() : jdbc.sql("""
                select s.name, s.code, count(*) as n from ticket t join school s on s.id = t.school_id
                where t.created_at >= :from group by s.name, s.code order by n desc, s.name""")
            .params(params).query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        var sla = jdbc.sql("""
                select t.priority, count(*) as n,
                  sum(case when t.first_response_at is not null and (t.response_due_at is null or t.first_response_at <= t.response_due_at)
                      then 1 else 0 end) as responded_in_time,
                  sum(case when t.first_response_at > t.response_due_at
                        or (t.first_response_at is null and t.response_due_at < :now) then 1 else 0 end) as responded_late,
                  sum(case when t.resolved_at is not null and (t.resolve_due_at is null or t.resolved_at <= t.resolve_due_at)
                      then 1 else 0 end) as resolved_in_time,
                  sum(case when t.resolved_at > t.resolve_due_at
                        or (t.resolved_at is null and t.closed_at is null and t.resolve_due_at < :now) then 1 else 0 end) as resolved_late
                from ticket t where %s and t.created_at >= :from group by t.priority""".formatted(scope))
            .params(params)
            .query((rs, n) -> new Sla(Priority.valueOf(rs.getString("priority")), rs.getLong("n"), rs.getLong("responded_in_time"),
                rs.getLong("responded_late"), rs.getLong("resolved_in_time"), rs.getLong("resolved_late")))
            .list().stream().sorted(java.util.Comparator.comparing(Sla::priority)).toList();
        var assets = jdbc.sql("""
                select t.asset_tag, t.asset_id, count(*) as n from ticket t
                where %s and t.asset_id is not null and t.created_at >= :from
                group by t.asset_tag, t.asset_id order by n desc, t.asset_tag limit %d""".formatted(scope, TOP))
            .params(params).query((rs, n) -> new Count(rs.getString(1), String.valueOf(rs.getLong(2)), rs.getLong(3))).list();
        return new Report(first, last, reported, monthList, categories, schools, sla, assets);
    }

    /** Counts tickets per calendar month of {@code moment} since the period's start into {@code perMonth[month][slot]}. */
    private void countPerMonth(String moment, String scope, Map<String, Object> params, Map<YearMonth, long[]> perMonth, int slot) {
        jdbc.sql("""
                select extract(year from %1$s) as yy, extract(month from %1$s) as mm, count(*) as n
                from ticket t where %2$s and %1$s >= :from group by 1, 2""".formatted(moment, scope))
            .params(params)
            .query((rs, n) -> perMonth.computeIfAbsent(YearMonth.of(rs.getInt("yy"), rs.getInt("mm")), k -> new long[2])[slot] = rs.getLong("n"))
            .list();
    }
}
