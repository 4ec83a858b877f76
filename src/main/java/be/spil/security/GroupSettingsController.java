package be.spil.security;

import be.spil.shared.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school group's security settings, for central admins. */
@Controller
class GroupSettingsController {
    static final String PAGE = "/admin/settings";
    private final GroupSettings settings;

    GroupSettingsController(GroupSettings settings) {
        this.settings = settings;
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
}
