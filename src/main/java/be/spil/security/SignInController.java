package be.spil.security;

import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {
    record Provider(String id, String name) {}

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    /** The configured OpenID providers, one button each on the sign-in page. */
    List<Provider> providers() {
        var list = new ArrayList<Provider>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object o : all) {
                if (o instanceof ClientRegistration r) {
                    list.add(new Provider(r.getRegistrationId(), r.getClientName() == null ? r.getRegistrationId() : r.getClientName()));
                }
            }
        }
        list.sort(Comparator.comparing(Provider::name));
        return list;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        model.addAttribute("providers", providers());
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
