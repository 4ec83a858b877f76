package be.spil.audit;

import be.spil.shared.Caller;
import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {
    @Bean
    NavEntry auditNav() {
        return new NavEntry("nav.audit", "/audit", 90, Caller::centralAdmin, "nav.group.admin");
    }
}
