package be.spil.dashboard;

import be.spil.audit.AuditTrail;
import be.spil.directory.Groups;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.Rooms;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import be.spil.shared.NavEntry;
import be.spil.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The home page: cards for the school the person works in (its people, classes and rooms; today and the next
 * holiday; for managers the latest changes) and for central admins the school group. Modules add their own cards
 * as {@link HomeCard} beans.
 */
@Controller
class HomeController {
    private final Schools schools;
    private final People people;
    private final Groups groups;
    private final Rooms rooms;
    private final SchoolCalendar calendar;
    private final AuditTrail audit;
    private final List<HomeCard> cards;

    HomeController(Schools schools, People people, Groups groups, Rooms rooms, SchoolCalendar calendar, AuditTrail audit,
                   List<HomeCard> cards) {
        this.schools = schools;
        this.people = people;
        this.groups = groups;
        this.rooms = rooms;
        this.calendar = calendar;
        this.audit = audit;
        this.cards = cards.stream().sorted(Comparator.comparingInt(HomeCard::order)).toList();
    }

    @GetMapping("/")
    String home(Caller caller, Model model) {
        model.addAttribute("schoolCount", schools.visibleSchools(caller, false).size());
        // the school the person works in, chosen by the layout
        if (model.getAttribute("currentSchool") instanceof SchoolView current) {
            long id = current.id();
            var counts = people.countByKind(id, caller);
            model.addAttribute("staffCount", counts.get(PersonKind.STAFF));
            model.addAttribute("pupilCount", counts.get(PersonKind.PUPIL));
            model.addAttribute("externalCount", counts.get(PersonKind.EXTERNAL));
            model.addAttribute("classCount", groups.list(id, false, caller).size());
            model.addAttribute("roomCount", rooms.rooms(id, Rooms.RoomFilter.active()).size());
            var today = calendar.today();
            model.addAttribute("today", today);
            model.addAttribute("schoolDay", calendar.isSchoolDay(id, today));
            model.addAttribute("schoolYear", calendar.currentSchoolYear().orElse(null));
            model.addAttribute("nextHoliday", calendar.holidays(id, today, today.plusYears(1)).stream()
                .filter(h -> !h.lastDay().isBefore(today)).findFirst().orElse(null));
            model.addAttribute("moduleCards", cards.stream()
                .map(card -> new ShownCard(card.template(), card.values(id, caller)))
                .filter(shown -> !shown.values().isEmpty()).toList());
            if (caller.canManage(id)) {
                model.addAttribute("changes", audit.search(new AuditTrail.Filter(null, id, null, null, null), new Paging(0, 5), caller).items());
            }
        }
        return "dashboard/home";
    }

    /** A module's card with its values for this page. */
    record ShownCard(String template, Map<String, Object> values) {}

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavEntry homeNav() {
            return new NavEntry("nav.home", "/", 0, c -> true);
        }
    }
}
