package be.spil.lending;

import be.spil.shared.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A device pool of a school: a laptop cart, a tablet case, a set of robots. */
@Table("device_pool")
class Pool {
    @Id Long id;
    Long schoolId;
    String name;
    String description;
    Long homeRoomId;
    ReservableBy reservableBy;
    Integer maxPerReservation;
    boolean needsApproval;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static Pool create(long schoolId, PoolForm form, Instant now, String actor) {
        var p = new Pool();
        p.schoolId = schoolId;
        p.createdAt = now;
        p.change(form, now, actor);
        return p;
    }

    void change(PoolForm form, Instant now, String actor) {
        name = form.name().trim();
        description = Text.blankToNull(form.description());
        homeRoomId = form.homeRoomId();
        reservableBy = form.reservableBy() == null ? ReservableBy.STAFF : form.reservableBy();
        maxPerReservation = form.maxPerReservation();
        needsApproval = Boolean.TRUE.equals(form.needsApproval());
        touch(now, actor);
    }

    void setArchived(boolean archived, Instant now, String actor) {
        this.archived = archived;
        touch(now, actor);
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("name", name);
        m.put("description", description);
        m.put("homeRoomId", homeRoomId == null ? null : homeRoomId.toString());
        m.put("reservableBy", reservableBy.name());
        m.put("maxPerReservation", maxPerReservation == null ? null : maxPerReservation.toString());
        m.put("needsApproval", String.valueOf(needsApproval));
        m.put("archived", String.valueOf(archived));
        return m;
    }
}
