package be.spil.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in: the code of the person's authenticator app. */
@Controller
class SecondFactorController {
    private final Accounts accounts;
    private final IpThrottle throttle;
    private final SignInSuccessHandler success;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorController(Accounts accounts, IpThrottle throttle, SignInSuccessHandler success, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.success = success;
        this.clock = clock;
    }

    @GetMapping(CallerRefreshFilter.CODE_PAGE)
    String form(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof PendingSignIn ? "security/code" : "redirect:/";
    }

    @PostMapping(CallerRefreshFilter.CODE_PAGE)
    String verify(Authentication auth, @RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
                  HttpServletResponse response) throws IOException, ServletException {
        if (auth == null || !(auth.getPrincipal() instanceof PendingSignIn pending)) {
            return "redirect:/";
        }
        String ip = request.getRemoteAddr();
        var blocked = throttle.blockedUntil(ip);
        if (blocked.isPresent()) {
            return backToSignIn(request, "locked", blocked.get());
        }
        if (pending.expiredAt(clock.instant())) {
            return backToSignIn(request, "expired", null);
        }
        String clean = code.length() > 20 ? "" : code;
        var attempt = accounts.codeAttempt(pending.personId(), clean);
        switch (attempt.outcome()) {
            case OK -> {
                var principal = accounts.principal(pending.personId());
                if (principal.isEmpty()) {
                    return backToSignIn(request, "disabled", null);
                }
                var full = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, principal.get().authorities());
                full.setDetails(new WebAuthenticationDetails(request));
                request.changeSessionId();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(full);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                success.continueTo(request, response, full);
                return null;
            }
            case LOCKED -> {
                throttle.failed(ip);
                return backToSignIn(request, "locked", attempt.lockedUntil());
            }
            case DISABLED -> {
                return backToSignIn(request, "disabled", null);
            }
            default -> {
                throttle.failed(ip);
                model.addAttribute("codeError", "totp.code.wrong");
                return "security/code";
            }
        }
    }

    /** Ends the half sign-in and shows the sign-in page with the reason. */
    private String backToSignIn(HttpServletRequest request, String reason, java.time.Instant until) {
        SecurityContextHolder.clearContext();
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        var session = request.getSession(true);
        session.setAttribute(SignInFailureHandler.REASON, reason);
        if (until != null) {
            session.setAttribute(SignInFailureHandler.UNTIL, until);
        }
        return "redirect:/login?error";
    }
}
