package be.spil.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC writes identifiers unquoted, so the same lowercase schema works on PostgreSQL and on the
 * embedded H2 (PostgreSQL mode, DATABASE_TO_LOWER).
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfig {
    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
