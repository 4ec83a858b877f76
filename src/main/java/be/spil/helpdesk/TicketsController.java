package be.spil.helpdesk;

import be.spil.helpdesk.Priority.Level;
import be.spil.school.Rooms;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reporting a problem, the queue (or one's own tickets; htmx: the results), and a ticket's page with its conversation. */
@Controller
class TicketsController {
    private static final int PAGE_SIZE = 50;

    /** The team's form on a ticket page. */
    record ChangeForm(Integer version, TicketStatus status, Long assigneeId, Long categoryId, Level impact, Level urgency, String assetTag,
                      Long roomId) {
        static ChangeForm of(TicketView t) {
            return new ChangeForm(t.version(), t.status(), t.assigneeId(), t.categoryId(), t.impact(), t.urgency(), t.assetTag(), t.roomId());
        }
    }

    private final Schools schools;
    private final Tickets tickets;
    private final Rooms rooms;

    TicketsController(Schools schools, Tickets tickets, Rooms rooms) {
        this.schools = schools;
        this.tickets = tickets;
        this.rooms = rooms;
    }

    @ModelAttribute("levels")
    Level[] levels() {
        return Level.values();
    }

    @ModelAttribute("priorities")
    Priority[] priorities() {
        return Priority.values();
    }

    @ModelAttribute("statuses")
    TicketStatus[] statuses() {
        return TicketStatus.values();
    }

    @GetMapping("/schools/{code}/tickets/new")
    String newTicket(Caller caller, @PathVariable String code, @RequestParam(required = false) String asset, Model m) {
        var school = schools.visible(code, caller);
        if (!m.containsAttribute("form")) {
            String tag = asset == null || asset.length() > 30 ? "" : asset;
            m.addAttribute("form", new ReportForm("", "", tag, null, null, Level.MEDIUM, Level.MEDIUM));
        }
        return reportPage(caller, school, m);
    }

    private String reportPage(Caller caller, SchoolView school, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active()));
        m.addAttribute("categories", tickets.categories(false));
        m.addAttribute("team", Tickets.isTeam(caller, school.id()));
        return "helpdesk/report";
    }

    @PostMapping("/schools/{code}/tickets")
    String report(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") ReportForm form, BindingResult result,
                  Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                var ticket = tickets.report(school.id(), form, caller);
                redirect.addFlashAttribute("message", "ticket.reported");
                return "redirect:/schools/" + school.code() + "/tickets/" + ticket.number();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return reportPage(caller, school, m);
    }

    @GetMapping("/schools/{code}/tickets")
    String list(Caller caller, @PathVariable String code, QueueParams p,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model m) {
        var school = schools.visible(code, caller);
        boolean team = Tickets.worksQueue(caller, school.id());
        m.addAttribute("external", !team && Tickets.isTeam(caller, school.id()));
        m.addAttribute("school", school);
        m.addAttribute("result", tickets.search(school.id(), p.filter(), new Paging(p.page(), PAGE_SIZE), caller));
        if (team) {
            m.addAttribute("assignees", tickets.assignees(school.id(), caller));
        }
        return queue(p, team, htmx, m);
    }

    /** The queue over every school the caller works the helpdesk of (central admins: all), with a school filter. */
    @GetMapping("/tickets")
    String groupList(Caller caller, @RequestParam(name = "school", required = false) String schoolCode, QueueParams p,
                     @RequestHeader(value = "HX-Request", required = false) String htmx, Model m) {
        Long schoolId = schoolCode == null || schoolCode.isBlank() ? null : schools.visible(schoolCode, caller).id();
        m.addAttribute("result", tickets.searchGroup(schoolId, p.filter(), new Paging(p.page(), PAGE_SIZE), caller));
        var teamSchools = schools.visibleSchools(caller, false).stream().filter(s -> Tickets.isTeam(caller, s.id())).toList();
        m.addAttribute("schoolNames", teamSchools.stream().collect(java.util.stream.Collectors.toMap(SchoolView::code, SchoolView::name)));
        m.addAttribute("groupSchools", teamSchools);
        m.addAttribute("schoolFilter", schoolId == null ? "" : schoolCode);
        return queue(p, true, htmx, m);
    }

    /** The queue's filters as the page sends them; text and assignee cut to their longest sensible length. */
    record QueueParams(String q, TicketStatus status, String assignee, Long category, Priority priority, Boolean overdue,
                       Boolean all, String sort, Integer page) {
        QueueParams {
            q = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
            assignee = assignee == null || assignee.length() > 20 ? "" : assignee;
            overdue = Boolean.TRUE.equals(overdue);
            all = Boolean.TRUE.equals(all);
            sort = sort == null ? "" : sort;
            page = page == null ? 0 : page;
        }

        TicketFilter filter() {
            return new TicketFilter(q, status == null ? Set.of() : Set.of(status), all, assignee, category, priority, overdue, false,
                sort.isEmpty() ? null : sort);
        }
    }

    private String queue(QueueParams p, boolean team, String htmx, Model m) {
        m.addAttribute("team", team);
        m.addAttribute("q", p.q());
        m.addAttribute("status", p.status());
        m.addAttribute("assignee", p.assignee());
        m.addAttribute("category", p.category());
        m.addAttribute("priority", p.priority());
        m.addAttribute("overdue", p.overdue());
        m.addAttribute("all", p.all());
        m.addAttribute("sort", p.sort());
        m.addAttribute("categories", tickets.categories(false));
        return htmx != null ? "helpdesk/tickets :: results" : "helpdesk/tickets";
    }

    @GetMapping("/schools/{code}/tickets/{number}")
    String show(Caller caller, @PathVariable String code, @PathVariable long number, Model m) {
        var school = schools.visible(code, caller);
        var ticket = tickets.get(school.id(), number, caller);
        if (!m.containsAttribute("change")) {
            m.addAttribute("change", ChangeForm.of(ticket));
        }
        return showPage(caller, school, ticket, m);
    }

    private String showPage(Caller caller, SchoolView school, TicketView ticket, Model m) {
        boolean team = tickets.worksOn(school.id(), ticket.number(), caller);
        boolean queue = Tickets.worksQueue(caller, school.id());
        m.addAttribute("school", school);
        m.addAttribute("ticket", ticket);
        m.addAttribute("team", team);
        m.addAttribute("queue", queue);
        m.addAttribute("reporter", ticket.reporterId() == caller.personId());
        if (team) {
            m.addAttribute("assignees", tickets.assignees(school.id(), caller));
            m.addAttribute("categories", tickets.categories(false));
            m.addAttribute("nextStatuses", tickets.nextStatuses(ticket.status(), school.id(), caller));
            m.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active()));
            m.addAttribute("history", tickets.history(school.id(), ticket.number(), caller));
        }
        return "helpdesk/ticket";
    }

    @PostMapping("/schools/{code}/tickets/{number}")
    String change(Caller caller, @PathVariable String code, @PathVariable long number, @ModelAttribute("change") ChangeForm form,
                  BindingResult result, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var ticket = tickets.get(school.id(), number, caller);
        if (!result.hasErrors()) {
            try {
                tickets.change(school.id(), number, new TicketChange(form.version(), form.status(),
                    form.assigneeId() == null ? Long.valueOf(0) : form.assigneeId(),
                    form.categoryId() == null ? Long.valueOf(0) : form.categoryId(), form.impact(), form.urgency(), null,
                    form.assetTag() == null ? "" : form.assetTag(), form.roomId() == null ? Long.valueOf(0) : form.roomId()), caller);
                redirect.addFlashAttribute("message", "saved");
                if (!tickets.visible(school.id(), number, caller)) {
                    // an external technician handed the ticket back: it left their queue
                    redirect.addFlashAttribute("message", "ticket.handedBack");
                    return "redirect:/schools/" + school.code() + "/tickets";
                }
                return "redirect:/schools/" + school.code() + "/tickets/" + number;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, m);
                ticket = tickets.get(school.id(), number, caller);
                m.addAttribute("change", new ChangeForm(e.currentVersion(), form.status(), form.assigneeId(), form.categoryId(),
                    form.impact(), form.urgency(), form.assetTag(), form.roomId()));
            }
        }
        return showPage(caller, school, ticket, m);
    }

    @PostMapping("/schools/{code}/tickets/{number}/comments")
    String comment(Caller caller, @PathVariable String code, @PathVariable long number, @RequestParam(required = false) String body,
                   @RequestParam(defaultValue = "false") boolean internal, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var ticket = tickets.get(school.id(), number, caller);
        try {
            tickets.comment(school.id(), number, body, internal, caller);
            redirect.addFlashAttribute("message", internal ? "ticket.noteAdded" : "ticket.replied");
            return "redirect:/schools/" + school.code() + "/tickets/" + number;
        } catch (FieldErrorsException e) {
            var error = e.errors().get(0);
            m.addAttribute("commentError", error);
            m.addAttribute("commentBody", body);
            m.addAttribute("change", ChangeForm.of(ticket));
            return showPage(caller, school, ticket, m);
        }
    }
}
