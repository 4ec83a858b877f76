package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.inventory.Assets;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Devices linked to a ticket besides the one it was reported with (three PCs of one classroom, a beamer and its
 * speaker). Whoever sees the ticket sees them; the ICT team links and unlinks them, each change in the ticket's history.
 * The asset's page lists the tickets it is linked to.
 */
@Service
@Transactional(readOnly = true)
public class TicketAssets {
    /** Most devices one ticket links. */
    static final int MAX = 50;

    /** A linked device. */
    public record LinkedAsset(long assetId, String tag) {}

    private final Tickets tickets;
    private final Assets assets;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    TicketAssets(Tickets tickets, Assets assets, org.springframework.jdbc.core.simple.JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.tickets = tickets;
        this.assets = assets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<LinkedAsset> list(long schoolId, long number, Caller caller) {
        return list(tickets.visibleId(schoolId, number, caller));
    }

    private List<LinkedAsset> list(long ticketId) {
        return jdbc.sql("select asset_id, asset_tag from ticket_linked_asset where ticket_id = :t order by asset_tag")
            .param("t", ticketId).query((rs, n) -> new LinkedAsset(rs.getLong(1), rs.getString(2))).list();
    }

    /** Links the device with this tag (of the ticket's school); twice, or the ticket's own device, is refused. */
    @Transactional
    public LinkedAsset link(long schoolId, long number, String tag, Caller caller) {
        long ticketId = teamTicket(schoolId, number, caller);
        String given = Text.blankToNull(tag);
        if (given == null) {
            throw FieldErrorsException.of("tag", "ticket.assets.tagRequired");
        }
        if (given.length() > 30) {
            throw FieldErrorsException.of("tag", "ticket.asset.unknown", given.substring(0, 30) + "…");
        }
        be.spil.inventory.AssetView asset;
        try {
            asset = assets.byTag(schoolId, given, caller);
        } catch (NotFoundException e) {
            throw FieldErrorsException.of("tag", "ticket.asset.unknown", given);
        }
        var ticket = tickets.get(schoolId, number, caller);
        var linked = list(ticketId);
        if (Long.valueOf(asset.id()).equals(ticket.assetId()) || linked.stream().anyMatch(l -> l.assetId() == asset.id())) {
            throw FieldErrorsException.conflict("tag", "ticket.assets.already", asset.tag());
        }
        if (linked.size() >= MAX) {
            throw FieldErrorsException.of("tag", "ticket.assets.tooMany", MAX);
        }
        jdbc.sql("insert into ticket_linked_asset (ticket_id, asset_id, asset_tag, linked_at, linked_by) values (:t, :a, :tag, :at, :by)")
            .param("t", ticketId).param("a", asset.id()).param("tag", asset.tag()).param("at", Timestamp.from(clock.instant()))
            .param("by", Caller.currentActor()).update();
        audit.record(Tickets.AUDIT_TYPE, ticketId, schoolId, Action.UPDATED, "#" + number + " " + asset.tag(),
            Map.of(), Map.of("linkedAsset", asset.tag()));
        return new LinkedAsset(asset.id(), asset.tag());
    }

    /** Unlinks a device; one that is not linked answers 404. */
    @Transactional
    public void unlink(long schoolId, long number, String tag, Caller caller) {
        long ticketId = teamTicket(schoolId, number, caller);
        var link = list(ticketId).stream().filter(l -> l.tag().equalsIgnoreCase(tag == null ? "" : tag.trim())).findFirst()
            .orElseThrow(() -> new NotFoundException("linked asset", tag));
        jdbc.sql("delete from ticket_linked_asset where ticket_id = :t and asset_id = :a").param("t", ticketId).param("a", link.assetId()).update();
        audit.record(Tickets.AUDIT_TYPE, ticketId, schoolId, Action.UPDATED, "#" + number + " " + link.tag(),
            Map.of("linkedAsset", link.tag()), Map.of());
    }

    private long teamTicket(long schoolId, long number, Caller caller) {
        long id = tickets.visibleId(schoolId, number, caller);
        if (!tickets.worksOn(schoolId, number, caller)) {
            throw new AccessDeniedException("not allowed");
        }
        return id;
    }
}
