package be.spil.helpdesk;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Ask for something" (requests that need approval) for everybody, and the request types for the school's managers. */
@Configuration(proxyBeanMethods = false)
class RequestsNavigation {
    @Bean
    NavEntry requestNav() {
        return new NavEntry("nav.request", "/schools/{school}/requests/new", 61, c -> true, "nav.group.support");
    }

    @Bean
    NavEntry requestTypesNav() {
        return new NavEntry("nav.requestTypes", "/schools/{school}/request-types", 62,
            c -> c.centralAdmin() || c.rolesBySchool().values().stream().anyMatch(r -> r.contains(be.spil.shared.Role.ICT_COORDINATOR)
                || r.contains(be.spil.shared.Role.DIRECTOR)), "nav.group.support");
    }
}
