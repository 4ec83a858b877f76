package be.spil.agents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The agents' endpoints get their own filter chain, before the API and web chains: no session, no CSRF (agents have no
 * cookies), no sign-in form. The agent key is checked by {@link AgentEndpoint} itself (user = school code, password =
 * key), which answers 401 with WWW-Authenticate when it is missing or wrong.
 */
@Configuration(proxyBeanMethods = false)
class AgentSecurity {
    static final String[] PATHS = {"/agent", "/agent/", "/ocsinventory", "/ocsinventory/"};

    @Bean
    @Order(0)
    SecurityFilterChain agents(HttpSecurity http) throws Exception {
        http.securityMatcher(PATHS)
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(c -> c.disable())
            .requestCache(c -> c.disable())
            .anonymous(a -> a.disable());
        return http.build();
    }
}
