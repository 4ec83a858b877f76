package be.spil.lending;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}/pupil-devices")
@Tag(name = "1:1 devices", description = "Devices lent to pupils for a school year, with accessories, hand-over form and return")
class PupilDevicesApiController {
    record ReturnBody(Condition condition, @Size(max = 1000) String note, LocalDate returnedOn, @NotNull Integer version) {}

    private final Schools schools;
    private final PupilDevices devices;
    private final HandOverForm forms;

    PupilDevicesApiController(Schools schools, PupilDevices devices, HandOverForm forms) {
        this.schools = schools;
        this.devices = devices;
        this.forms = forms;
    }

    @GetMapping
    @Operation(summary = "The 1:1 devices of a school year (default the current one) by class and pupil; out=true: those still out")
    PageResult<PupilDeviceView> list(Caller caller, @PathVariable String code, @RequestParam(required = false) Long schoolYear,
                                     @RequestParam(defaultValue = "false") boolean out) {
        var list = devices.list(schools.visible(code, caller).id(), schoolYear, out, caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping
    @Operation(summary = "Lend a device (by asset tag) with accessories to a pupil for the school year of the hand-over day")
    ResponseEntity<PupilDeviceView> create(Caller caller, @PathVariable String code, @Valid @RequestBody PupilDeviceForm form) {
        var school = schools.visible(code, caller);
        var loan = devices.assign(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/pupil-devices/" + loan.id())).body(loan);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One 1:1 device loan")
    PupilDeviceView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return devices.get(schools.visible(code, caller).id(), id, caller);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Take the device back; damaged or missing goes to repair with the note; a stale version answers 409")
    PupilDeviceView giveBack(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody ReturnBody body) {
        return devices.giveBack(schools.visible(code, caller).id(), id, body.condition(), body.note(), body.returnedOn(), body.version(),
            caller);
    }

    @GetMapping(value = "/{id}/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The hand-over form as PDF, for the pupil and a parent to sign")
    ResponseEntity<byte[]> form(Caller caller, @PathVariable String code, @PathVariable long id,
                                @RequestParam(defaultValue = "nl") String lang) {
        var school = schools.visible(code, caller);
        var loan = devices.get(school.id(), id, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header("Content-Disposition", "inline; filename=\"overdracht-" + loan.tag() + ".pdf\"")
            .body(forms.pdf(school.id(), school.name(), loan, "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("nl")));
    }
}
