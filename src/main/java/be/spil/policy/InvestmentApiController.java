package be.spil.policy;

import be.spil.inventory.AssetCategory;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Investment plan", description = "The multi-year investment plan of a school, the lifecycles per device category and "
    + "the replacement forecast (write: central admin, ICT coordinator, director; read: everybody of the school). Money in EUR "
    + "with two decimals; a year is the year a school year starts in (2026 for 2026-2027).")
class InvestmentApiController {
    private final Schools schools;
    private final Investments investments;

    InvestmentApiController(Schools schools, Investments investments) {
        this.schools = schools;
        this.investments = investments;
    }

    @GetMapping("/api/v1/schools/{code}/investment-plan")
    @Operation(summary = "The investment plan: its period, budget lines and totals per school year")
    Investments.Plan plan(Caller caller, @PathVariable String code) {
        return investments.plan(schools.visible(code, caller).id(), caller);
    }

    @PutMapping("/api/v1/schools/{code}/investment-plan")
    @Operation(summary = "Set the plan's period", description = "firstYear 1990–2200, years 1–10; version: the one you read "
        + "(leave out the first time). Refused when budget lines would fall outside the period.")
    Investments.Plan setPeriod(Caller caller, @PathVariable String code, @Valid @RequestBody Investments.Period period) {
        return investments.setPeriod(schools.visible(code, caller).id(), period, caller);
    }

    @PostMapping("/api/v1/schools/{code}/investment-plan/lines")
    @Operation(summary = "Add a budget line", description = "year within the plan's period; planned and spent ≥ 0, two decimals.")
    ResponseEntity<Investments.Line> addLine(Caller caller, @PathVariable String code, @Valid @RequestBody Investments.LineForm form) {
        var school = schools.visible(code, caller);
        var line = investments.addLine(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/investment-plan/lines/" + line.id())).body(line);
    }

    @PatchMapping("/api/v1/schools/{code}/investment-plan/lines/{id}")
    @Operation(summary = "Change a budget line (all fields, with the version you read; a stale one answers 409)")
    Investments.Line updateLine(Caller caller, @PathVariable String code, @PathVariable long id,
                                @Valid @RequestBody Investments.LineForm form) {
        return investments.updateLine(schools.visible(code, caller).id(), id, form, caller);
    }

    @GetMapping("/api/v1/schools/{code}/lifecycles")
    @Operation(summary = "Lifecycle per device category: the school's own or Spil's default")
    List<Lifecycle> lifecycles(Caller caller, @PathVariable String code) {
        return investments.lifecycles(schools.visible(code, caller).id(), caller);
    }

    @PutMapping("/api/v1/schools/{code}/lifecycles/{category}")
    @Operation(summary = "Set the school's lifecycle of a device category", description = "years 1–30; price of a replacement "
        + "(optional; without it a replacement costs what the device cost).")
    Lifecycle setLifecycle(Caller caller, @PathVariable String code, @PathVariable AssetCategory category,
                           @Valid @RequestBody Investments.LifecycleForm form) {
        return investments.setLifecycle(schools.visible(code, caller).id(), category, form, caller);
    }

    @GetMapping("/api/v1/schools/{code}/replacement-forecast")
    @Operation(summary = "Which devices reach their end of life per school year, what replacing them costs, and the gap with "
        + "the budget for devices and network", description = "years: 1–10 from the current school year (default 5).")
    ReplacementForecast.Result forecast(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "5") int years) {
        return investments.forecast(schools.visible(code, caller).id(), years, caller);
    }

    @GetMapping("/api/v1/schools/{code}/model-prices")
    @Operation(summary = "The models the school has most devices of (50 at most), with the price of a new one where set")
    List<Investments.ModelPrice> modelPrices(Caller caller, @PathVariable String code) {
        return investments.modelPrices(schools.visible(code, caller).id(), caller);
    }

    @PutMapping("/api/v1/schools/{code}/model-prices/{modelId}")
    @Operation(summary = "Set the price of a new device of a model the school has devices of (used by the replacement forecast "
        + "before the category's price); an empty price removes it")
    Investments.ModelPrice setModelPrice(Caller caller, @PathVariable String code, @PathVariable long modelId,
                                         @Valid @RequestBody Investments.ModelPriceForm form) {
        return investments.setModelPrice(schools.visible(code, caller).id(), modelId, form, caller);
    }

    @GetMapping("/api/v1/schools/{code}/tco")
    @Operation(summary = "The total cost of ownership per device category in the current school year",
        description = "Per category: devices, lifecycle, average purchase price, licences per device per year (a licence's "
            + "cost of the year shared over the categories it is installed on), cost per device per year and over its life, "
            + "repairs of the last twelve months. Money in EUR with two decimals.")
    Tco.Result tco(Caller caller, @PathVariable String code) {
        return investments.tco(schools.visible(code, caller).id(), caller);
    }

    @GetMapping("/api/v1/replacement-forecast")
    @Operation(summary = "The replacement forecast of the whole school group (central admin), with the default lifecycles")
    ReplacementForecast.Result groupForecast(Caller caller, @RequestParam(defaultValue = "5") int years) {
        return investments.groupForecast(years, caller);
    }
}
