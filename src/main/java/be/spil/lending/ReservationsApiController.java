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
@RequestMapping("/api/v1/schools/{code}/reservations")
@Tag(name = "Reservations", description = "Reservations of device pools by lesson period; hand-out and return")
class ReservationsApiController {
    /**
     * A change of a reservation before it starts: fields left out keep their value; {@code status: CANCELLED} cancels it
     * (with {@code series: true} also the later ones of its weekly series).
     */
    record ReservationPatch(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                            @Size(min = 1, max = 20) List<@NotNull @Min(0) @Max(20) Integer> periods, @Min(1) @Max(1000) Integer devices,
                            Long group, Long room, @Size(max = 1000) String note, ReservationStatus status, Boolean series,
                            @NotNull Integer version) {}

    private final Schools schools;
    private final Reservations reservations;
    private final Loans loans;

    ReservationsApiController(Schools schools, Reservations reservations, Loans loans) {
        this.schools = schools;
        this.reservations = reservations;
        this.loans = loans;
    }

    @GetMapping
    @Operation(summary = "A school's reservations between two days (default: the coming week), optionally of one pool or person")
    PageResult<ReservationView> list(Caller caller, @PathVariable String code,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) Long pool, @RequestParam(required = false) Long person,
                                     @RequestParam(defaultValue = "false") boolean cancelled) {
        long school = schools.visible(code, caller).id();
        var start = from == null ? reservations.today() : from;
        var list = reservations.list(school, new Reservations.Filter(start, to == null ? start.plusDays(6) : to, pool, person, cancelled),
            caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping
    @Operation(summary = "Reserve devices of a pool for lesson periods on a school day, or weekly until a date; 409 with what is "
        + "still free when the devices are taken")
    ResponseEntity<ReservationView> create(Caller caller, @PathVariable String code, @Valid @RequestBody ReservationForm form) {
        var school = schools.visible(code, caller);
        var r = reservations.reserve(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/reservations/" + r.id())).body(r);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One reservation")
    ReservationView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return reservations.get(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change or cancel a reservation until it starts; a stale version answers 409")
    ReservationView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody ReservationPatch patch) {
        long school = schools.visible(code, caller).id();
        if (patch.status() == ReservationStatus.CANCELLED) {
            return reservations.cancel(school, id, patch.version(), Boolean.TRUE.equals(patch.series()), caller);
        }
        if (patch.status() != null) {
            throw be.spil.shared.FieldErrorsException.of("status", "reservation.status.onlyCancel");
        }
        var r = reservations.get(school, id, caller);
        var form = new ReservationForm(r.poolId(), patch.date() == null ? r.date() : patch.date(),
            patch.periods() == null ? r.periods() : patch.periods(), patch.devices() == null ? r.devices() : patch.devices(),
            patch.group() == null ? r.groupId() : patch.group(), patch.room() == null ? r.roomId() : patch.room(),
            patch.note() == null ? r.note() : patch.note(), null, patch.version());
        return reservations.change(school, id, form, caller);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a requested reservation (ICT team)")
    ReservationView approve(Caller caller, @PathVariable String code, @PathVariable long id) {
        return reservations.approve(schools.visible(code, caller).id(), id, caller);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The reservation's change history")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @PathVariable long id) {
        return reservations.history(schools.visible(code, caller).id(), id, caller);
    }

    @GetMapping("/{id}/devices")
    @Operation(summary = "The devices handed out for a reservation and their return")
    List<LoanedDevice> devices(Caller caller, @PathVariable String code, @PathVariable long id) {
        return loans.devices(schools.visible(code, caller).id(), id, caller);
    }

    @PostMapping("/{id}/hand-out")
    @Operation(summary = "Hand out devices of the pool for a reservation, by asset tag (ICT team)")
    List<LoanedDevice> handOut(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody Loans.HandOut body) {
        return loans.handOut(schools.visible(code, caller).id(), id, body, caller);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Take devices back with their condition; a damaged or missing one goes to repair with the note (ICT team)")
    List<LoanedDevice> giveBack(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody Loans.Return body) {
        return loans.giveBack(schools.visible(code, caller).id(), id, body, caller);
    }
}
