package be.spil.helpdesk;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages to set the helpdesk up: the group's category tree and default SLA targets (central admins), and a school's
 * own SLA targets and auto-assignment (the school's managers). Several small forms per page; an error is shown next
 * to its field (ids {@code <form>-<field>}) and nothing is saved.
 */
@Controller
class HelpdeskAdminController {
    static final String SETUP = "/helpdesk/setup";

    private final Schools schools;
    private final Tickets tickets;
    private final HelpdeskAdmin admin;
    private final HelpdeskSettings settings;
    private final MessageSource messages;

    HelpdeskAdminController(Schools schools, Tickets tickets, HelpdeskAdmin admin, HelpdeskSettings settings, MessageSource messages) {
        this.schools = schools;
        this.tickets = tickets;
        this.admin = admin;
        this.settings = settings;
        this.messages = messages;
    }

    // ---- the group: categories and default SLA (central admins) ----

    @GetMapping(SETUP)
    String setup(Caller caller, Model m) {
        caller.requireCentralAdmin();
        m.addAttribute("categories", tickets.categories(true));
        m.addAttribute("topLevel", tickets.categories(false).stream().filter(c -> c.parentId() == null).toList());
        m.addAttribute("targets", admin.groupTargets());
        m.addAttribute("priorities", Priority.values());
        if (!m.containsAttribute("errors")) {
            m.addAttribute("errors", Map.of());
        }
        if (!m.containsAttribute("values")) {
            m.addAttribute("values", Map.of());
        }
        return "helpdesk/setup";
    }

    @PostMapping("/helpdesk/categories")
    String addCategory(Caller caller, @RequestParam(required = false) String name, @RequestParam(required = false) String parentId,
                       Model m, RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        try {
            tickets.createCategory(name, longOrNull(parentId, "parentId"), caller);
        } catch (FieldErrorsException e) {
            return setupWithErrors(caller, m, "add", e, Map.of("add-name", name == null ? "" : name));
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:" + SETUP;
    }

    @PostMapping("/helpdesk/categories/{id}")
    String updateCategory(Caller caller, @PathVariable long id, @RequestParam(required = false) String name,
                          @RequestParam(defaultValue = "false") boolean archived, @RequestParam(required = false) Integer version,
                          Model m, RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        try {
            tickets.updateCategory(id, name, archived, version, caller);
        } catch (FieldErrorsException e) {
            return setupWithErrors(caller, m, "c" + id, e, Map.of("c" + id + "-name", name == null ? "" : name));
        } catch (StaleVersionException e) {
            be.spil.shared.Forms.conflict(e, m);
            return setup(caller, m);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:" + SETUP;
    }

    @PostMapping("/helpdesk/categories/{id}/move")
    String moveCategory(Caller caller, @PathVariable long id, @RequestParam(required = false) String parentId,
                        @RequestParam(required = false) String position, @RequestParam(required = false) Integer version, Model m,
                        RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        try {
            admin.move(id, longOrNull(parentId, "parentId"), intOrNull(position, "position"), version, caller);
        } catch (FieldErrorsException e) {
            return setupWithErrors(caller, m, "m" + id, e, Map.of("m" + id + "-position", position == null ? "" : position));
        } catch (StaleVersionException e) {
            be.spil.shared.Forms.conflict(e, m);
            return setup(caller, m);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:" + SETUP;
    }

    @PostMapping("/helpdesk/sla")
    String groupSla(Caller caller, @RequestParam Map<String, String> params, Model m, RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        try {
            admin.replaceGroupTargets(targets(params, false), caller);
        } catch (FieldErrorsException e) {
            return setupWithErrors(caller, m, "sla", e, params);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:" + SETUP;
    }

    private String setupWithErrors(Caller caller, Model m, String form, FieldErrorsException e, Map<String, String> values) {
        m.addAttribute("errors", errors(form, e));
        m.addAttribute("values", values);
        setup(caller, m);
        return "helpdesk/setup";
    }

    // ---- a school: auto-assignment and own SLA targets (its managers) ----

    @GetMapping("/schools/{code}/helpdesk/settings")
    String schoolSettings(Caller caller, @PathVariable String code, Model m) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        return settingsPage(caller, school, m);
    }

    private String settingsPage(Caller caller, SchoolView school, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("settings", settings.get(school.id(), caller));
        m.addAttribute("targets", tickets.slaTargets(school.id(), caller));
        m.addAttribute("groupTargets", admin.groupTargets());
        if (!m.containsAttribute("errors")) {
            m.addAttribute("errors", Map.of());
        }
        if (!m.containsAttribute("values")) {
            m.addAttribute("values", Map.of());
        }
        return "helpdesk/settings";
    }

    @PostMapping("/schools/{code}/helpdesk/settings")
    String saveSettings(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean autoAssign,
                        @RequestParam(required = false) Integer version, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            settings.update(school.id(), autoAssign, version, caller);
        } catch (FieldErrorsException e) {
            m.addAttribute("errors", errors("auto", e));
            return settingsPage(caller, school, m);
        } catch (StaleVersionException e) {
            be.spil.shared.Forms.conflict(e, m);
            return settingsPage(caller, school, m);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/schools/" + school.code() + "/helpdesk/settings";
    }

    @PostMapping("/schools/{code}/helpdesk/sla")
    String schoolSla(Caller caller, @PathVariable String code, @RequestParam Map<String, String> params, Model m,
                     RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            tickets.replaceSlaTargets(school.id(), targets(params, true), caller);
        } catch (FieldErrorsException e) {
            var ticked = java.util.Arrays.stream(Priority.values()).filter(p -> "true".equals(params.get("own-" + p.name()))).toList();
            m.addAttribute("errors", errors("sla", e, ticked));
            m.addAttribute("values", params);
            return settingsPage(caller, school, m);
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/schools/" + school.code() + "/helpdesk/settings";
    }

    // ---- form parsing ----

    /**
     * The targets of the SLA form: fields {@code response-<PRIORITY>} and {@code resolve-<PRIORITY>}; with {@code ownOnly},
     * only the priorities whose {@code own-<PRIORITY>} box is ticked. A field that is no whole number is an error on it.
     */
    static List<SlaTarget> targets(Map<String, String> params, boolean ownOnly) {
        var out = new ArrayList<SlaTarget>();
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        for (var p : Priority.values()) {
            if (ownOnly && !"true".equals(params.get("own-" + p.name()))) {
                continue;
            }
            Integer response = minutes(params.get("response-" + p.name()), "response-" + p.name(), errors);
            Integer resolve = minutes(params.get("resolve-" + p.name()), "resolve-" + p.name(), errors);
            out.add(new SlaTarget(p, response, resolve, ownOnly));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return out;
    }

    private static Integer minutes(String s, String field, List<FieldErrorsException.FieldError> errors) {
        String v = s == null ? "" : s.trim();
        if (v.isEmpty()) {
            errors.add(new FieldErrorsException.FieldError(field, "ticket.sla.incomplete"));
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new FieldErrorsException.FieldError(field, "ticket.sla.number"));
            return null;
        }
    }

    private static Long longOrNull(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw FieldErrorsException.of(field, "ticket.category.unknown");
        }
    }

    private static Integer intOrNull(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw FieldErrorsException.of(field, "ticket.category.position", 0, HelpdeskAdmin.MAX_POSITION);
        }
    }

    /**
     * Errors by input id: {@code <form>-<field>}. The SLA's {@code targets[i].x} name the i-th priority of the form;
     * the web form names its fields {@code response-<P>} and {@code resolve-<P>} already.
     */
    private Map<String, String> errors(String form, FieldErrorsException e) {
        return errors(form, e, List.of(Priority.values()));
    }

    private Map<String, String> errors(String form, FieldErrorsException e, List<Priority> order) {
        var out = new LinkedHashMap<String, String>();
        var locale = LocaleContextHolder.getLocale();
        for (var err : e.errors()) {
            String field = err.field();
            var m = java.util.regex.Pattern.compile("targets\\[(\\d+)](?:\\.(\\w+))?").matcher(field);
            if (m.matches()) {
                field = m.group(2) == null ? "targets" : m.group(2).startsWith("response") ? "response" : "resolve";
                int i = Integer.parseInt(m.group(1));
                field = field.equals("targets") ? field : field + "-" + (i < order.size() ? order.get(i).name() : "");
            }
            out.putIfAbsent(form + "-" + field, messages.getMessage(err.code(), err.args(), err.code(), locale));
        }
        return out;
    }
}
