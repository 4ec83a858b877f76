package be.spil.dashboard;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page. Later modules add their cards here, each built from that module's public service. */
@Controller
class HomeController {
    private final Schools schools;

    HomeController(Schools schools) {
        this.schools = schools;
    }

    @GetMapping("/")
    String home(Caller caller, Model model) {
        model.addAttribute("schoolCount", schools.visibleSchools(caller, false).size());
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
