package be.spil.learning;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Competence frameworks", description = "DigComp 2.2, DigCompEdu, the Flemish goals and a school's own frameworks, "
    + "versioned; import and export as CSV and JSON (import: central admin for the group, the school's managers for its own)")
class FrameworksApiController {
    private final Frameworks frameworks;
    private final Schools schools;
    private final Onderwijsdoelen onderwijsdoelen;

    FrameworksApiController(Frameworks frameworks, Schools schools, Onderwijsdoelen onderwijsdoelen) {
        this.frameworks = frameworks;
        this.schools = schools;
        this.onderwijsdoelen = onderwijsdoelen;
    }

    @GetMapping("/api/v1/frameworks")
    @Operation(summary = "The frameworks the caller may use", description = "The group's (shipped with Spil or imported by the "
        + "central admin) and those of the schools the caller sees (school: its code). audience=PUPIL or TEACHER filters.")
    PageResult<FrameworkView> list(Caller caller, @RequestParam(required = false) FrameworkFile.Audience audience) {
        var list = frameworks.list(caller, audience == null ? null : audience.name());
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @GetMapping("/api/v1/frameworks/{id}")
    @Operation(summary = "One framework with its areas and competences, source, licence and attribution")
    FrameworkView get(Caller caller, @PathVariable long id) {
        return frameworks.get(id, caller);
    }

    @GetMapping("/api/v1/frameworks/{id}/export.csv")
    @Operation(summary = "The framework's competences as CSV", description = "Belgian Excel dialect: ; and UTF-8 with BOM. "
        + "headers=nl (default) or en. Imports again as a new version.")
    ResponseEntity<byte[]> exportCsv(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "nl") String headers) {
        var f = frameworks.get(id, caller);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.code() + "-" + f.version() + ".csv\"")
            .body(frameworks.exportCsv(id, "en".equalsIgnoreCase(headers), caller));
    }

    @GetMapping("/api/v1/frameworks/{id}/export.json")
    @Operation(summary = "The whole framework as JSON (the form the import reads)")
    ResponseEntity<byte[]> exportJson(Caller caller, @PathVariable long id) {
        var f = frameworks.get(id, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.code() + "-" + f.version() + ".json\"")
            .body(frameworks.exportJson(id, caller));
    }

    @GetMapping("/api/v1/frameworks/{id}/changes")
    @Operation(summary = "What changed since another version", description = "from: the id of the older framework (version). "
        + "Codes added, removed and renamed (same code, other name).")
    FrameworkFile.Changes changes(Caller caller, @PathVariable long id, @RequestParam long from) {
        return frameworks.compare(from, id, caller);
    }

    @PostMapping(path = "/api/v1/frameworks/import", consumes = "!multipart/form-data")
    @Operation(summary = "Import a framework for the whole school group (central admin)", description = IMPORT_DESCRIPTION)
    ImportResult importGroup(Caller caller, HttpServletRequest request, Meta meta,
                             @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return frameworks.importFile(null, read(request.getInputStream()), meta.meta(), dryRun, Locale.ENGLISH, caller);
    }

    @PostMapping(path = "/api/v1/schools/{code}/frameworks/import", consumes = "!multipart/form-data")
    @Operation(summary = "Import a school's own framework (e.g. from its network's curriculum)", description = IMPORT_DESCRIPTION)
    ImportResult importSchool(Caller caller, @PathVariable String code, HttpServletRequest request, Meta meta,
                              @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        long school = schools.visible(code, caller).id();
        return frameworks.importFile(school, read(request.getInputStream()), meta.meta(), dryRun, Locale.ENGLISH, caller);
    }

    @PostMapping(path = "/api/v1/schools/{code}/frameworks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a school's own framework from an uploaded file (multipart field \"file\")",
        description = IMPORT_DESCRIPTION)
    ImportResult importSchoolFile(Caller caller, @PathVariable String code, @RequestPart("file") MultipartFile file, Meta meta,
                                  @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        long school = schools.visible(code, caller).id();
        try (InputStream in = file.getInputStream()) {
            return frameworks.importFile(school, read(in), meta.meta(), dryRun, Locale.ENGLISH, caller);
        }
    }

    @PostMapping(path = "/api/v1/frameworks/import/onderwijsdoelen", consumes = "!multipart/form-data")
    @Operation(summary = "Import an export of the government's onderwijsdoelen service as a new version (central admin)",
        description = "Body: the Onderwijsdoelen API's answer as it is ({\"gegevens\":{\"member\":[...]}}, per goal code, "
            + "omschrijving (HTML is read as text), onderwijsdoelenset.onderwijsstructuur.graad and .vlaamse_sleutelcompetentie; from "
            + "the 2nd stage on the stage goes before the code, e.g. 2G-04.01), an older JSON export (an array of goals, or an "
            + "object holding it under onderwijsdoelen/doelen/items/data/results; per goal code|nummer|doelcode, "
            + "doelzin|omschrijving|tekst|titel, graad|niveau, sleutelcompetentie|bouwsteen|parent) or a CSV export (columns Doelcode/Code, Doelzin/Omschrijving, Graad, Sleutelcompetentie). code: the framework "
            + "code to add a version to (e.g. vl-sec-sc4); version (else the document's versie); name, nameEn. Per-row errors as "
            + "for any import; dryRun=true writes nothing. Then adopt the new version in a school's line with preview.")
    ImportResult importOnderwijsdoelen(Caller caller, HttpServletRequest request, @RequestParam(defaultValue = "") String code,
                                       @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String name,
                                       @RequestParam(defaultValue = "") String nameEn,
                                       @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return onderwijsdoelen.importExport(read(request.getInputStream()), new Onderwijsdoelen.Target(code, version, name, nameEn),
            dryRun, Locale.ENGLISH, caller);
    }

    @PostMapping("/api/v1/frameworks/onderwijsdoelen/fetch")
    @Operation(summary = "Fetch goals from the official Onderwijsdoelen API and import them as a new version (central admin)",
        description = "Only when the server has an API key (spil.learning.onderwijsdoelen.api-key); the server makes the call, the "
            + "key never leaves it: GET {base-url}/onderwijsdoel?{query} with the key in x-api-key, every page (paginanr, "
            + "rijen_per_pagina=500) until gegevens.totalItems. query: the API's query string for the set wanted, e.g. "
            + "onderwijsniveau=Secundair%20onderwijs&so_graad=2de%20graad; code, version, name, nameEn, dryRun as for "
            + "the file import.")
    ImportResult fetchOnderwijsdoelen(Caller caller, @RequestParam(defaultValue = "") String query,
                                      @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String version,
                                      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String nameEn,
                                      @RequestParam(defaultValue = "false") boolean dryRun) {
        return onderwijsdoelen.fetch(query, new Onderwijsdoelen.Target(code, version, name, nameEn), dryRun, Locale.ENGLISH, caller);
    }

    private static final String IMPORT_DESCRIPTION = "JSON (the form of export.json) or CSV (columns code, parent, level, name, "
        + "nameEn, or the export's Dutch/English labels; ; or , and Windows-1252 or UTF-8) with the metadata as parameters: "
        + "code, version, name, nameEn, audience (PUPIL or TEACHER), levels (comma-separated), source, licence, attribution. "
        + "Duplicate codes, missing parents and unknown levels are refused per row; with any error, or dryRun=true, nothing is "
        + "written. The same code and version again answers 409: a changed text is a new version.";

    /** The metadata parameters of a CSV import. */
    record Meta(String code, String version, String name, String nameEn, String audience, String levels, String source,
                String licence, String attribution) {
        Frameworks.Meta meta() {
            return new Frameworks.Meta(code, version, name, nameEn, audience, levels, source, licence, attribution);
        }
    }

    /** The body, up to one byte over the limit (so the import can say it is too large without reading it all). */
    static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(FrameworkFile.MAX_BYTES + 1);
    }

}
