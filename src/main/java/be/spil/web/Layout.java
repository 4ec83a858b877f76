package be.spil.web;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.NavEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every page's layout needs: the signed-in person, the menu (only modules that exist, only what the
 * person may use), the school they are working in, and the language.
 */
@ControllerAdvice(annotations = Controller.class)
class Layout {
    record NavLink(String messageKey, String href, boolean active) {}

    /** A link of the menu bar, or (group not null) a drop-down with its links. */
    record NavItem(String messageKey, String href, boolean active, List<NavLink> links) {
        public boolean group() {
            return links != null;
        }
    }

    static final String CURRENT_SCHOOL = "spil.currentSchool";
    private final Schools schools;
    private final List<NavEntry> entries;

    Layout(Schools schools, List<NavEntry> entries) {
        this.schools = schools;
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavEntry::order)).toList();
    }

    /** Also called by the error handlers, whose views do not get model attributes from advice. */
    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("lang", locale.getLanguage().equals("en") ? "en" : "nl");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("requestPath", path);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Caller.Source source)) {
            return;
        }
        Caller me = source.caller();
        model.addAttribute("me", me);
        List<SchoolView> mine = schools.visibleSchools(me, false);
        model.addAttribute("mySchools", mine);
        SchoolView current = currentSchool(request, path, mine);
        model.addAttribute("currentSchool", current);
        var visible = entries.stream()
            .filter(e -> e.visibleTo().test(me))
            .filter(e -> !e.needsSchool() || current != null)
            .toList();
        java.util.function.Function<NavEntry, String> href = e -> current == null ? e.path() : e.path().replace("{school}", current.code());
        // Only the most specific entry is the current one: on /schools/x/people that is "People", not "Schools".
        String activeHref = visible.stream().map(href).filter(h -> covers(h, path))
            .max(Comparator.comparingInt(String::length)).orElse(null);
        List<NavItem> items = new java.util.ArrayList<>();
        java.util.Map<String, List<NavLink>> groups = new java.util.HashMap<>();
        for (var e : visible) {
            var link = new NavLink(e.messageKey(), href.apply(e), href.apply(e).equals(activeHref));
            if (e.group() == null) {
                items.add(new NavItem(link.messageKey(), link.href(), link.active(), null));
            } else if (groups.containsKey(e.group())) {
                groups.get(e.group()).add(link);
            } else {
                var links = new java.util.ArrayList<NavLink>();
                links.add(link);
                groups.put(e.group(), links);
                items.add(new NavItem(e.group(), null, false, links));
            }
        }
        model.addAttribute("nav", items.stream()
            .map(i -> i.group() ? new NavItem(i.messageKey(), null, i.links().stream().anyMatch(NavLink::active), List.copyOf(i.links())) : i)
            .toList());
    }

    private static boolean covers(String href, String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/");
    }

    /** The school in the URL, else the one last worked in, else the first the person belongs to. */
    private static SchoolView currentSchool(HttpServletRequest request, String path, List<SchoolView> mine) {
        String code = null;
        if (path.startsWith("/schools/")) {
            String rest = path.substring("/schools/".length());
            code = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        }
        var session = request.getSession(false);
        if (code == null && session != null) {
            code = (String) session.getAttribute(CURRENT_SCHOOL);
        }
        final String wanted = code;
        SchoolView found = mine.stream().filter(s -> s.code().equals(wanted)).findFirst().orElse(mine.isEmpty() ? null : mine.get(0));
        if (found != null && session != null && !found.code().equals(session.getAttribute(CURRENT_SCHOOL))) {
            session.setAttribute(CURRENT_SCHOOL, found.code());
        }
        return found;
    }
}
