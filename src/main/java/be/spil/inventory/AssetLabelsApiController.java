package be.spil.inventory;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** QR labels of assets as a PDF for an A4 label sheet. */
@RestController
@Tag(name = "Inventory")
class AssetLabelsApiController {
    private final Schools schools;
    private final AssetLabels labels;

    AssetLabelsApiController(Schools schools, AssetLabels labels) {
        this.schools = schools;
        this.labels = labels;
    }

    @GetMapping(value = "/api/v1/schools/{code}/assets/labels.pdf", produces = "application/pdf")
    @Operation(summary = "QR labels of assets as a PDF (A4 sheet of 3 × 8 labels of 70 × 37 mm)",
        description = "tags: comma-separated asset tags, printed in that order. Without tags, the assets the list's filters find "
            + "(q, category, status, room, person, model, warrantyDays, notSeenDays, sort), at most 5000 (more answers 400). The PDF is streamed page by page as it is made. skip: positions "
            + "0-23 of the first sheet already used. Each label has the tag, manufacturer + model and category, the school's "
            + "name and a QR code with the address of the asset's page. For those who manage the school's assets.")
    void labels(Caller caller, @PathVariable String code, @RequestParam(required = false) String tags,
                @RequestParam(required = false) String q, @RequestParam(required = false) AssetCategory category,
                @RequestParam(required = false) AssetStatus status, @RequestParam(required = false) Long room,
                @RequestParam(required = false) Long person, @RequestParam(required = false) Long model,
                @RequestParam(required = false) Integer warrantyDays,
                @RequestParam(required = false) Integer notSeenDays, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int skip, Locale locale, HttpServletResponse response) throws IOException {
        var school = schools.visible(code, caller);
        AssetLabelsController.write(labels, school, tags, new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort),
            skip, caller, locale, response);
    }
}
