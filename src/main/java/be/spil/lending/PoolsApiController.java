package be.spil.lending;

import be.spil.audit.AuditTrail;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/schools/{code}/pools")
@Tag(name = "Device pools", description = "Laptop carts, tablet cases and other sets of devices that teachers reserve")
class PoolsApiController {
    /** A change of a pool: fields left out keep their value; {@code devices} replaces the list of asset tags. */
    record PoolPatch(@Size(min = 1, max = 80) String name, @Size(max = 1000) String description, Long homeRoomId, Boolean clearHomeRoom,
                     ReservableBy reservableBy, @Min(1) @Max(1000) Integer maxPerReservation, Boolean clearMax, Boolean needsApproval,
                     @Size(max = 1000) List<@NotBlank @Size(max = 30) String> devices, Boolean archived, @NotNull Integer version) {}

    private final Schools schools;
    private final Pools pools;
    private final Reservations reservations;

    PoolsApiController(Schools schools, Pools pools, Reservations reservations) {
        this.schools = schools;
        this.pools = pools;
        this.reservations = reservations;
    }

    @GetMapping
    @Operation(summary = "A school's device pools with their size and how many devices can be lent now")
    PageResult<PoolView> list(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean archived) {
        var list = pools.list(schools.visible(code, caller).id(), archived, caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping
    @Operation(summary = "Define a pool: name, home room, who may reserve, maximum per reservation, approval, devices by asset tag")
    ResponseEntity<PoolView> create(Caller caller, @PathVariable String code, @Valid @RequestBody PoolForm form) {
        var school = schools.visible(code, caller);
        var pool = pools.create(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/pools/" + pool.id())).body(pool);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One pool with its devices and their inventory status")
    PoolView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return pools.get(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a pool (and archive or restore it); a stale version answers 409")
    PoolView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody PoolPatch patch) {
        long school = schools.visible(code, caller).id();
        var p = pools.get(school, id, caller);
        var form = new PoolForm(patch.name() == null ? p.name() : patch.name(),
            patch.description() == null ? p.description() : patch.description(),
            Boolean.TRUE.equals(patch.clearHomeRoom()) ? null : patch.homeRoomId() == null ? p.homeRoomId() : patch.homeRoomId(),
            patch.reservableBy() == null ? p.reservableBy() : patch.reservableBy(),
            Boolean.TRUE.equals(patch.clearMax()) ? null : patch.maxPerReservation() == null ? p.maxPerReservation() : patch.maxPerReservation(),
            patch.needsApproval() == null ? p.needsApproval() : patch.needsApproval(), patch.devices(), patch.version());
        var updated = pools.update(school, id, form, caller);
        if (patch.archived() != null && patch.archived() != updated.archived()) {
            updated = pools.setArchived(school, id, patch.archived(), caller);
        }
        return updated;
    }

    @GetMapping("/{id}/week")
    @Operation(summary = "What the pool has free in the week holding the date: per school day and lesson period")
    WeekView week(Caller caller, @PathVariable String code, @PathVariable long id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        long school = schools.visible(code, caller).id();
        return reservations.week(school, id, date == null ? reservations.today() : date, caller);
    }

    @GetMapping("/{id}/overbooked")
    @Operation(summary = "Reservations from today on that no longer fit because devices of the pool went to repair or were retired")
    List<ReservationView> overbooked(Caller caller, @PathVariable String code, @PathVariable long id) {
        long school = schools.visible(code, caller).id();
        pools.get(school, id, caller);
        return reservations.overbooked(school, id, caller);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The pool's change history")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @PathVariable long id) {
        return pools.history(schools.visible(code, caller).id(), id, caller);
    }
}
