package be.spil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * After a failed sign-in: back to the form, remembering why (wrong, locked until when, disabled, unknown at the
 * OpenID provider, provider error) and the email.
 */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {
    static final String REASON = "spil.signIn.reason";
    static final String UNTIL = "spil.signIn.until";
    static final String EMAIL = "spil.signIn.email";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var session = request.getSession();
        session.removeAttribute(UNTIL);
        if (e instanceof SignInLockedException locked) {
            session.setAttribute(REASON, "locked");
            session.setAttribute(UNTIL, locked.until());
        } else if (e instanceof DisabledException) {
            session.setAttribute(REASON, "disabled");
        } else if (e instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            session.setAttribute(REASON, OidcSignIn.UNKNOWN.equals(code) ? "unknown" : OidcSignIn.DISABLED.equals(code) ? "disabled" : "provider");
        } else {
            session.setAttribute(REASON, "bad");
        }
        String email = request.getParameter("email");
        session.setAttribute(EMAIL, email == null ? "" : email.substring(0, Math.min(email.length(), 320)));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
