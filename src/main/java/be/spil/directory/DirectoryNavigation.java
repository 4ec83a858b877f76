package be.spil.directory;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {
    @Bean
    NavEntry peopleNav() {
        return new NavEntry("nav.people", "/schools/{school}/people", 20, c -> true, "nav.group.school");
    }

    @Bean
    NavEntry organisationsNav() {
        return new NavEntry("nav.organisations", "/organisations", 40, c -> true, "nav.group.school");
    }

    @Bean
    NavEntry groupsNav() {
        return new NavEntry("nav.groups", "/schools/{school}/groups", 30, c -> true, "nav.group.school");
    }
}
