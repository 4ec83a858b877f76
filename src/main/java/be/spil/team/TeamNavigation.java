package be.spil.team;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TeamNavigation {
    @Bean
    NavEntry teamNav() {
        return new NavEntry("nav.team", "/schools/{school}/team", 80, c -> true, "nav.group.policy");
    }
}
