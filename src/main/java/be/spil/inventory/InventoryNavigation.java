package be.spil.inventory;

import be.spil.shared.NavEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InventoryNavigation {
    @Bean
    NavEntry assetsNav() {
        return new NavEntry("nav.assets", "/schools/{school}/assets", 50, c -> true, "nav.group.equipment");
    }

    @Bean
    NavEntry softwareNav() {
        return new NavEntry("nav.software", "/schools/{school}/software", 51, c -> true, "nav.group.equipment");
    }
}
