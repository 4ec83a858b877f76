package be.spil.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** After a right password: to the code page when the account has a second factor, else where the person was going. */
@Component
class SignInSuccessHandler implements AuthenticationSuccessHandler {
    private final SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof PendingSignIn) {
            response.sendRedirect(request.getContextPath() + CallerRefreshFilter.CODE_PAGE);
            return;
        }
        saved.onAuthenticationSuccess(request, response, authentication);
    }

    /** Continues to the page the person first asked for (kept in the session by the request cache), or home. */
    void continueTo(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        saved.onAuthenticationSuccess(request, response, authentication);
    }
}
