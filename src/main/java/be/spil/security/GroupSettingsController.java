package be.spil.security;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school group's security settings, for central admins; also resetting a person's second factor. */
@Controller
class GroupSettingsController {
    static final String PAGE = "/admin/settings";
    private final GroupSettings settings;
    private final Accounts accounts;

    GroupSettingsController(GroupSettings settings, Accounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String page(Caller caller, Model model) {
        model.addAttribute("settings", settings.view(caller));
        return "security/settings";
    }

    @PostMapping(PAGE)
    String save(Caller caller, @RequestParam(defaultValue = "false") boolean requireMfaForCentralAdmins, RedirectAttributes redirect) {
        settings.setRequireMfaForCentralAdmins(requireMfaForCentralAdmins, caller);
        redirect.addFlashAttribute("message", "settings.saved");
        return "redirect:" + PAGE;
    }

    /** Switches off a person's second factor, e.g. when they lost their phone. */
    @PostMapping(PAGE + "/reset-totp")
    String resetTotp(Caller caller, @RequestParam(defaultValue = "") String email, Model model, RedirectAttributes redirect) {
        try {
            accounts.resetTotp(email.trim(), caller);
        } catch (FieldErrorsException e) {
            model.addAttribute("settings", settings.view(caller));
            model.addAttribute("resetEmail", email.length() > 320 ? email.substring(0, 320) : email);
            model.addAttribute("resetError", e.errors().get(0).code());
            return "security/settings";
        }
        redirect.addFlashAttribute("message", "totp.reset.done");
        return "redirect:" + PAGE;
    }
}
