package be.spil.dashboard;

import be.spil.audit.AuditTrail;
import be.spil.directory.Groups;
import be.spil.inventory.AssetFilter;
import be.spil.inventory.Assets;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.Rooms;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.NavEntry;
import be.spil.shared.Paging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: cards for the school the person works in (its people, classes and rooms; today and the next
 * holiday; for managers the latest changes) and for central admins the school group. Later modules add their
 * cards here, each built from that module's public service.
 */
@Controller
class HomeController {
    private final Schools schools;
    private final People people;
    private final Groups groups;
    private final Rooms rooms;
    private final SchoolCalendar calendar;
    private final AuditTrail audit;
    private final Assets assets;

    HomeController(Schools schools, People people, Groups groups, Rooms rooms, SchoolCalendar calendar, AuditTrail audit,
                   Assets assets) {
        this.schools = schools;
        this.people = people;
        this.groups = groups;
        this.rooms = rooms;
        this.calendar = calendar;
        this.audit = audit;
        this.assets = assets;
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
            model.addAttribute("assetsByStatus", assets.countByStatus(id, caller));
            model.addAttribute("warrantyEnding", assets.search(id, new AssetFilter(null, null, null, null, null, null, 90, null),
                new Paging(0, 1), caller).total());
            if (caller.canManage(id)) {
                model.addAttribute("changes", audit.search(new AuditTrail.Filter(null, id, null, null, null), new Paging(0, 5), caller).items());
            }
        }
        return "dashboard/home";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavEntry homeNav() {
            return new NavEntry("nav.home", "/", 0, c -> true);
        }
    }
}
