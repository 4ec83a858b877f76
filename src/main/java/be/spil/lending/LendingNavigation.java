package be.spil.lending;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LendingNavigation {
    @Bean
    NavEntry poolsNav() {
        return new NavEntry("nav.pools", "/schools/{school}/pools", 57, c -> true, "nav.group.equipment");
    }
}
