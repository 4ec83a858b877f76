package be.spil.security;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own page: change password, second factor, personal API tokens. */
@Controller
class ProfileController {
    record PasswordForm(String current, String next, String repeat) {}

    private final Accounts accounts;
    private final ApiTokens tokens;

    ProfileController(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/profile")
    String profile(Caller caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller.personId()));
        model.addAttribute("hasPassword", accounts.hasPassword(caller.personId()));
        model.addAttribute("totpEnabled", accounts.totpEnabled(caller.personId()));
        return "security/profile";
    }

    @GetMapping("/profile/password")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "security/password";
    }

    @PostMapping("/profile/password")
    String changePassword(Caller caller, @ModelAttribute("form") PasswordForm form, BindingResult result, RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(caller.personId(), form.current(), form.next(), form.repeat());
        } catch (FieldErrorsException e) {
            e.errors().forEach(err -> result.rejectValue(err.field(), err.code(), err.args(), err.code()));
            return "security/password";
        }
        redirect.addFlashAttribute("message", "password.changed");
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(Caller caller, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            var made = tokens.create(caller.personId(), name);
            redirect.addFlashAttribute("newToken", made.token());
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("tokenError", e.errors().get(0).code());
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(Caller caller, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(caller.personId(), id);
        redirect.addFlashAttribute("message", "token.revoked");
        return "redirect:/profile";
    }
}
