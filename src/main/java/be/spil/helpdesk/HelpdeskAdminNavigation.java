package be.spil.helpdesk;

import be.spil.shared.NavEntry;
import be.spil.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The helpdesk's setup pages in the menu: the group's (central admins) and a school's (its managers). */
@Configuration(proxyBeanMethods = false)
class HelpdeskAdminNavigation {
    @Bean
    NavEntry helpdeskSetupNav() {
        return new NavEntry("nav.helpdeskSetup", HelpdeskAdminController.SETUP, 93, be.spil.shared.Caller::centralAdmin, "nav.group.admin");
    }

    @Bean
    NavEntry helpdeskSettingsNav() {
        return new NavEntry("nav.helpdeskSettings", "/schools/{school}/helpdesk/settings", 62,
            c -> c.centralAdmin() || c.rolesBySchool().values().stream().anyMatch(r -> r.contains(Role.ICT_COORDINATOR)
                || r.contains(Role.DIRECTOR)), "nav.group.support");
    }
}
