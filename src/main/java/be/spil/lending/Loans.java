package be.spil.lending;

import be.spil.audit.AuditTrail.Action;
import be.spil.audit.AuditTrail;
import be.spil.inventory.AssetStatus;
import be.spil.inventory.Assets;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Hand-out and return of a reservation's devices (the kiosk): by asset tag, scanned or ticked. A device that comes back
 * damaged or missing goes to repair in the inventory with the note; a return after the reservation's end is late.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Loans {
    public record HandOut(@NotNull @Size(min = 1, max = 200) List<@NotBlank @Size(max = 30) String> tags) {}

    public record Item(@NotBlank @Size(max = 30) String tag, Condition condition, @Size(max = 1000) String note) {}

    public record Return(@NotNull @Size(min = 1, max = 200) List<@Valid @NotNull Item> items) {}

    private final Reservations reservations;
    private final Assets assets;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final be.spil.helpdesk.Tickets tickets;
    private final org.springframework.context.MessageSource messages;

    Loans(Reservations reservations, Assets assets, JdbcClient jdbc, AuditTrail audit, Clock clock, be.spil.helpdesk.Tickets tickets,
          org.springframework.context.MessageSource messages) {
        this.tickets = tickets;
        this.messages = messages;
        this.reservations = reservations;
        this.assets = assets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<LoanedDevice> devices(long schoolId, long reservationId, Caller caller) {
        Pools.requireSee(schoolId, caller);
        reservations.load(schoolId, reservationId);
        return devices(reservationId);
    }

    private List<LoanedDevice> devices(long reservationId) {
        return jdbc.sql("""
                select d.*, a.tag from reservation_device d join asset a on a.id = d.asset_id
                where d.reservation_id = :r order by a.tag""")
            .param("r", reservationId)
            .query((rs, n) -> new LoanedDevice(rs.getLong("asset_id"), rs.getString("tag"), rs.getTimestamp("handed_out_at").toInstant(),
                rs.getString("handed_out_by"), rs.getTimestamp("returned_at") == null ? null : rs.getTimestamp("returned_at").toInstant(),
                rs.getString("returned_by"), rs.getString("condition") == null ? null : Condition.valueOf(rs.getString("condition")),
                rs.getString("note"), rs.getBoolean("late")))
            .list();
    }

    /** Hands out devices of the reservation's pool: each lendable, not out with another reservation, at most as many as reserved. */
    @Transactional
    public List<LoanedDevice> handOut(long schoolId, long reservationId, @Valid HandOut body, Caller caller) {
        Pools.requireManage(schoolId, caller);
        var r = reservations.load(schoolId, reservationId);
        // two kiosks handing out the same device at once: the second waits here, then finds it out
        reservations.lockPool(r.poolId);
        if (r.status != ReservationStatus.CONFIRMED && r.status != ReservationStatus.HANDED_OUT) {
            throw FieldErrorsException.of("tags", "loan.notReady", r.status.name());
        }
        var errors = new ArrayList<FieldError>();
        var ids = new ArrayList<Long>();
        for (String tag : body.tags()) {
            var device = jdbc.sql("""
                    select a.id, a.status from pool_device d join asset a on a.id = d.asset_id
                    where d.pool_id = :pool and a.school_id = :school and a.tag = :tag""")
                .param("pool", r.poolId).param("school", schoolId).param("tag", tag.trim().toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
            if (device.isEmpty()) {
                errors.add(new FieldError("tags", "loan.notInPool", tag));
            } else if (!Pools.LENDABLE.contains(device.get().getValue())) {
                errors.add(new FieldError("tags", "loan.notLendable", tag, device.get().getValue()));
            } else if (isOut(device.get().getKey())) {
                errors.add(new FieldError("tags", "loan.alreadyOut", tag));
            } else if (!ids.contains(device.get().getKey())) {
                ids.add(device.get().getKey());
            }
        }
        long already = jdbc.sql("select count(*) from reservation_device where reservation_id = :r").param("r", r.id)
            .query(Long.class).single();
        if (already + ids.size() > r.devices) {
            errors.add(new FieldError("tags", "loan.tooMany", r.devices));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        var now = clock.instant();
        String actor = Caller.currentActor();
        for (long id : ids) {
            jdbc.sql("""
                    insert into reservation_device (reservation_id, asset_id, handed_out_at, handed_out_by)
                    values (:r, :a, :at, :by)""")
                .param("r", r.id).param("a", id).param("at", Timestamp.from(now)).param("by", actor).update();
        }
        var before = r.auditView();
        r.handedOut(now, actor);
        r = reservations.save(r);
        audit.record(Reservations.AUDIT_TYPE, r.id, schoolId, Action.UPDATED, "handed out " + String.join(", ", body.tags()), before,
            r.auditView());
        return devices(r.id);
    }

    private boolean isOut(long assetId) {
        return jdbc.sql("select count(*) from reservation_device where asset_id = :a and returned_at is null").param("a", assetId)
            .query(Long.class).single() > 0;
    }

    /** Takes devices back; damaged or missing ones go to repair with the note. When all are back the reservation is returned. */
    @Transactional
    public List<LoanedDevice> giveBack(long schoolId, long reservationId, @Valid Return body, Caller caller) {
        Pools.requireManage(schoolId, caller);
        var r = reservations.load(schoolId, reservationId);
        var errors = new ArrayList<FieldError>();
        var items = new LinkedHashMap<Long, Item>();
        for (var item : body.items()) {
            var id = jdbc.sql("""
                    select d.asset_id from reservation_device d join asset a on a.id = d.asset_id
                    where d.reservation_id = :r and a.tag = :tag and d.returned_at is null""")
                .param("r", r.id).param("tag", item.tag().trim().toUpperCase(java.util.Locale.ROOT)).query(Long.class).optional();
            if (id.isEmpty()) {
                errors.add(new FieldError("items", "loan.notOut", item.tag()));
            } else if (item.condition() != null && item.condition() != Condition.OK && be.spil.shared.Text.blankToNull(item.note()) == null) {
                errors.add(new FieldError("items", "loan.noteRequired", item.tag()));
            } else {
                items.put(id.get(), item);
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        var now = clock.instant();
        String actor = Caller.currentActor();
        boolean late = now.isAfter(r.endsAt);
        for (var e : items.entrySet()) {
            var condition = e.getValue().condition() == null ? Condition.OK : e.getValue().condition();
            String note = be.spil.shared.Text.blankToNull(e.getValue().note());
            jdbc.sql("""
                    update reservation_device set returned_at = :at, returned_by = :by, condition = :c, note = :note, late = :late
                    where reservation_id = :r and asset_id = :a""")
                .param("at", Timestamp.from(now)).param("by", actor).param("c", condition.name()).param("note", note)
                .param("late", late).param("r", r.id).param("a", e.getKey()).update();
            if (condition != Condition.OK) {
                toRepair(schoolId, e.getKey(), e.getValue().tag(), condition, note, caller);
            }
        }
        long out = jdbc.sql("select count(*) from reservation_device where reservation_id = :r and returned_at is null")
            .param("r", r.id).query(Long.class).single();
        if (out == 0) {
            var before = r.auditView();
            r.returned(now, actor);
            r = reservations.save(r);
            audit.record(Reservations.AUDIT_TYPE, r.id, schoolId, Action.UPDATED, late ? "returned late" : "returned", before, r.auditView());
        }
        return devices(r.id);
    }

    /**
     * Puts the device in repair through the inventory, with the condition and note as the reason, and opens a helpdesk
     * ticket for it (in the school's language, Dutch), reported by whoever took the device back.
     */
    void toRepair(long schoolId, long assetId, String tag, Condition condition, String note, Caller caller) {
        var asset = assets.get(schoolId, assetId, caller);
        String reason = condition.name().toLowerCase(java.util.Locale.ROOT) + ": " + note;
        if (asset.status() == AssetStatus.IN_STOCK) {
            asset = assets.changeStatus(schoolId, assetId, AssetStatus.IN_USE, reason, asset.version(), caller);
        }
        if (asset.status() == AssetStatus.IN_USE) {
            assets.changeStatus(schoolId, assetId, AssetStatus.IN_REPAIR, reason, asset.version(), caller);
        } else if (asset.status() != AssetStatus.IN_REPAIR) {
            throw new NotFoundException("lendable asset", tag);
        }
        var dutch = java.util.Locale.forLanguageTag("nl");
        tickets.report(schoolId, new be.spil.helpdesk.ReportForm(
            messages.getMessage("loan.ticket." + condition.name(), new Object[] {asset.tag()}, dutch),
            note, asset.tag(), null, null, null, null), caller);
    }

    /** Reservations whose devices are not all back after their end, and returns that came late, from {@code days} days ago. */
    public List<ReservationView> late(long schoolId, int days, Caller caller) {
        Pools.requireSee(schoolId, caller);
        return jdbc.sql(Reservations.SELECT + """
                 where r.school_id = :school and r.on_day >= :from and ((r.status = 'HANDED_OUT' and r.ends_at < :now)
                   or exists (select 1 from reservation_device d where d.reservation_id = r.id and d.late = true))
                 order by r.on_day desc, r.starts_at desc limit 500""")
            .param("school", schoolId).param("from", reservations.today().minusDays(days))
            .param("now", Timestamp.from(clock.instant()))
            .query((rs, n) -> Reservations.view(rs)).list();
    }
}
