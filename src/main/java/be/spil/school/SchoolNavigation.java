package be.spil.school;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchoolNavigation {
    @Bean
    NavEntry schoolsNav() {
        return new NavEntry("nav.schools", "/schools", 10, c -> true, "nav.group.school");
    }

    @Bean
    NavEntry schoolYearsNav() {
        return new NavEntry("nav.schoolYears", "/school-years", 11, be.spil.shared.Caller::centralAdmin, "nav.group.school");
    }
}
