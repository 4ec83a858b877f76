package be.spil.helpdesk;

import be.spil.shared.AssetSection;
import be.spil.shared.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets of an asset on its page: the open ones first, then the most recent, with status and a link. The ICT team
 * sees all of them, an external technician those assigned to them, everybody else only the tickets they reported
 * themselves (as in the queue, through {@link TicketAccess}). One query on {@code ticket}: the reported device or one
 * linked later ({@code ticket_linked_asset}).
 */
@Component
class HelpdeskAssetSection implements AssetSection {
    static final int SHOWN = 10;

    private final JdbcClient jdbc;

    HelpdeskAssetSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A ticket of the asset as the section shows it. */
    record Row(long number, String subject, TicketStatus status, Priority priority, Instant createdAt) {
        public boolean open() {
            return status.open();
        }
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "helpdesk/asset-section";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> values(long schoolId, long assetId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            return Map.of();
        }
        boolean team = Tickets.isTeam(caller, schoolId);
        var params = new LinkedHashMap<String, Object>();
        params.put("school", schoolId);
        params.put("asset", assetId);
        params.put("open", TicketStatus.OPEN.stream().map(Enum::name).toList());
        String mine = TicketAccess.where(caller, schoolId, params);
        List<Row> rows = jdbc.sql("select number, subject, status, priority, created_at, count(*) over () as total,"
                + " sum(case when status in (:open) then 1 else 0 end) over () as open_count"
                + " from ticket t where t.school_id = :school"
                + " and (t.asset_id = :asset or t.id in (select l.ticket_id from ticket_linked_asset l where l.asset_id = :asset))" + mine
                + " order by case when status in (:open) then 0 else 1 end, created_at desc, id desc limit " + SHOWN)
            .params(params)
            .query((rs, n) -> {
                if (n == 0) {
                    params.put("total", rs.getLong("total"));
                    params.put("openCount", rs.getLong("open_count"));
                }
                Timestamp created = rs.getTimestamp("created_at");
                return new Row(rs.getLong("number"), rs.getString("subject"), TicketStatus.valueOf(rs.getString("status")),
                    Priority.valueOf(rs.getString("priority")), created.toInstant());
            })
            .list();
        var values = new LinkedHashMap<String, Object>();
        values.put("tickets", rows);
        values.put("total", params.getOrDefault("total", 0L));
        values.put("open", params.getOrDefault("openCount", 0L));
        values.put("team", team);
        return values;
    }
}
