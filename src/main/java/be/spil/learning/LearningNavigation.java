package be.spil.learning;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LearningNavigation {
    @Bean
    NavEntry learningNav() {
        return new NavEntry("nav.learning", "/schools/{school}/learning", 82, c -> true, "nav.group.policy");
    }
}
