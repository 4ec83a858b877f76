package be.spil.web;

import be.spil.shared.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per state-changing request (POST, PUT, PATCH, DELETE), saying who did what:
 * {@code method=POST path=/api/v1/schools/{code}/people status=201 user=an@school.be ms=35}.
 * The path is the handler's template, so no ids, names or query strings (no {@code ?q=}) reach the log; nor do
 * request bodies, passwords or tokens. Requests refused before they reach a handler (sign-in, 401, 403 from the
 * security filters) log their path without the query string, and the user when a session knows them, else "-".
 * <p>
 * Two filters: the outer one, before Spring Security, times the whole request and writes the line; the inner
 * one, after Spring Security, notes who the request was authenticated as (the outer one no longer sees that).
 */
@Configuration(proxyBeanMethods = false)
class RequestLog {
    static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    static final String ACTOR = RequestLog.class.getName() + ".actor";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String SESSION_CONTEXT = "SPRING_SECURITY_CONTEXT";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLogFilter() {
        var bean = new FilterRegistrationBean<OncePerRequestFilter>(new Outer());
        bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        bean.setName("requestLog");
        return bean;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestActorFilter() {
        var bean = new FilterRegistrationBean<OncePerRequestFilter>(new Inner());
        bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        bean.setName("requestActor");
        return bean;
    }

    static final class Outer extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !CHANGING.contains(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long start = System.nanoTime();
            String before = sessionActor(request);
            int status = 500;
            try {
                chain.doFilter(request, response);
                status = response.getStatus();
            } finally {
                Object actor = request.getAttribute(ACTOR);
                if (actor == null) {
                    actor = sessionActor(request);
                }
                if (actor == null) {
                    actor = before;
                }
                log.info("method={} path={} status={} user={} ms={}", request.getMethod(), path(request), status,
                    actor == null ? "-" : actor, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    static final class Inner extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !CHANGING.contains(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String actor = actor(SecurityContextHolder.getContext().getAuthentication());
            if (actor != null) {
                request.setAttribute(ACTOR, actor);
            }
            chain.doFilter(request, response);
        }
    }

    /** The handler's path template; for requests that reached none, the path itself without the query string. */
    static String path(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern != null ? pattern.toString() : request.getRequestURI().substring(request.getContextPath().length());
        path = path.replaceAll("[^\\p{Graph}]", "?");
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }

    static String actor(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (auth.getPrincipal() instanceof Caller.Source source) {
            return source.caller().email();
        }
        return auth.getName();
    }

    private static String sessionActor(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_CONTEXT) instanceof SecurityContext context) {
                return actor(context.getAuthentication());
            }
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return null;
    }
}
