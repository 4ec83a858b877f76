package be.spil.lending;

import be.spil.directory.Groups;
import be.spil.school.Rooms;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pools, their week view, the reservation form (offering only what is free), and the hand-out/return kiosk. */
@Controller
class LendingController {
    private final Schools schools;
    private final Pools pools;
    private final Reservations reservations;
    private final Loans loans;
    private final Rooms rooms;
    private final Groups groups;
    private final CalendarFeeds feeds;
    private final org.springframework.context.MessageSource messages;
    private final be.spil.school.SchoolCalendar calendar;

    LendingController(Schools schools, Pools pools, Reservations reservations, Loans loans, Rooms rooms, Groups groups,
                      CalendarFeeds feeds, org.springframework.context.MessageSource messages, be.spil.school.SchoolCalendar calendar) {
        this.calendar = calendar;
        this.feeds = feeds;
        this.messages = messages;
        this.schools = schools;
        this.pools = pools;
        this.reservations = reservations;
        this.loans = loans;
        this.rooms = rooms;
        this.groups = groups;
    }

    @GetMapping("/schools/{code}/pools")
    String list(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("pools", pools.list(school.id(), false, caller));
        model.addAttribute("canManage", Pools.canManage(caller, school.id()));
        model.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active()));
        model.addAttribute("reservableByValues", ReservableBy.values());
        model.addAttribute("mine", reservations.list(school.id(), new Reservations.Filter(reservations.today(),
            reservations.today().plusDays(13), null, caller.personId(), false), caller));
        model.addAttribute("feeds", feeds.mine(school.id(), caller));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PoolPageForm.empty());
        }
        return "lending/pools";
    }

    @PostMapping("/schools/{code}/pools")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") PoolPageForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                var pool = pools.create(school.id(), form.toForm(), caller);
                redirect.addFlashAttribute("message", "pool.created");
                return "redirect:/schools/" + school.code() + "/pools/" + pool.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return list(caller, code, model);
    }

    @GetMapping("/schools/{code}/pools/{id}")
    String pool(Caller caller, @PathVariable String code, @PathVariable long id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        var school = schools.visible(code, caller);
        var pool = pools.get(school.id(), id, caller);
        var week = reservations.week(school.id(), id, date == null ? reservations.today() : date, caller);
        model.addAttribute("school", school);
        model.addAttribute("pool", pool);
        model.addAttribute("week", week);
        model.addAttribute("reservations", reservations.list(school.id(), new Reservations.Filter(week.monday(),
            week.monday().plusDays(6), id, null, false), caller));
        model.addAttribute("overbooked", reservations.overbooked(school.id(), id, caller));
        model.addAttribute("canManage", Pools.canManage(caller, school.id()));
        model.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active()));
        model.addAttribute("reservableByValues", ReservableBy.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PoolPageForm.of(pool));
        }
        return "lending/pool";
    }

    @PostMapping("/schools/{code}/pools/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") PoolPageForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                pools.update(school.id(), id, form.toForm(), caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/pools/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
            }
        }
        return pool(caller, code, id, null, model);
    }

    @GetMapping("/schools/{code}/pools/{id}/reserve")
    String reserveForm(Caller caller, @PathVariable String code, @PathVariable long id,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @RequestParam(required = false) List<Integer> period, Model model) {
        var school = schools.visible(code, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReservationForm(id, date, period == null ? List.of() : period, null, null, null, "", null, null));
        }
        return reserveView(caller, school, id, date, model);
    }

    private String reserveView(Caller caller, SchoolView school, long id, LocalDate date, Model model) {
        var week = reservations.week(school.id(), id, date, caller);
        // only the periods of that day that are open and have a device free
        var free = new ArrayList<WeekView.Cell>();
        int column = (int) java.time.temporal.ChronoUnit.DAYS.between(week.monday(), date);
        if (column >= 0 && column < week.days().size()) {
            for (var row : week.rows()) {
                var cell = row.get(column);
                if (cell.open() && cell.free() > 0) {
                    free.add(cell);
                }
            }
        }
        model.addAttribute("school", school);
        model.addAttribute("pool", pools.get(school.id(), id, caller));
        model.addAttribute("date", date);
        model.addAttribute("free", free);
        model.addAttribute("periodByNumber", week.periods().stream()
            .collect(java.util.stream.Collectors.toMap(be.spil.school.LessonPeriodView::number, p -> p)));
        model.addAttribute("maxFree", free.stream().mapToInt(WeekView.Cell::free).max().orElse(0));
        model.addAttribute("groups", groups.list(school.id(), false, caller));
        model.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active()));
        return "lending/reserve";
    }

    @PostMapping("/schools/{code}/pools/{id}/reserve")
    String reserve(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") ReservationForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var withPool = new ReservationForm(id, form.date(), form.periods(), form.devices(), form.group(), form.room(), form.note(),
            form.weeklyUntil(), null);
        if (!result.hasErrors()) {
            try {
                var r = reservations.reserve(school.id(), withPool, caller);
                redirect.addFlashAttribute("message", "reservation.created");
                return "redirect:/schools/" + school.code() + "/reservations/" + r.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return reserveView(caller, school, id, form.date() == null ? reservations.today() : form.date(), model);
    }

    @GetMapping("/schools/{code}/reservations/{id}")
    String reservation(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var r = reservations.get(school.id(), id, caller);
        var devices = loans.devices(school.id(), id, caller);
        var pool = pools.get(school.id(), r.poolId(), caller);
        var outTags = devices.stream().map(LoanedDevice::tag).toList();
        boolean manage = Pools.canManage(caller, school.id());
        model.addAttribute("school", school);
        model.addAttribute("r", r);
        model.addAttribute("devices", devices);
        model.addAttribute("out", devices.stream().filter(d -> d.returnedAt() == null).toList());
        model.addAttribute("lendable", pool.devices().stream().filter(d -> d.available() && !outTags.contains(d.tag())).toList());
        model.addAttribute("canManage", manage);
        model.addAttribute("canChange", (manage || r.personId() == caller.personId())
            && (r.status() == ReservationStatus.REQUESTED || r.status() == ReservationStatus.CONFIRMED)
            && !reservations.started(r));
        model.addAttribute("conditions", Condition.values());
        model.addAttribute("lessonPeriods", calendar.lessonPeriods(school.id()).periods());
        model.addAttribute("history", reservations.history(school.id(), id, caller));
        return "lending/reservation";
    }

    /** Changes a reservation that has not started: day, lesson periods, devices, note; errors come back on the page. */
    @PostMapping("/schools/{code}/reservations/{id}")
    String change(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("change") ReservationForm form,
                  BindingResult result, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (form.date() == null || form.periods() == null || form.periods().isEmpty()) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage("reservation.change.incomplete", null, locale)));
            return "redirect:/schools/" + school.code() + "/reservations/" + id;
        }
        // the pool is the reservation's own, whatever the form says
        var errors = result.getFieldErrors().stream().filter(e -> !e.getField().equals("pool")).toList();
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("errors", errors.stream()
                .map(e -> messages.getMessage("field." + e.getField(), null, e.getField(), locale) + ": " + messages.getMessage(e, locale))
                .toList());
            return "redirect:/schools/" + school.code() + "/reservations/" + id;
        }
        var current = reservations.get(school.id(), id, caller);
        var changed = new ReservationForm(current.poolId(), form.date(), form.periods(), form.devices(), form.group(), form.room(),
            form.note(), null, form.version());
        return act(school, id, redirect, "saved", () -> reservations.change(school.id(), id, changed, caller));
    }

    @PostMapping("/schools/{code}/reservations/{id}/cancel")
    String cancel(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam Integer version,
                  @RequestParam(defaultValue = "false") boolean series, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        return act(school, id, redirect, "reservation.cancelled", () -> reservations.cancel(school.id(), id, version, series, caller));
    }

    @PostMapping("/schools/{code}/reservations/{id}/approve")
    String approve(Caller caller, @PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        return act(school, id, redirect, "reservation.approved", () -> reservations.approve(school.id(), id, caller));
    }

    @PostMapping("/schools/{code}/reservations/{id}/hand-out")
    String handOut(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) List<String> tag,
                   @RequestParam(defaultValue = "") String scanned, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var tags = new ArrayList<String>(tag == null ? List.of() : tag);
        Arrays.stream(scanned.split("[\\s,;]+")).filter(t -> !t.isBlank()).forEach(tags::add);
        return act(school, id, redirect, "loan.handedOut", () -> loans.handOut(school.id(), id, new Loans.HandOut(tags), caller));
    }

    @PostMapping("/schools/{code}/reservations/{id}/return")
    String giveBack(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) List<String> tag,
                    @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var items = new ArrayList<Loans.Item>();
        for (String t : tag == null ? List.<String>of() : tag) {
            String c = params.getOrDefault("condition-" + t, "OK");
            Condition condition;
            try {
                condition = Condition.valueOf(c);
            } catch (IllegalArgumentException e) {
                condition = Condition.OK;
            }
            items.add(new Loans.Item(t, condition, params.get("note-" + t)));
        }
        return act(school, id, redirect, "loan.returned", () -> loans.giveBack(school.id(), id, new Loans.Return(items), caller));
    }

    /** Runs an action; its domain errors come back as a list on the reservation page. */
    private String act(SchoolView school, long id, RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (FieldErrorsException e) {
            var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("errors", e.errors().stream()
                .map(f -> messages.getMessage(f.code(), f.args(), f.code(), locale)).toList());
        } catch (jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage("loan.nothing", null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("conflict", e);
        }
        return "redirect:/schools/" + school.code() + "/reservations/" + id;
    }
}
