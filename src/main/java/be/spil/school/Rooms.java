package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The school module's API for buildings and rooms. Everybody of a school reads them; central admins, and the
 * school's ICT coordinators and directors, add and change them. Rooms are archived, never deleted.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Rooms {
    static final String BUILDING_AUDIT_TYPE = "building";
    static final String ROOM_AUDIT_TYPE = "room";

    /** Filters of the room list; null means "any". */
    public record RoomFilter(Long buildingId, RoomType type, boolean includeArchived) {
        public static RoomFilter active() {
            return new RoomFilter(null, null, false);
        }
    }

    private final BuildingRepository buildings;
    private final RoomRepository rooms;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Rooms(BuildingRepository buildings, RoomRepository rooms, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.buildings = buildings;
        this.rooms = rooms;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- queries for other modules (no caller: the caller has already been checked against the school) ----

    /** The rooms of a school, by building and name. */
    public List<RoomView> rooms(long schoolId, RoomFilter filter) {
        var sql = new StringBuilder("""
            select r.*, b.name as building_name from room r join building b on b.id = r.building_id
            where r.school_id = :school""");
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("school", schoolId);
        if (!filter.includeArchived()) {
            sql.append(" and r.archived = false");
        }
        if (filter.buildingId() != null) {
            sql.append(" and r.building_id = :building");
            params.put("building", filter.buildingId());
        }
        if (filter.type() != null) {
            sql.append(" and r.type = :type");
            params.put("type", filter.type().name());
        }
        sql.append(" order by lower(b.name), lower(r.name)");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> roomView(rs)).list();
    }

    /** One room of a school, if it exists there. */
    public Optional<RoomView> room(long schoolId, long roomId) {
        return jdbc.sql("""
                select r.*, b.name as building_name from room r join building b on b.id = r.building_id
                where r.school_id = :school and r.id = :id""")
            .param("school", schoolId).param("id", roomId)
            .query((rs, n) -> roomView(rs)).optional();
    }

    /** The buildings of a school, by name. */
    public List<BuildingView> buildings(long schoolId, boolean includeArchived) {
        return buildings.findBySchoolIdOrderByNameAsc(schoolId).stream()
            .filter(b -> includeArchived || !b.archived)
            .map(Building::view)
            .toList();
    }

    // ---- the same for a caller, 404 for a school they may not see ----

    public List<RoomView> rooms(long schoolId, RoomFilter filter, Caller caller) {
        requireSee(schoolId, caller);
        return rooms(schoolId, filter);
    }

    public RoomView room(long schoolId, long roomId, Caller caller) {
        requireSee(schoolId, caller);
        return room(schoolId, roomId).orElseThrow(() -> new NotFoundException("room", roomId));
    }

    public List<BuildingView> buildings(long schoolId, boolean includeArchived, Caller caller) {
        requireSee(schoolId, caller);
        return buildings(schoolId, includeArchived);
    }

    public BuildingView building(long schoolId, long buildingId, Caller caller) {
        requireSee(schoolId, caller);
        return loadBuilding(schoolId, buildingId).view();
    }

    // ---- buildings ----

    @Transactional
    public BuildingView createBuilding(long schoolId, @Valid BuildingForm form, Caller caller) {
        caller.requireManage(schoolId);
        if (buildings.findBySchoolIdAndName(schoolId, form.name().trim()).isPresent()) {
            throw FieldErrorsException.conflict("name", "building.name.taken", form.name().trim());
        }
        var building = buildings.save(Building.create(schoolId, form, now(), Caller.currentActor()));
        audit.record(BUILDING_AUDIT_TYPE, building.id, schoolId, Action.CREATED, building.name, Map.of(), building.auditView());
        return building.view();
    }

    @Transactional
    public BuildingView updateBuilding(long schoolId, long buildingId, @Valid BuildingForm form, Caller caller) {
        return patchBuilding(schoolId, buildingId, form, null, caller);
    }

    /** Changes a building and, when {@code archived} is given, archives or restores it: all or nothing. */
    @Transactional
    public BuildingView patchBuilding(long schoolId, long buildingId, @Valid BuildingForm form, Boolean archived, Caller caller) {
        caller.requireManage(schoolId);
        var building = loadBuilding(schoolId, buildingId);
        StaleVersionException.check(form.version(), building.version, building.updatedBy, building.updatedAt, building::auditView);
        var other = buildings.findBySchoolIdAndName(schoolId, form.name().trim());
        if (other.isPresent() && !other.get().id.equals(building.id)) {
            throw FieldErrorsException.conflict("name", "building.name.taken", form.name().trim());
        }
        var before = building.auditView();
        building.change(form, now(), Caller.currentActor());
        if (!before.equals(building.auditView())) {
            building = saveBuilding(building);
            audit.record(BUILDING_AUDIT_TYPE, building.id, schoolId, Action.UPDATED, building.name, before, building.auditView());
        }
        if (archived != null && archived != building.archived) {
            return setBuildingArchived(schoolId, buildingId, archived, caller);
        }
        return loadBuilding(schoolId, buildingId).view();
    }

    @Transactional
    public BuildingView setBuildingArchived(long schoolId, long buildingId, boolean archived, Caller caller) {
        caller.requireManage(schoolId);
        var building = loadBuilding(schoolId, buildingId);
        if (archived && count("select count(*) from room where building_id = :id and archived = false", building.id) > 0) {
            throw FieldErrorsException.of("archived", "building.hasRooms", building.name);
        }
        var before = building.auditView();
        building.setArchived(archived, now(), Caller.currentActor());
        building = saveBuilding(building);
        audit.record(BUILDING_AUDIT_TYPE, building.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, building.name,
            before, building.auditView());
        return building.view();
    }

    // ---- rooms ----

    @Transactional
    public RoomView createRoom(long schoolId, @Valid RoomForm form, Caller caller) {
        caller.requireManage(schoolId);
        var building = usableBuilding(schoolId, form.buildingId(), null);
        if (rooms.findByBuildingIdAndName(building.id, form.name().trim()).isPresent()) {
            throw FieldErrorsException.conflict("name", "room.name.taken", form.name().trim(), building.name);
        }
        var room = rooms.save(Room.create(schoolId, form, now(), Caller.currentActor()));
        audit.record(ROOM_AUDIT_TYPE, room.id, schoolId, Action.CREATED, building.name + " " + room.name, Map.of(),
            room.auditView(building.name));
        return room.view(building.name);
    }

    @Transactional
    public RoomView updateRoom(long schoolId, long roomId, @Valid RoomForm form, Caller caller) {
        return patchRoom(schoolId, roomId, form, null, caller);
    }

    /** Changes a room and, when {@code archived} is given, archives or restores it: all or nothing. */
    @Transactional
    public RoomView patchRoom(long schoolId, long roomId, @Valid RoomForm form, Boolean archived, Caller caller) {
        caller.requireManage(schoolId);
        var room = loadRoom(schoolId, roomId);
        var oldBuilding = buildings.findById(room.buildingId).orElseThrow();
        var current = room;
        StaleVersionException.check(form.version(), room.version, room.updatedBy, room.updatedAt, () -> current.auditView(oldBuilding.name));
        var building = usableBuilding(schoolId, form.buildingId(), room.buildingId);
        var other = rooms.findByBuildingIdAndName(building.id, form.name().trim());
        if (other.isPresent() && !other.get().id.equals(room.id)) {
            throw FieldErrorsException.conflict("name", "room.name.taken", form.name().trim(), building.name);
        }
        var before = room.auditView(oldBuilding.name);
        room.change(form, now(), Caller.currentActor());
        if (!before.equals(room.auditView(building.name))) {
            room = saveRoom(room, building.name);
            audit.record(ROOM_AUDIT_TYPE, room.id, schoolId, Action.UPDATED, building.name + " " + room.name, before,
                room.auditView(building.name));
        }
        if (archived != null && archived != room.archived) {
            return setRoomArchived(schoolId, roomId, archived, caller);
        }
        return room(schoolId, roomId).orElseThrow();
    }

    @Transactional
    public RoomView setRoomArchived(long schoolId, long roomId, boolean archived, Caller caller) {
        caller.requireManage(schoolId);
        var room = loadRoom(schoolId, roomId);
        var building = buildings.findById(room.buildingId).orElseThrow();
        if (!archived && building.archived) {
            throw FieldErrorsException.of("archived", "room.buildingArchived", building.name);
        }
        var before = room.auditView(building.name);
        room.setArchived(archived, now(), Caller.currentActor());
        room = saveRoom(room, building.name);
        audit.record(ROOM_AUDIT_TYPE, room.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, building.name + " " + room.name,
            before, room.auditView(building.name));
        return room.view(building.name);
    }

    // ---- helpers ----

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /** A building of this school that is not archived (unless it is the room's current one): else a field error. */
    private Building usableBuilding(long schoolId, Long buildingId, Long currentBuildingId) {
        var building = buildingId == null ? Optional.<Building>empty()
            : buildings.findById(buildingId).filter(b -> b.schoolId == schoolId);
        if (building.isEmpty()) {
            throw FieldErrorsException.of("buildingId", "room.building.unknown");
        }
        if (building.get().archived && !building.get().id.equals(currentBuildingId)) {
            throw FieldErrorsException.of("buildingId", "room.building.archived", building.get().name);
        }
        return building.get();
    }

    private Building loadBuilding(long schoolId, long buildingId) {
        return buildings.findById(buildingId).filter(b -> b.schoolId == schoolId)
            .orElseThrow(() -> new NotFoundException("building", buildingId));
    }

    private Room loadRoom(long schoolId, long roomId) {
        return rooms.findById(roomId).filter(r -> r.schoolId == schoolId)
            .orElseThrow(() -> new NotFoundException("room", roomId));
    }


    private Building saveBuilding(Building building) {
        try {
            return buildings.save(building);
        } catch (OptimisticLockingFailureException e) {
            var current = buildings.findById(building.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }

    private Room saveRoom(Room room, String buildingName) {
        try {
            return rooms.save(room);
        } catch (OptimisticLockingFailureException e) {
            var current = rooms.findById(room.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView(buildingName));
        }
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private Instant now() {
        return clock.instant();
    }

    private static RoomView roomView(ResultSet rs) throws SQLException {
        return new RoomView(rs.getLong("id"), rs.getLong("building_id"), rs.getString("building_name"), rs.getString("name"),
            RoomType.valueOf(rs.getString("type")), (Integer) rs.getObject("floor", Integer.class),
            (Integer) rs.getObject("capacity", Integer.class), rs.getBoolean("archived"), rs.getInt("version"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
