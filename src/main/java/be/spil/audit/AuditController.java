package be.spil.audit;

import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The global audit log with filters: the whole school group for central admins. */
@Controller
class AuditController {
    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    static AuditTrail.Filter filter(String type, Long school, String actor, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.systemDefault();
        return new AuditTrail.Filter(blank(type), school, blank(actor),
            from == null ? null : from.atStartOfDay(zone).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @GetMapping("/audit")
    String log(Caller caller, @RequestParam(required = false) String type, @RequestParam(required = false) String actor,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(defaultValue = "0") int page, Model model) {
        caller.requireCentralAdmin();
        model.addAttribute("result", audit.search(filter(type, null, actor, from, to), new Paging(Math.max(page, 0), 50), caller));
        model.addAttribute("types", audit.entityTypes());
        model.addAttribute("type", type);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/log";
    }

    @RestController
    @Tag(name = "Audit", description = "The global audit log (central admin)")
    static class Api {
        private final AuditTrail audit;

        Api(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/api/v1/audit")
        @Operation(summary = "Audit events, newest first, filtered by record type, actor and date range")
        PageResult<AuditTrail.Entry> log(Caller caller, @RequestParam(required = false) String type,
                                         @RequestParam(required = false) String actor,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
            caller.requireCentralAdmin();
            return audit.search(filter(type, null, actor, from, to), new Paging(page, size), caller);
        }
    }
}
