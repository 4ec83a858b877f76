package be.spil.security;

import be.spil.shared.Caller;
import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityNavigation {
    @Bean
    NavEntry groupSettingsNav() {
        return new NavEntry("nav.settings", GroupSettingsController.PAGE, 95, Caller::centralAdmin, "nav.group.admin");
    }
}
