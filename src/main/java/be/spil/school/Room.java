package be.spil.school;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A room in a building of a school; its name is unique in the building. */
@Table("room")
class Room {
    @Id Long id;
    Long schoolId;
    Long buildingId;
    String name;
    RoomType type;
    Integer floor;
    Integer capacity;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static Room create(long schoolId, RoomForm form, Instant now, String actor) {
        var r = new Room();
        r.schoolId = schoolId;
        r.createdAt = now;
        r.change(form, now, actor);
        return r;
    }

    void change(RoomForm form, Instant now, String actor) {
        buildingId = form.buildingId();
        name = form.name().trim();
        type = form.type();
        floor = form.floor();
        capacity = form.capacity();
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

    /** The values for the history; {@code buildingName} names the building instead of its id. */
    Map<String, String> auditView(String buildingName) {
        var m = new LinkedHashMap<String, String>();
        m.put("building", buildingName);
        m.put("name", name);
        m.put("roomType", type == null ? null : type.name());
        m.put("floor", floor == null ? null : floor.toString());
        m.put("capacity", capacity == null ? null : capacity.toString());
        m.put("archived", String.valueOf(archived));
        return m;
    }

    RoomView view(String buildingName) {
        return new RoomView(id, buildingId, buildingName, name, type, floor, capacity, archived, version, updatedAt, updatedBy);
    }
}
