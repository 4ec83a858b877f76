package be.spil.team;

import be.spil.audit.AuditTrail;
import be.spil.directory.Organisations;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The team pages of a school: members of a school year, a member, the task catalog, the division and the coverage. */
@Controller
class TeamController {
    private final Schools schools;
    private final Team team;
    private final People people;
    private final Organisations organisations;
    private final AuditTrail audit;

    TeamController(Schools schools, Team team, People people, Organisations organisations, AuditTrail audit) {
        this.schools = schools;
        this.team = team;
        this.people = people;
        this.organisations = organisations;
        this.audit = audit;
    }

    @ModelAttribute("clusterValues")
    Cluster[] clusterValues() {
        return Cluster.values();
    }

    @ModelAttribute("levelValues")
    Level[] levelValues() {
        return Level.values();
    }

    @ModelAttribute("fundingValues")
    FundingSource[] fundingValues() {
        return FundingSource.values();
    }

    @ModelAttribute("educationValues")
    Education[] educationValues() {
        return Education.values();
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** School, chosen year and the year list for every team page; year null for the current (or newest) one. */
    private SchoolYearView common(Caller caller, SchoolView school, String year, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("years", team.years());
        try {
            var y = team.year(year);
            model.addAttribute("year", y);
            return y;
        } catch (FieldErrorsException e) {
            model.addAttribute("noYear", true);
            return null;
        }
    }

    private static String yearParam(SchoolYearView year) {
        return year == null ? "" : "?year=" + UriUtils.encodeQueryParam(year.name(), java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- members ----

    @GetMapping("/schools/{code}/team")
    String members(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        var y = common(caller, school, year, model);
        model.addAttribute("members", y == null ? List.of() : team.members(school.id(), y.id(), caller));
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", MemberForm.empty());
        }
        if (caller.canManage(school.id())) {
            model.addAttribute("staff", people.search(school.id(), new People.Search(null, PersonKind.STAFF, false, null),
                new Paging(0, Paging.MAX_SIZE), caller).items());
            model.addAttribute("organisations", organisations.search(null, null, false, new Paging(0, Paging.MAX_SIZE)).items());
        }
        return "team/members";
    }

    @PostMapping("/schools/{code}/team/members")
    String createMember(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                        @Valid @ModelAttribute("memberForm") MemberForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var y = team.year(year);
        if (!result.hasErrors()) {
            try {
                team.createMember(school.id(), y.id(), form, caller);
                redirect.addFlashAttribute("message", "team.member.created");
                return "redirect:/schools/" + school.code() + "/team" + yearParam(y);
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openMemberForm", true);
        return members(caller, code, y.name(), model);
    }

    @GetMapping("/schools/{code}/team/members/{id}")
    String member(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var member = team.member(school.id(), id, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MemberForm.of(member));
        }
        return memberPage(caller, school, member, model);
    }

    private String memberPage(Caller caller, SchoolView school, MemberView member, Model model) {
        var year = team.years().stream().filter(y -> y.id() == member.schoolYearId()).findFirst().orElse(null);
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute("member", member);
        model.addAttribute("canManage", caller.canManage(school.id()));
        var tasks = team.tasks(school.id(), true, caller).stream().collect(Collectors.toMap(TaskView::code, Function.identity()));
        var mine = team.assignments(school.id(), member.schoolYearId(), caller).stream()
            .filter(a -> Long.valueOf(member.id()).equals(a.responsible()) || a.backups().contains(member.id())).toList();
        model.addAttribute("memberAssignments", mine);
        model.addAttribute("tasks", tasks);
        model.addAttribute("history", audit.history(Team.MEMBER_AUDIT_TYPE, member.id()));
        return "team/member";
    }

    @PostMapping("/schools/{code}/team/members/{id}")
    String updateMember(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") MemberForm form,
                        BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var member = team.member(school.id(), id, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                team.updateMember(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/team/members/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                member = team.member(school.id(), id, caller);
                model.addAttribute("form", MemberForm.of(member));
            }
        }
        return memberPage(caller, school, member, model);
    }

    @PostMapping("/schools/{code}/team/members/{id}/archive")
    String archiveMember(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                         @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            team.setMemberArchived(school.id(), id, archived, version, caller);
            redirect.addFlashAttribute("message", archived ? "team.member.left" : "team.member.back");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "team.stale", e.changedBy()));
        }
        return "redirect:/schools/" + school.code() + "/team/members/" + id;
    }

    // ---- catalog ----

    @GetMapping("/schools/{code}/team/catalog")
    String catalog(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        common(caller, school, null, model);
        var tasks = team.tasks(school.id(), true, caller);
        model.addAttribute("centralAdmin", caller.centralAdmin());
        model.addAttribute("clusters", team.clusters());
        model.addAttribute("tasksByCluster", tasks.stream().collect(Collectors.groupingBy(TaskView::cluster)));
        var competences = team.competences();
        model.addAttribute("competences", competences.stream().filter(c -> c.cluster() != null)
            .collect(Collectors.groupingBy(Team.Competence::cluster)));
        model.addAttribute("genericCompetences", competences.stream().filter(c -> c.cluster() == null).toList());
        if (!model.containsAttribute("taskForm")) {
            model.addAttribute("taskForm", TaskForm.empty());
        }
        return "team/catalog";
    }

    @PostMapping("/schools/{code}/team/tasks")
    String createTask(Caller caller, @PathVariable String code, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult result,
                      Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                team.createTask(school.id(), form, caller);
                redirect.addFlashAttribute("message", "team.task.created");
                return "redirect:/schools/" + school.code() + "/team/catalog";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openTaskForm", true);
        return catalog(caller, code, model);
    }

    @PostMapping("/schools/{code}/team/tasks/{task}")
    String changeTask(Caller caller, @PathVariable String code, @PathVariable String task, @RequestParam(required = false) String name,
                      @RequestParam(required = false) Boolean retired, @RequestParam(required = false) Integer version,
                      RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            team.patchTask(school.id(), task, name, null, retired, version, caller);
            redirect.addFlashAttribute("message", "saved");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "team.stale", e.changedBy()));
        }
        return "redirect:/schools/" + school.code() + "/team/catalog#task-" + task;
    }

    // ---- division ----

    @GetMapping("/schools/{code}/team/division")
    String division(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                    @RequestParam(required = false) Long member, @RequestParam(required = false) String fragment, Model model) {
        var school = schools.visible(code, caller);
        var y = common(caller, school, year, model);
        var allMembers = y == null ? List.<MemberView>of() : team.members(school.id(), y.id(), caller);
        var members = allMembers.stream().filter(m -> member == null || m.id() == member).toList();
        model.addAttribute("allMembers", allMembers);
        model.addAttribute("member", members.size() == 1 && member != null ? member : null);
        var assignments = y == null ? List.<AssignmentView>of() : team.assignments(school.id(), y.id(), caller);
        var byTask = new LinkedHashMap<String, AssignmentView>();
        assignments.forEach(a -> byTask.put(a.task(), a));
        model.addAttribute("members", members);
        model.addAttribute("names", team.names(members));
        model.addAttribute("tasks", team.tasks(school.id(), true, caller).stream()
            .filter(t -> !t.retired() || byTask.containsKey(t.code())).toList());
        model.addAttribute("byTask", byTask);
        model.addAttribute("hoursByMember", members.stream().collect(Collectors.toMap(MemberView::id,
            m -> assignments.stream().filter(a -> Long.valueOf(m.id()).equals(a.responsible())).mapToDouble(AssignmentView::hours).sum())));
        return "totals".equals(fragment) && y != null ? "team/division :: totals" : "team/division";
    }

    @PostMapping("/schools/{code}/team/division")
    String divide(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, @RequestParam String task,
                  @RequestParam(required = false) Long responsible, @RequestParam(required = false) List<Long> backups,
                  @RequestParam(required = false) Level level, @RequestParam(required = false) FundingSource funding,
                  @RequestParam(required = false) String hours, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var y = team.year(year);
        String target = "redirect:/schools/" + school.code() + "/team/division" + yearParam(y) + "#task-" + UriUtils.encodeFragment(task,
            java.nio.charset.StandardCharsets.UTF_8);
        try {
            Double h = parseHours(hours);
            if (level == null || funding == null) {
                throw FieldErrorsException.of(level == null ? "level" : "funding", "team.required");
            }
            var existing = team.assignments(school.id(), y.id(), caller).stream().filter(a -> a.task().equals(task)).findFirst();
            var form = new AssignmentForm(task, responsible, backups == null ? List.of() : backups, level, funding, h, version);
            if (existing.isPresent()) {
                team.updateAssignment(school.id(), existing.get().id(), form, caller);
            } else {
                team.createAssignment(school.id(), y.id(), form, caller);
            }
            redirect.addFlashAttribute("message", h > CoverageAnalysis.FULL_TIME_HOURS ? "team.saved.aboveFullTime" : "saved");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
            redirect.addFlashAttribute("problemTask", task);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "team.stale", e.changedBy()));
            redirect.addFlashAttribute("problemTask", task);
        }
        return target;
    }

    private static Double parseHours(String hours) {
        try {
            double h = Double.parseDouble(hours == null ? "" : hours.trim().replace(',', '.'));
            if (h < 0 || h > Team.MAX_HOURS || Double.isNaN(h)) {
                throw FieldErrorsException.of("hours", "team.hours.absurd", (long) Team.MAX_HOURS);
            }
            return h;
        } catch (NumberFormatException e) {
            throw FieldErrorsException.of("hours", "team.hours.number");
        }
    }

    // ---- coverage ----

    /** Chart colours: clusters (Okabe-Ito, safe for colour blindness) and coverage states. */
    static final Map<String, String> CHART_COLORS = Map.of("TECHNICAL", "#0072B2", "PEDAGOGICAL", "#E69F00", "POLICY", "#009E73",
        "ADMINISTRATIVE", "#CC79A7", "backup", "#1a7f37", "responsible", "#9ad0a4", "uncovered", "#f8f9fa");

    /** Per cluster: active tasks, how many have a responsible, how many also a backup. */
    record ClusterRow(Cluster cluster, int tasks, int withResponsible, int withBackup) {}

    private List<ClusterRow> clusterRows(long schoolId, long yearId, Caller caller) {
        var byTask = team.assignments(schoolId, yearId, caller).stream()
            .collect(Collectors.toMap(AssignmentView::task, Function.identity()));
        var tasks = team.tasks(schoolId, false, caller);
        return java.util.Arrays.stream(Cluster.values()).map(c -> {
            var mine = tasks.stream().filter(t -> t.cluster() == c).toList();
            int responsible = (int) mine.stream().map(t -> byTask.get(t.code())).filter(a -> a != null && a.responsible() != null).count();
            int backup = (int) mine.stream().map(t -> byTask.get(t.code()))
                .filter(a -> a != null && a.responsible() != null && a.backups().stream().anyMatch(b -> !b.equals(a.responsible()))).count();
            return new ClusterRow(c, mine.size(), responsible, backup);
        }).toList();
    }

    @GetMapping("/schools/{code}/team/coverage")
    String coverage(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        var y = common(caller, school, year, model);
        var findings = y == null ? List.<Finding>of() : team.coverage(school.id(), y.id(), lang(), caller);
        Map<Finding.Severity, Map<Finding.Kind, List<Finding>>> bySeverity = new LinkedHashMap<>();
        for (var s : Finding.Severity.values()) {
            var byKind = new LinkedHashMap<Finding.Kind, List<Finding>>();
            findings.stream().filter(f -> f.severity() == s).forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new java.util.ArrayList<>()).add(f));
            bySeverity.put(s, byKind);
        }
        model.addAttribute("bySeverity", bySeverity);
        model.addAttribute("clusterRows", y == null ? List.of() : clusterRows(school.id(), y.id(), caller));
        var members = y == null ? List.<MemberView>of() : team.members(school.id(), y.id(), caller);
        var assignments = y == null ? List.<AssignmentView>of() : team.assignments(school.id(), y.id(), caller);
        model.addAttribute("hoursChart", TeamCharts.hoursPerMember(members, assignments));
        var labels = new java.util.EnumMap<Cluster, String>(Cluster.class);
        team.clusters().forEach(c -> labels.put(c.cluster(), "en".equals(lang()) ? c.nameEn() : c.name()));
        model.addAttribute("coverageChart", TeamCharts.coverageChart(TeamCharts.coverage(team.tasks(school.id(), false, caller), assignments),
            labels));
        model.addAttribute("chartWidth", TeamCharts.WIDTH);
        model.addAttribute("colors", CHART_COLORS);
        model.addAttribute("findingCount", findings.size());
        model.addAttribute("taskNames", team.tasks(school.id(), true, caller).stream()
            .collect(Collectors.toMap(TaskView::code, t -> t.name(lang()))));
        return "team/coverage";
    }
}
