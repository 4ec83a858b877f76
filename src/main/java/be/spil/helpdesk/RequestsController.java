package be.spil.helpdesk;

import be.spil.helpdesk.Requests.Approver;
import be.spil.helpdesk.Requests.FieldForm;
import be.spil.helpdesk.Requests.FieldKind;
import be.spil.helpdesk.Requests.TypeForm;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Asking for something that needs approval, the approver's answer on the ticket page, and the school's request types. */
@Controller
class RequestsController {
    /** Rows for new fields on the request type form. */
    static final int FIELD_ROWS = 6;

    private final Schools schools;
    private final Requests requests;

    RequestsController(Schools schools, Requests requests) {
        this.schools = schools;
        this.requests = requests;
    }

    @GetMapping("/schools/{code}/requests/new")
    String ask(Caller caller, @PathVariable String code, @RequestParam(required = false) Long type, Model m) {
        var school = schools.visible(code, caller);
        return askPage(caller, school, type, Map.of(), Map.of(), m);
    }

    private String askPage(Caller caller, SchoolView school, Long typeId, Map<String, String> values, Map<String, FieldError> errors,
                           Model m) {
        var types = requests.types(school.id(), false, caller);
        m.addAttribute("school", school);
        m.addAttribute("types", types);
        m.addAttribute("type", typeId == null ? null : types.stream().filter(t -> t.id() == typeId).findFirst()
            .orElseThrow(() -> new be.spil.shared.NotFoundException("request type", typeId)));
        m.addAttribute("values", values);
        m.addAttribute("errors", errors);
        return "helpdesk/request";
    }

    @PostMapping("/schools/{code}/requests")
    String submit(Caller caller, @PathVariable String code, @RequestParam(required = false) Long type,
                  @RequestParam Map<String, String> params, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var values = new LinkedHashMap<String, String>();
        params.forEach((k, v) -> {
            if (k.startsWith("v_")) {
                values.put(k.substring(2), v);
            }
        });
        try {
            if (type == null) {
                throw FieldErrorsException.of("type", "request.type.unknown");
            }
            var ticket = requests.submit(school.id(), type, values, caller);
            redirect.addFlashAttribute("message", "request.sent");
            return "redirect:/schools/" + school.code() + "/tickets/" + ticket.number();
        } catch (FieldErrorsException e) {
            var errors = new LinkedHashMap<String, FieldError>();
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err));
            boolean known = type != null && requests.types(school.id(), false, caller).stream().anyMatch(t -> t.id() == type);
            m.addAttribute("formErrors", e.errors());
            return askPage(caller, school, known ? type : null, values, errors, m);
        }
    }

    @PostMapping("/schools/{code}/tickets/{number}/approval")
    String decide(Caller caller, @PathVariable String code, @PathVariable long number, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            if (!"approve".equals(decision) && !"refuse".equals(decision)) {
                throw FieldErrorsException.of("decision", "request.decision.unknown");
            }
            boolean approve = "approve".equals(decision);
            requests.decide(school.id(), number, approve, reason, caller);
            String done = approve ? "request.approved" : "request.refused";
            redirect.addFlashAttribute("message", done);
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("approvalError", e.errors().get(0));
            redirect.addFlashAttribute("approvalReason", reason);
        }
        return "redirect:/schools/" + school.code() + "/tickets/" + number;
    }

    @GetMapping("/schools/{code}/request-types")
    String types(Caller caller, @PathVariable String code, Model m) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        return typesPage(caller, school, m);
    }

    private String typesPage(Caller caller, SchoolView school, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("types", requests.types(school.id(), true, caller));
        m.addAttribute("approvers", Approver.values());
        m.addAttribute("kinds", FieldKind.values());
        m.addAttribute("rows", FIELD_ROWS);
        m.addAttribute("centralAdmin", caller.centralAdmin());
        return "helpdesk/request-types";
    }

    @PostMapping("/schools/{code}/request-types")
    String createType(Caller caller, @PathVariable String code, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String description, @RequestParam(required = false) String approver,
                      @RequestParam(name = "fieldLabel", required = false) List<String> labels,
                      @RequestParam(name = "fieldKind", required = false) List<String> kinds,
                      @RequestParam(name = "fieldRequired", required = false) List<String> required,
                      @RequestParam(name = "fieldChoices", required = false) List<String> choices, Model m,
                      RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            var fields = new ArrayList<FieldForm>();
            int n = labels == null ? 0 : labels.size();
            for (int i = 0; i < n; i++) {
                fields.add(new FieldForm(labels.get(i), enumOrError(FieldKind.class, at(kinds, i), "fields[" + i + "].kind"),
                    "true".equals(at(required, i)), at(choices, i)));
            }
            requests.createType(school.id(), new TypeForm(name, description,
                approver == null || approver.isBlank() ? null : enumOrError(Approver.class, approver, "approver"), fields), caller);
            redirect.addFlashAttribute("message", "request.type.created");
            return "redirect:/schools/" + school.code() + "/request-types";
        } catch (FieldErrorsException e) {
            var errors = new LinkedHashMap<String, FieldError>();
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err));
            m.addAttribute("errors", errors);
            m.addAttribute("formErrors", e.errors());
            m.addAttribute("name", name);
            m.addAttribute("description", description);
            m.addAttribute("approver", approver);
            m.addAttribute("labels", labels == null ? List.of() : labels);
            return typesPage(caller, school, m);
        }
    }

    @PostMapping("/schools/{code}/request-types/{id}/archive")
    String archive(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            requests.setArchived(school.id(), id, archived, version, caller);
            redirect.addFlashAttribute("message", "saved");
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("message", "request.type.stale");
        }
        return "redirect:/schools/" + school.code() + "/request-types";
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static <E extends Enum<E>> E enumOrError(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of(field, "request.value.unknown", value);
        }
    }
}
