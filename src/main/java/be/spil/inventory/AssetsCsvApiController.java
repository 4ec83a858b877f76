package be.spil.inventory;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Inventory")
class AssetsCsvApiController {
    private final Schools schools;
    private final AssetTransfer transfer;

    AssetsCsvApiController(Schools schools, AssetTransfer transfer) {
        this.schools = schools;
        this.transfer = transfer;
    }

    @PostMapping(path = "/api/v1/schools/{code}/assets/import", consumes = "!multipart/form-data")
    @Operation(summary = "Import assets from a CSV body",
        description = "Belgian Excel (; Windows-1252 or UTF-8 with BOM, decimal comma, dd/mm/yyyy) or RFC 4180 (, UTF-8, ISO "
            + "dates). Columns by API field name, Spil's export labels (Dutch/English) or Snipe-IT's export names. Rows match "
            + "existing assets by tag, then serial. dryRun=true writes nothing; atomic=true writes nothing when a row fails. "
            + "At most 20 MB and 50,000 rows.")
    AssetTransfer.ImportResult importBody(Caller caller, @PathVariable String code, HttpServletRequest request,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(defaultValue = "false") boolean atomic) throws IOException {
        long school = schools.visible(code, caller).id();
        return transfer.importCsv(school, read(request.getInputStream()), dryRun, atomic, caller, Locale.ENGLISH);
    }

    @PostMapping(path = "/api/v1/schools/{code}/assets/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import assets from an uploaded CSV file (multipart field \"file\")",
        description = "As the CSV body import: dryRun, atomic, the same dialects and limits.")
    AssetTransfer.ImportResult importFile(Caller caller, @PathVariable String code, @RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(defaultValue = "false") boolean atomic) throws IOException {
        long school = schools.visible(code, caller).id();
        try (InputStream in = file.getInputStream()) {
            return transfer.importCsv(school, read(in), dryRun, atomic, caller, Locale.ENGLISH);
        }
    }

    @GetMapping("/api/v1/schools/{code}/assets/export.csv")
    @Operation(summary = "The filtered asset list as CSV, streamed",
        description = "The list's filters (q, category, status, room, person, model, warrantyDays, notSeenDays, sort). headers=nl (default: "
            + "Dutch labels, ; and a UTF-8 BOM for Excel), en (English labels, same dialect) or api (field names, comma, ISO "
            + "dates, decimal point). An export imports again as all unchanged.")
    void export(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                @RequestParam(required = false) AssetCategory category, @RequestParam(required = false) AssetStatus status,
                @RequestParam(required = false) Long room, @RequestParam(required = false) Long person,
                @RequestParam(required = false) Long model, @RequestParam(required = false) Integer warrantyDays,
                @RequestParam(required = false) Integer notSeenDays,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "nl") String headers,
                HttpServletResponse response) throws IOException {
        var school = schools.visible(code, caller);
        var kind = switch (headers.toLowerCase(Locale.ROOT)) {
            case "api" -> AssetTransfer.Headers.API;
            case "en" -> AssetTransfer.Headers.EN;
            default -> AssetTransfer.Headers.NL;
        };
        var filter = new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort);
        Assets.orderBy(sort);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assets-" + school.code() + ".csv\"");
        transfer.exportCsv(school.id(), filter, kind, response.getOutputStream());
    }

    @GetMapping("/api/v1/schools/{code}/assets/export.xlsx")
    @Operation(summary = "The filtered asset list as an Excel workbook (XLSX), streamed",
        description = "The same filters and columns as export.csv; headers=nl (default) or en for the column labels. Dates are "
            + "date cells, prices numbers.")
    void exportXlsx(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                    @RequestParam(required = false) AssetCategory category, @RequestParam(required = false) AssetStatus status,
                    @RequestParam(required = false) Long room, @RequestParam(required = false) Long person,
                    @RequestParam(required = false) Long model, @RequestParam(required = false) Integer warrantyDays,
                    @RequestParam(required = false) Integer notSeenDays,
                    @RequestParam(required = false) String sort, @RequestParam(defaultValue = "nl") String headers,
                    HttpServletResponse response) throws IOException {
        var school = schools.visible(code, caller);
        var filter = new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort);
        Assets.orderBy(sort);
        var kind = "en".equalsIgnoreCase(headers) ? AssetTransfer.Headers.EN : AssetTransfer.Headers.NL;
        xlsx(transfer, school.id(), school.code(), filter, kind, response);
    }

    /** Checks the filter before anything is written, then streams the workbook. */
    static void xlsx(AssetTransfer transfer, long schoolId, String schoolCode, AssetFilter filter, AssetTransfer.Headers kind,
                     HttpServletResponse response) throws IOException {
        transfer.checkFilter(schoolId, filter);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assets-" + schoolCode + ".xlsx\"");
        transfer.exportXlsx(schoolId, filter, kind, response.getOutputStream());
    }

    /** The body, up to one byte over the limit (so that the import can say it is too large without reading it all). */
    static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(AssetCsv.MAX_BYTES + 1);
    }
}
