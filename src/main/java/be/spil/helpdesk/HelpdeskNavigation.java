package be.spil.helpdesk;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Report a problem" right after Home on every page, and the tickets (the queue, or one's own). */
@Configuration(proxyBeanMethods = false)
class HelpdeskNavigation {
    @Bean
    NavEntry reportNav() {
        return new NavEntry("nav.report", "/schools/{school}/tickets/new", 1, c -> true);
    }

    @Bean
    NavEntry ticketsNav() {
        return new NavEntry("nav.tickets", "/schools/{school}/tickets", 60, c -> true, "nav.group.support");
    }

    /** The queue over all schools, for central admins and whoever works the helpdesk of more than one school. */
    @Bean
    NavEntry groupQueueNav() {
        return new NavEntry("nav.groupQueue", "/tickets", 60,
            c -> c.centralAdmin() || c.schoolIds().stream().filter(id -> Tickets.isTeam(c, id)).count() > 1, "nav.group.support");
    }

    @Bean
    NavEntry helpdeskFiguresNav() {
        return new NavEntry("nav.helpdeskFigures", "/schools/{school}/helpdesk/figures", 61,
            c -> c.schoolIds().stream().anyMatch(id -> Tickets.isTeam(c, id)) || c.centralAdmin(), "nav.group.support");
    }
}
