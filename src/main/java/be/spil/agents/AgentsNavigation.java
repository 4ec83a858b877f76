package be.spil.agents;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AgentsNavigation {
    @Bean
    NavEntry agentsNav() {
        return new NavEntry("nav.agents", "/schools/{school}/agents", 55, c -> true, "nav.group.equipment");
    }
}
