package be.spil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 for the API and actuator: problem+json, with WWW-Authenticate so clients and agents send credentials. */
@Component
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail = "Sign in with HTTP Basic (email and password) or an API token (Authorization: Bearer …).";
        if (e instanceof SignInLockedException locked) {
            detail = "Too many failed sign-ins: try again after "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(locked.until().atZone(ZoneId.systemDefault())) + ".";
        } else if (e instanceof org.springframework.security.authentication.DisabledException) {
            detail = "This account is disabled.";
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Spil\", charset=\"UTF-8\"");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
            + detail.replace("\"", "'") + "\"}");
    }
}
