package be.spil.security;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own second factor: enrol an authenticator app (secret and QR code, confirmed by a first code), or switch it off. */
@Controller
class TotpController {
    static final String ISSUER = "Spil";
    private final Accounts accounts;
    private final MessageSource messages;

    TotpController(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(CallerRefreshFilter.ENROL_PAGE)
    String page(Caller caller, Model model, org.springframework.security.core.Authentication auth) {
        model.addAttribute("required", auth.getPrincipal() instanceof SpilPrincipal p && p.mustEnrolTotp());
        return show(caller, model);
    }

    @PostMapping(CallerRefreshFilter.ENROL_PAGE)
    String confirm(Caller caller, @RequestParam(defaultValue = "") String code, Model model, RedirectAttributes redirect) {
        try {
            accounts.confirmTotp(caller.personId(), code.length() > 20 ? "" : code);
        } catch (FieldErrorsException e) {
            model.addAttribute("codeError", e.errors().get(0).code());
            return show(caller, model);
        }
        redirect.addFlashAttribute("message", "totp.enabled");
        return "redirect:/profile";
    }

    @PostMapping(CallerRefreshFilter.ENROL_PAGE + "/disable")
    String disable(Caller caller, @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
                   Model model, RedirectAttributes redirect) {
        try {
            accounts.disableTotp(caller.personId(), code.length() > 20 ? "" : code, password.length() > 200 ? "" : password);
        } catch (FieldErrorsException e) {
            e.errors().forEach(err -> model.addAttribute(err.field() + "Error", err.code()));
            return show(caller, model);
        }
        redirect.addFlashAttribute("message", "totp.disabled");
        return "redirect:/profile";
    }

    private String show(Caller caller, Model model) {
        var secret = accounts.totpEnrolment(caller.personId());
        model.addAttribute("enabled", secret.isEmpty());
        model.addAttribute("hasPassword", accounts.hasPassword(caller.personId()));
        secret.ifPresent(s -> {
            String uri = Totp.uri(ISSUER, caller.email() == null ? "person-" + caller.personId() : caller.email(), s);
            model.addAttribute("secret", Totp.grouped(s));
            model.addAttribute("qr", QrCodes.svg(uri, messages.getMessage("totp.qr", null, LocaleContextHolder.getLocale())));
            model.addAttribute("uri", uri);
        });
        return "security/totp";
    }
}
