package be.spil.inventory;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inventory", description = "A school's assets and the group's model catalog (change: central admin, ICT coordinator, "
    + "director, technician)")
class AssetsApiController {
    /** Assign to a PERSON, GROUP (class) or ROOM of the school, by id. */
    record AssigneeRef(@NotNull AssigneeType type, @NotNull Long id) {}

    /** A new asset; an empty tag gets the school's next number. */
    record AssetCreate(@NotNull AssetCategory category, @Size(max = 100) String manufacturer, @Size(max = 100) String model,
                       @Size(max = 30) String tag, @Size(max = 100) String serial, AssetStatus status, Long roomId,
                       Long supplierId, @Size(max = 100) String orderReference, LocalDate purchaseDate,
                       @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
                       LocalDate warrantyEnd, @Size(max = 100) String hostname, @Size(max = 500) String macAddresses,
                       @Size(max = 45) String ipAddress, @Size(max = 4000) String notes, @Valid AssigneeRef assignedTo) {}

    /**
     * Only the fields present change; an empty text clears it, roomId or supplierId 0 clears those. A status needs a
     * reason. {@code version} is the one you read.
     */
    record AssetPatch(AssetCategory category, @Size(max = 100) String manufacturer, @Size(max = 100) String model,
                      @Size(max = 30) String tag, @Size(max = 100) String serial, AssetStatus status,
                      @Size(max = 500) String reason, Long roomId, Long supplierId, @Size(max = 100) String orderReference,
                      LocalDate purchaseDate, @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
                      LocalDate warrantyEnd, @Size(max = 100) String hostname, @Size(max = 500) String macAddresses,
                      @Size(max = 45) String ipAddress, @Size(max = 4000) String notes, @Valid AssigneeRef assignedTo,
                      Boolean unassign, @NotNull Integer version) {}

    private final Schools schools;
    private final Assets assets;
    private final AssetPools assetPools;

    AssetsApiController(Schools schools, Assets assets, AssetPools assetPools) {
        this.schools = schools;
        this.assets = assets;
        this.assetPools = assetPools;
    }

    @GetMapping("/api/v1/schools/{code}/assets")
    @Operation(summary = "A school's assets, one page, filtered and sorted",
        description = "q searches tag, serial, hostname, MAC, model and assignee. Filters: category, status, room (id), person (id), "
            + "model (id), warrantyDays (warranty ends within that many days), notSeenDays (not seen by an agent for at least that many days, or never). sort=tag|serial|category|model|status|room|"
            + "assignedTo|hostname|purchaseDate|warrantyEnd|updatedAt[,asc|desc]. With q, total counts up to 5000 exactly; 5001 means "
            + "more than 5000.")
    PageResult<AssetView> list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                               @RequestParam(required = false) AssetCategory category,
                               @RequestParam(required = false) AssetStatus status, @RequestParam(required = false) Long room,
                               @RequestParam(required = false) Long person, @RequestParam(required = false) Long model,
                               @RequestParam(required = false) Integer warrantyDays,
                @RequestParam(required = false) Integer notSeenDays, @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        long school = schools.visible(code, caller).id();
        return assets.search(school, new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort),
            new Paging(page, size), caller);
    }

    @PostMapping("/api/v1/schools/{code}/assets")
    @Operation(summary = "Register an asset",
        description = "Manufacturer + model are looked up in the catalog and added when new. A duplicate tag or serial answers 409 "
            + "naming the existing asset; placeholder serials (\"Default string\", \"To be filled by O.E.M.\", …) count as none.")
    ResponseEntity<AssetView> create(Caller caller, @PathVariable String code, @Valid @RequestBody AssetCreate body) {
        var school = schools.visible(code, caller);
        var form = new AssetForm(body.category(), body.manufacturer(), body.model(), body.tag(), body.serial(), body.status(),
            body.roomId(), body.supplierId(), body.orderReference(), body.purchaseDate(), body.price(), body.warrantyEnd(),
            body.hostname(), body.macAddresses(), body.ipAddress(), body.notes(), null);
        var ref = body.assignedTo();
        var asset = assets.create(school.id(), form, ref == null ? null : ref.type(), ref == null ? null : ref.id(), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/assets/" + asset.tag())).body(asset);
    }

    @GetMapping("/api/v1/schools/{code}/assets/{tag}")
    @Operation(summary = "One asset, by tag")
    AssetView get(Caller caller, @PathVariable String code, @PathVariable String tag) {
        return assets.byTag(schools.visible(code, caller).id(), tag, caller);
    }

    @PatchMapping("/api/v1/schools/{code}/assets/{tag}")
    @Operation(summary = "Change an asset, its status or its assignment",
        description = "Only the fields present change. status needs a reason and must be allowed from the current status; "
            + "assignedTo {type, id} assigns, unassign=true takes back. All or nothing; a stale version answers 409.")
    AssetView patch(Caller caller, @PathVariable String code, @PathVariable String tag, @Valid @RequestBody AssetPatch p) {
        long school = schools.visible(code, caller).id();
        var a = assets.byTag(school, tag, caller);
        var form = new AssetForm(or(p.category(), a.category()), or(p.manufacturer(), a.manufacturer()), or(p.model(), a.model()),
            or(p.tag(), a.tag()), or(p.serial(), a.serial()), null, id(p.roomId(), a.roomId()), id(p.supplierId(), a.supplierId()),
            or(p.orderReference(), a.orderReference()), or(p.purchaseDate(), a.purchaseDate()), or(p.price(), a.price()),
            or(p.warrantyEnd(), a.warrantyEnd()), or(p.hostname(), a.hostname()),
            or(p.macAddresses(), String.join(", ", a.macAddresses())), or(p.ipAddress(), a.ipAddress()), or(p.notes(), a.notes()),
            p.version());
        var ref = p.assignedTo();
        return assets.patch(school, a.id(), form, p.status(), p.reason(), ref == null ? null : ref.type(),
            ref == null ? null : ref.id(), Boolean.TRUE.equals(p.unassign()), caller);
    }

    @GetMapping("/api/v1/schools/{code}/assets/{tag}/history")
    @Operation(summary = "The asset's status changes, assignments and audit trail, newest first")
    AssetHistory history(Caller caller, @PathVariable String code, @PathVariable String tag) {
        long school = schools.visible(code, caller).id();
        return assets.history(school, assets.byTag(school, tag, caller).id(), caller);
    }

    /** A selection of assets by tag and where they go: roomId (null or absent: out of any room). */
    record BulkRoom(@NotNull @jakarta.validation.constraints.Size(min = 1, max = Assets.BULK_MAX) java.util.List<@Size(max = 30) String> tags,
                    Long roomId) {}

    /** A selection of assets by tag, their new status and the reason. */
    record BulkStatus(@NotNull @jakarta.validation.constraints.Size(min = 1, max = Assets.BULK_MAX) java.util.List<@Size(max = 30) String> tags,
                      @NotNull AssetStatus status, @NotNull @Size(max = 500) String reason) {}

    @PostMapping("/api/v1/schools/{code}/assets/bulk/room")
    @Operation(summary = "Move a selection of assets to a room, all or nothing",
        description = "tags: up to 500 asset tags of the school; an unknown tag changes nothing and is named. Each move is in "
            + "the asset's history.")
    Assets.BulkResult bulkRoom(Caller caller, @PathVariable String code, @Valid @RequestBody BulkRoom body) {
        long school = schools.visible(code, caller).id();
        return assets.moveToRoom(school, body.tags(), body.roomId(), caller);
    }

    @PostMapping("/api/v1/schools/{code}/assets/bulk/status")
    @Operation(summary = "Change the status of a selection of assets, all or nothing",
        description = "Each asset must be allowed to go to the status (as in PATCH); when one is not, nothing changes and the "
            + "error names it. Assets already in that status are counted as unchanged. One reason for all.")
    Assets.BulkResult bulkStatus(Caller caller, @PathVariable String code, @Valid @RequestBody BulkStatus body) {
        long school = schools.visible(code, caller).id();
        return assets.changeStatusOf(school, body.tags(), body.status(), body.reason(), caller);
    }

    /** A selection of assets by tag and the device pool to put them in. */
    record BulkPool(@NotNull @jakarta.validation.constraints.Size(min = 1, max = Assets.BULK_MAX) java.util.List<@Size(max = 30) String> tags,
                    @NotNull Long poolId) {}

    @PostMapping("/api/v1/schools/{code}/assets/bulk/pool")
    @Operation(summary = "Put a selection of assets in a device pool, all or nothing",
        description = "poolId: a pool of the school (GET /api/v1/schools/{code}/pools). A device belongs to one pool at most: one "
            + "in another pool, a retired one or an unknown tag changes nothing and is named. Devices already in the pool "
            + "count as unchanged.")
    Assets.BulkResult bulkPool(Caller caller, @PathVariable String code, @Valid @RequestBody BulkPool body) {
        long school = schools.visible(code, caller).id();
        return assetPools.assign(school, body.tags(), body.poolId(), caller);
    }

    @GetMapping("/api/v1/models")
    @Operation(summary = "The school group's model catalog", description = "q searches manufacturer and model name; category filters.")
    PageResult<ModelView> models(Caller caller, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) AssetCategory category,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return assets.models(q, category, new Paging(page, size));
    }

    private static <T> T or(T value, T current) {
        return value == null ? current : value;
    }

    private static Long id(Long value, Long current) {
        if (value == null) {
            return current;
        }
        return value == 0 ? null : value;
    }
}
