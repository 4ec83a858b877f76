package be.spil.inventory;

import be.spil.inventory.Software.Compliance;
import be.spil.inventory.Software.InstallationView;
import be.spil.inventory.Software.LicenceForm;
import be.spil.inventory.Software.LicenceView;
import be.spil.inventory.Software.TitleForm;
import be.spil.inventory.Software.TitleView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Software", description = "A school's software titles, licences, installations and licence compliance (titles and "
    + "installations: whoever manages the assets; licences and their keys: central admin, ICT coordinator, director)")
class SoftwareApiController {
    record TitleCreate(@NotBlank @Size(max = 200) String name, @Size(max = 200) String publisher,
                       @NotNull SoftwareCategory category, @NotNull SoftwarePlatform platform) {}

    /** Only the fields present change; {@code archived} archives or restores. {@code version} is the one you read. */
    record TitlePatch(@Size(max = 200) String name, @Size(max = 200) String publisher, SoftwareCategory category,
                      SoftwarePlatform platform, Boolean archived, @NotNull Integer version) {}

    record LicenceCreate(@NotNull Long titleId, @NotNull LicenceType type, @Min(1) @Max(1_000_000) Integer seats,
                         @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal cost, LocalDate startDate,
                         LocalDate endDate, Long supplierId, @Size(max = 100) String reference,
                         @Size(max = 1000) String licenceKey, @Size(max = 2000) String notes) {}

    /**
     * Only the fields present change; an empty text clears it (an empty licenceKey removes the key), supplierId 0 clears
     * the supplier; {@code archived} archives or restores.
     */
    record LicencePatch(Long titleId, LicenceType type, @Min(1) @Max(1_000_000) Integer seats,
                        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal cost, LocalDate startDate,
                        LocalDate endDate, Long supplierId, @Size(max = 100) String reference,
                        @Size(max = 1000) String licenceKey, @Size(max = 2000) String notes, Boolean archived,
                        @NotNull Integer version) {}

    record InstallationCreate(@NotBlank @Size(max = 30) String asset, @NotNull Long titleId, @Size(max = 100) String versionText,
                              LocalDate installedOn) {}

    record InstallationPatch(@NotNull Boolean removed, @NotNull Integer version) {}

    private final Schools schools;
    private final Software software;
    private final Assets assets;

    SoftwareApiController(Schools schools, Software software, Assets assets) {
        this.schools = schools;
        this.software = software;
        this.assets = assets;
    }

    // ---- titles ----

    @GetMapping("/api/v1/schools/{code}/software/titles")
    @Operation(summary = "A school's software titles, one page, by name",
        description = "q searches name and publisher; archived=true lists the archived titles. Each title counts its current "
            + "installations and licences.")
    PageResult<TitleView> titles(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "false") boolean archived,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        long school = schools.visible(code, caller).id();
        return software.titles(school, q, archived, new Paging(page, size), caller);
    }

    @PostMapping("/api/v1/schools/{code}/software/titles")
    @Operation(summary = "Add a software title", description = "A name the school already has (ignoring case and accents) answers 409.")
    ResponseEntity<TitleView> createTitle(Caller caller, @PathVariable String code, @Valid @RequestBody TitleCreate body) {
        var school = schools.visible(code, caller);
        var title = software.createTitle(school.id(),
            new TitleForm(body.name(), body.publisher(), body.category(), body.platform(), null), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/software/titles/" + title.id())).body(title);
    }

    @GetMapping("/api/v1/schools/{code}/software/titles/{id}")
    @Operation(summary = "One software title")
    TitleView title(Caller caller, @PathVariable String code, @PathVariable long id) {
        return software.title(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/api/v1/schools/{code}/software/titles/{id}")
    @Operation(summary = "Change, archive or restore a software title", description = "A stale version answers 409.")
    TitleView patchTitle(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody TitlePatch p) {
        long school = schools.visible(code, caller).id();
        var t = software.title(school, id, caller);
        var form = new TitleForm(or(p.name(), t.name()), or(p.publisher(), t.publisher()), or(p.category(), t.category()),
            or(p.platform(), t.platform()), p.version());
        var after = software.updateTitle(school, id, form, caller);
        if (p.archived() != null) {
            after = software.setTitleArchived(school, id, p.archived(), after.version(), caller);
        }
        return after;
    }

    // ---- licences ----

    @GetMapping("/api/v1/schools/{code}/software/licences")
    @Operation(summary = "A school's licences, one page, ending first",
        description = "title (id) filters; archived=true lists the archived licences. licenceKey is present only for the ICT "
            + "team; keyStored says whether a key is stored.")
    PageResult<LicenceView> licences(Caller caller, @PathVariable String code, @RequestParam(required = false) Long title,
                                     @RequestParam(defaultValue = "false") boolean archived,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        long school = schools.visible(code, caller).id();
        return software.licences(school, title, archived, new Paging(page, size), caller);
    }

    @PostMapping("/api/v1/schools/{code}/software/licences")
    @Operation(summary = "Add a licence to a title",
        description = "type FREE or SITE covers any number of installations (seats ignored); PER_DEVICE, PER_USER and "
            + "SUBSCRIPTION need seats (1 to 1,000,000). endDate may not be before startDate.")
    ResponseEntity<LicenceView> createLicence(Caller caller, @PathVariable String code, @Valid @RequestBody LicenceCreate b) {
        var school = schools.visible(code, caller);
        var licence = software.createLicence(school.id(), new LicenceForm(b.titleId(), b.type(), b.seats(), b.cost(),
            b.startDate(), b.endDate(), b.supplierId(), b.reference(), b.licenceKey(), false, b.notes(), null), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/software/licences/" + licence.id()))
            .body(licence);
    }

    @GetMapping("/api/v1/schools/{code}/software/licences/{id}")
    @Operation(summary = "One licence", description = "licenceKey is present only for the ICT team.")
    LicenceView licence(Caller caller, @PathVariable String code, @PathVariable long id) {
        return software.licence(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/api/v1/schools/{code}/software/licences/{id}")
    @Operation(summary = "Change, archive or restore a licence", description = "Only the fields present change. A stale version "
        + "answers 409.")
    LicenceView patchLicence(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody LicencePatch p) {
        long school = schools.visible(code, caller).id();
        var l = software.licence(school, id, caller);
        boolean clearKey = p.licenceKey() != null && p.licenceKey().isBlank();
        var form = new LicenceForm(or(p.titleId(), l.titleId()), or(p.type(), l.type()), or(p.seats(), l.seats()),
            or(p.cost(), l.cost()), or(p.startDate(), l.startDate()), or(p.endDate(), l.endDate()),
            p.supplierId() == null ? l.supplierId() : p.supplierId() == 0 ? null : p.supplierId(),
            or(p.reference(), l.reference()), p.licenceKey(), clearKey, or(p.notes(), l.notes()), p.version());
        var after = software.updateLicence(school, id, form, caller);
        if (p.archived() != null) {
            after = software.setLicenceArchived(school, id, p.archived(), after.version(), caller);
        }
        return after;
    }

    // ---- installations ----

    @GetMapping("/api/v1/schools/{code}/software/installations")
    @Operation(summary = "A school's current installations, one page, by asset tag",
        description = "title (id) and asset (tag) filter.")
    PageResult<InstallationView> installations(Caller caller, @PathVariable String code, @RequestParam(required = false) Long title,
                                               @RequestParam(required = false) String asset,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        long school = schools.visible(code, caller).id();
        Long assetId = asset == null || asset.isBlank() ? null : assets.byTag(school, asset, caller).id();
        return software.installations(school, title, assetId, new Paging(page, size), caller);
    }

    @PostMapping("/api/v1/schools/{code}/software/installations")
    @Operation(summary = "Record by hand that a title is installed on an asset (source MANUAL)",
        description = "asset is the asset's tag. A title already installed on that asset answers 409.")
    ResponseEntity<InstallationView> install(Caller caller, @PathVariable String code, @Valid @RequestBody InstallationCreate b) {
        var school = schools.visible(code, caller);
        long assetId;
        try {
            assetId = assets.byTag(school.id(), b.asset(), caller).id();
        } catch (be.spil.shared.NotFoundException e) {
            throw be.spil.shared.FieldErrorsException.of("asset", "software.asset.unknown");
        }
        var installation = software.install(school.id(),
            new Software.InstallForm(assetId, b.titleId(), b.versionText(), b.installedOn()), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/software/installations/"
            + installation.id())).body(installation);
    }

    @GetMapping("/api/v1/schools/{code}/software/installations/{id}")
    @Operation(summary = "One installation")
    InstallationView installation(Caller caller, @PathVariable String code, @PathVariable long id) {
        return software.installation(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/api/v1/schools/{code}/software/installations/{id}")
    @Operation(summary = "Record that a title was removed from the asset",
        description = "{\"removed\": true, \"version\": n}; the installation is kept, marked removed. A stale version answers 409.")
    InstallationView patchInstallation(Caller caller, @PathVariable String code, @PathVariable long id,
                                       @Valid @RequestBody InstallationPatch p) {
        long school = schools.visible(code, caller).id();
        if (!p.removed()) {
            throw be.spil.shared.FieldErrorsException.of("removed", "software.removed.only");
        }
        return software.uninstall(school, id, p.version(), caller);
    }

    @GetMapping("/api/v1/schools/{code}/assets/{tag}/software")
    @Operation(summary = "The software installed on an asset now")
    List<InstallationView> assetSoftware(Caller caller, @PathVariable String code, @PathVariable String tag) {
        long school = schools.visible(code, caller).id();
        return software.installedOn(school, assets.byTag(school, tag, caller).id(), caller);
    }

    // ---- compliance ----

    @GetMapping("/api/v1/schools/{code}/software/compliance")
    @Operation(summary = "Licence compliance of a school",
        description = "Per title: seats owned by the licences valid today (unlimited for FREE and SITE), seats used (current "
            + "installations on assets not lost, stolen, retired or disposed), and overUse; titles over their seats first. "
            + "expiring: licences that end in the next 90 days.")
    Compliance compliance(Caller caller, @PathVariable String code) {
        return software.compliance(schools.visible(code, caller).id(), caller);
    }

    private static <T> T or(T value, T current) {
        return value == null ? current : value;
    }
}
