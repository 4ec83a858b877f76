package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}")
@Tag(name = "Buildings and rooms", description = "A school's buildings and rooms (change: central admin, ICT coordinator, director)")
class RoomsApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record BuildingPatch(@Size(max = 100) String name, @Size(max = 200) String address, Boolean archived, @NotNull Integer version) {}

    /** Only the fields present change; {@code version} is the one you read. */
    record RoomPatch(Long buildingId, @Size(max = 100) String name, RoomType type, @Min(-5) @Max(50) Integer floor,
                     @Min(1) @Max(2000) Integer capacity, Boolean archived, @NotNull Integer version) {}

    private final Schools schools;
    private final Rooms rooms;
    private final AuditTrail audit;

    RoomsApiController(Schools schools, Rooms rooms, AuditTrail audit) {
        this.schools = schools;
        this.rooms = rooms;
        this.audit = audit;
    }

    @GetMapping("/buildings")
    @Operation(summary = "A school's buildings, by name", description = "Archived buildings only with archived=true.")
    PageResult<BuildingView> buildings(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean archived) {
        return page(rooms.buildings(schools.visible(code, caller).id(), archived, caller));
    }

    @PostMapping("/buildings")
    @Operation(summary = "Add a building", description = "The name is unique in the school (409 when taken); the address is optional.")
    ResponseEntity<BuildingView> createBuilding(Caller caller, @PathVariable String code, @Valid @RequestBody BuildingForm form) {
        var school = schools.visible(code, caller);
        var building = rooms.createBuilding(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/buildings/" + building.id())).body(building);
    }

    @GetMapping("/buildings/{id}")
    @Operation(summary = "One building")
    BuildingView building(Caller caller, @PathVariable String code, @PathVariable long id) {
        return rooms.building(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/buildings/{id}")
    @Operation(summary = "Rename, re-address or archive a building",
        description = "A building with active rooms cannot be archived. A stale version answers 409.")
    BuildingView patchBuilding(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody BuildingPatch patch) {
        long school = schools.visible(code, caller).id();
        var b = rooms.building(school, id, caller);
        return rooms.patchBuilding(school, id, new BuildingForm(or(patch.name(), b.name()), or(patch.address(), b.address()),
            patch.version()), patch.archived(), caller);
    }

    @GetMapping("/rooms")
    @Operation(summary = "A school's rooms, by building and name",
        description = "Filters: building (id), type (CLASSROOM, COMPUTER_ROOM, OFFICE, STORAGE, OTHER), archived=true for archived ones too.")
    PageResult<RoomView> rooms(Caller caller, @PathVariable String code, @RequestParam(required = false) Long building,
                               @RequestParam(required = false) RoomType type, @RequestParam(defaultValue = "false") boolean archived) {
        return page(rooms.rooms(schools.visible(code, caller).id(), new Rooms.RoomFilter(building, type, archived), caller));
    }

    @PostMapping("/rooms")
    @Operation(summary = "Add a room",
        description = "buildingId is a building of the same school; the name is unique in the building (409 when taken).")
    ResponseEntity<RoomView> createRoom(Caller caller, @PathVariable String code, @Valid @RequestBody RoomForm form) {
        var school = schools.visible(code, caller);
        var room = rooms.createRoom(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/rooms/" + room.id())).body(room);
    }

    @GetMapping("/rooms/{id}")
    @Operation(summary = "One room")
    RoomView room(Caller caller, @PathVariable String code, @PathVariable long id) {
        return rooms.room(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/rooms/{id}")
    @Operation(summary = "Change or archive a room", description = "Only the fields present change; a stale version answers 409 "
        + "with who changed the room and its newer values.")
    RoomView patchRoom(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody RoomPatch patch) {
        long school = schools.visible(code, caller).id();
        var r = rooms.room(school, id, caller);
        var form = new RoomForm(patch.buildingId() == null ? r.buildingId() : patch.buildingId(), or(patch.name(), r.name()),
            patch.type() == null ? r.type() : patch.type(), patch.floor() == null ? r.floor() : patch.floor(),
            patch.capacity() == null ? r.capacity() : patch.capacity(), patch.version());
        return rooms.patchRoom(school, id, form, patch.archived(), caller);
    }

    @GetMapping("/rooms/{id}/history")
    @Operation(summary = "The room's change history, newest first")
    List<AuditTrail.Entry> roomHistory(Caller caller, @PathVariable String code, @PathVariable long id) {
        return audit.history(Rooms.ROOM_AUDIT_TYPE, rooms.room(schools.visible(code, caller).id(), id, caller).id());
    }

    static <T> PageResult<T> page(List<T> list) {
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    private static String or(String value, String current) {
        return value == null ? current : value;
    }
}
