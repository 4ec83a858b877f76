package be.spil.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

    /** bcrypt; the cost can be lowered for tests only ({@code spil.security.bcrypt-strength}). */
    @Bean
    PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${spil.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    /** The REST API: HTTP Basic or a bearer token on every call, no session, no CSRF (no cookies). */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Accounts accounts, ApiAuthenticationEntryPoint entryPoint,
                            SecurityProperties properties) throws Exception {
        http.securityMatcher("/api/**")
            .authorizeHttpRequests(a -> a.anyRequest().authenticated())
            .httpBasic(b -> b.authenticationEntryPoint(entryPoint).realmName("Spil"))
            .addFilterBefore(new BearerTokenFilter(tokens, accounts, entryPoint, properties.actuatorToken()), BasicAuthenticationFilter.class)
            .addFilterAfter(new BasicAuthSecondFactorFilter(), BasicAuthenticationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(c -> c.disable())
            .requestCache(c -> c.disable())
            .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /** Actuator: health for everybody; the rest for central admins or the configured metrics token. */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, ApiTokens tokens, Accounts accounts, ApiAuthenticationEntryPoint entryPoint,
                                 SecurityProperties properties) throws Exception {
        http.securityMatcher("/actuator/**")
            .authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .anyRequest().hasAnyRole("CENTRAL_ADMIN", "METRICS"))
            .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
            .addFilterBefore(new BearerTokenFilter(tokens, accounts, entryPoint, properties.actuatorToken()), BasicAuthenticationFilter.class)
            .addFilterAfter(new BasicAuthSecondFactorFilter(), BasicAuthenticationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(c -> c.disable())
            .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /**
     * The web UI: sign-in form (then the second-factor code when the account has one), OpenID Connect sign-in
     * when providers are configured, session cookie, CSRF protection.
     */
    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http, Accounts accounts, SignInFailureHandler failureHandler, SignInSuccessHandler successHandler,
                            ObjectProvider<ClientRegistrationRepository> registrations, OidcSignIn oidc, Clock clock) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                // the lending module's calendar feeds: the secret token in the URL is the key (calendar programs cannot sign in)
                .requestMatchers("/feeds/*.ics").permitAll()
                // the knowledge module's public pages: they show PUBLIC articles only
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/kb/*", "/kb/*/*").permitAll()
                .requestMatchers(CallerRefreshFilter.CODE_PAGE).authenticated()
                .anyRequest().hasRole("USER"))
            .formLogin(f -> f.loginPage("/login").usernameParameter("email").successHandler(successHandler)
                .failureHandler(failureHandler).permitAll())
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
            .addFilterAfter(new CallerRefreshFilter(accounts, clock), SecurityContextHolderFilter.class)
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                r -> "true".equals(r.getHeader("HX-Request"))))
            .headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives(
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                .userInfoEndpoint(u -> u.oidcUserService(oidc))
                .successHandler(oidc)
                .failureHandler(failureHandler));
        }
        return http.build();
    }
}
