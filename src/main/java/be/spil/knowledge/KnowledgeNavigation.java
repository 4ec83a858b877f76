package be.spil.knowledge;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeNavigation {
    @Bean
    NavEntry knowledgeNav() {
        return new NavEntry("nav.knowledge", "/schools/{school}/knowledge", 61, c -> true, "nav.group.support");
    }
}
