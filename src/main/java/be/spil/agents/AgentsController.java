package be.spil.agents;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of automatic inventory: agents of a school, its agent keys, a computer's reported details. */
@Controller
class AgentsController {
    private final Schools schools;
    private final AgentKeys keys;
    private final AgentViews views;

    AgentsController(Schools schools, AgentKeys keys, AgentViews views) {
        this.schools = schools;
        this.keys = keys;
        this.views = views;
    }

    @GetMapping("/schools/{code}/agents")
    String agents(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean stale,
                  @RequestParam(defaultValue = "0") int page, Model m) {
        var school = schools.visible(code, caller);
        m.addAttribute("school", school);
        m.addAttribute("stale", stale);
        m.addAttribute("staleDays", views.staleDays());
        m.addAttribute("result", views.agents(school.id(), stale, new Paging(Math.max(0, page), 50), caller));
        m.addAttribute("canManage", caller.canManage(school.id()));
        return "agents/agents";
    }

    @GetMapping("/schools/{code}/agent-keys")
    String keys(Caller caller, @PathVariable String code, Model m) {
        var school = schools.visible(code, caller);
        m.addAttribute("school", school);
        m.addAttribute("keys", keys.list(school.id(), caller));
        return "agents/keys";
    }

    @PostMapping("/schools/{code}/agent-keys")
    String createKey(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            var made = keys.create(school.id(), name, caller);
            redirect.addFlashAttribute("newKey", made.key());
            // the OCS agent decodes its --user and --password from base64 before use
            var base64 = java.util.Base64.getEncoder();
            redirect.addFlashAttribute("ocsUser", base64.encodeToString(school.code().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            redirect.addFlashAttribute("ocsPassword", base64.encodeToString(made.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("keyError", e.errors().get(0).code());
            redirect.addFlashAttribute("keyName", name.length() > 100 ? name.substring(0, 100) : name);
        }
        return "redirect:/schools/" + school.code() + "/agent-keys";
    }

    @PostMapping("/schools/{code}/agent-keys/{id}/revoke")
    String revoke(Caller caller, @PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        keys.revoke(school.id(), id, caller);
        redirect.addFlashAttribute("message", "agentKey.revoked");
        return "redirect:/schools/" + school.code() + "/agent-keys";
    }

    @GetMapping("/schools/{code}/assets/{tag}/computer")
    String computer(Caller caller, @PathVariable String code, @PathVariable String tag, Model m) {
        var school = schools.visible(code, caller);
        m.addAttribute("school", school);
        m.addAttribute("computer", views.computer(school.id(), tag, caller));
        m.addAttribute("staleDays", views.staleDays());
        return "agents/computer";
    }
}
