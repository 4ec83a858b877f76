package be.spil.inventory;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload a CSV file, see what it would do (the dry run, errors next to their row), then confirm. The
 * file waits in the session between preview and confirmation. Also the CSV download of the filtered list.
 */
@Controller
class AssetsImportController {
    static final String PENDING = "inventory.pendingImport";

    /** An uploaded file waiting for confirmation. */
    record Pending(String school, byte[] bytes, boolean atomic) implements Serializable {}

    private final Schools schools;
    private final AssetTransfer transfer;

    AssetsImportController(Schools schools, AssetTransfer transfer) {
        this.schools = schools;
        this.transfer = transfer;
    }

    @GetMapping("/schools/{code}/assets/import")
    String page(Caller caller, @PathVariable String code, Model m) {
        m.addAttribute("school", manageable(caller, code));
        return "inventory/import";
    }

    @PostMapping("/schools/{code}/assets/import")
    String preview(Caller caller, @PathVariable String code, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(defaultValue = "false") boolean atomic, HttpSession session, Locale locale, Model m)
        throws IOException {
        var school = manageable(caller, code);
        m.addAttribute("school", school);
        m.addAttribute("atomic", atomic);
        if (file == null || file.isEmpty()) {
            m.addAttribute("fileError", "asset.import.chooseFile");
            return "inventory/import";
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = AssetsCsvApiController.read(in);
        }
        if (bytes.length > AssetCsv.MAX_BYTES) {
            m.addAttribute("fileError", "asset.import.tooLarge");
            return "inventory/import";
        }
        var result = transfer.importCsv(school.id(), bytes, true, atomic, caller, locale);
        show(result, m);
        boolean possible = result.created() + result.updated() > 0 && !(atomic && !result.errors().isEmpty());
        if (possible) {
            session.setAttribute(PENDING, new Pending(school.code(), bytes, atomic));
        } else {
            session.removeAttribute(PENDING);
        }
        m.addAttribute("canConfirm", possible);
        m.addAttribute("fileName", file.getOriginalFilename());
        return "inventory/import";
    }

    @PostMapping("/schools/{code}/assets/import/confirm")
    String confirm(Caller caller, @PathVariable String code, HttpSession session, Locale locale, Model m) {
        var school = manageable(caller, code);
        var pending = session.getAttribute(PENDING) instanceof Pending p && p.school().equals(school.code()) ? p : null;
        if (pending == null) {
            return "redirect:/schools/" + school.code() + "/assets/import";
        }
        session.removeAttribute(PENDING);
        var result = transfer.importCsv(school.id(), pending.bytes(), false, pending.atomic(), caller, locale);
        m.addAttribute("school", school);
        m.addAttribute("done", true);
        show(result, m);
        return "inventory/import";
    }

    @GetMapping("/schools/{code}/assets/export.csv")
    void export(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                @RequestParam(required = false) AssetCategory category, @RequestParam(required = false) AssetStatus status,
                @RequestParam(required = false) Long room, @RequestParam(required = false) Long person,
                @RequestParam(required = false) Long model, @RequestParam(required = false) Integer warrantyDays,
                @RequestParam(required = false) Integer notSeenDays,
                @RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) throws IOException {
        var school = schools.visible(code, caller);
        var filter = new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort);
        Assets.orderBy(sort);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assets-" + school.code() + ".csv\"");
        transfer.exportCsv(school.id(), filter, "en".equals(locale.getLanguage()) ? AssetTransfer.Headers.EN
            : AssetTransfer.Headers.NL, response.getOutputStream());
    }

    @GetMapping("/schools/{code}/assets/export.xlsx")
    void exportXlsx(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                    @RequestParam(required = false) AssetCategory category, @RequestParam(required = false) AssetStatus status,
                    @RequestParam(required = false) Long room, @RequestParam(required = false) Long person,
                    @RequestParam(required = false) Long model, @RequestParam(required = false) Integer warrantyDays,
                    @RequestParam(required = false) Integer notSeenDays,
                    @RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) throws IOException {
        var school = schools.visible(code, caller);
        var filter = new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort);
        Assets.orderBy(sort);
        AssetsCsvApiController.xlsx(transfer, school.id(), school.code(), filter,
            "en".equals(locale.getLanguage()) ? AssetTransfer.Headers.EN : AssetTransfer.Headers.NL, response);
    }

    private SchoolView manageable(Caller caller, String code) {
        var school = schools.visible(code, caller);
        if (!Assets.canManage(caller, school.id())) {
            throw new AccessDeniedException("not allowed");
        }
        return school;
    }

    private static void show(AssetTransfer.ImportResult result, Model m) {
        Map<Integer, List<AssetTransfer.RowError>> byRow = new TreeMap<>();
        for (var e : result.errors()) {
            byRow.computeIfAbsent(e.row(), r -> new java.util.ArrayList<>()).add(e);
        }
        m.addAttribute("result", result);
        m.addAttribute("errorsByRow", byRow);
    }
}
