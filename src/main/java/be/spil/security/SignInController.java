package be.spil.security;

import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object reason = session.getAttribute(SignInFailureHandler.REASON);
        if (reason != null) {
            model.addAttribute("reason", reason);
            var until = (java.time.Instant) session.getAttribute(SignInFailureHandler.UNTIL);
            if (until != null) {
                model.addAttribute("until", DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(ZoneId.systemDefault())));
            }
            model.addAttribute("email", session.getAttribute(SignInFailureHandler.EMAIL));
            session.removeAttribute(SignInFailureHandler.REASON);
            session.removeAttribute(SignInFailureHandler.UNTIL);
            session.removeAttribute(SignInFailureHandler.EMAIL);
        }
        return "security/login";
    }
}
