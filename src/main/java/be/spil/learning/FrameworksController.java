package be.spil.learning;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The competence frameworks: the list, one framework with its source and attribution, and a school's import. */
@Controller
class FrameworksController {
    private final Frameworks frameworks;
    private final Schools schools;

    private final Onderwijsdoelen onderwijsdoelen;

    FrameworksController(Frameworks frameworks, Schools schools, Onderwijsdoelen onderwijsdoelen) {
        this.frameworks = frameworks;
        this.schools = schools;
        this.onderwijsdoelen = onderwijsdoelen;
    }

    @GetMapping("/frameworks")
    String list(Caller caller, Model model) {
        model.addAttribute("frameworks", frameworks.list(caller, null));
        return "learning/frameworks";
    }

    @GetMapping("/frameworks/{id}")
    String show(Caller caller, @PathVariable long id, Model model) {
        var f = frameworks.get(id, caller);
        model.addAttribute("framework", f);
        model.addAttribute("english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));
        return "learning/framework";
    }

    @GetMapping("/schools/{code}/learning/import")
    String importPage(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        model.addAttribute("school", school);
        model.addAttribute("apiConfigured", onderwijsdoelen.apiConfigured());
        if (!model.containsAttribute("meta")) {
            model.addAttribute("meta", new Frameworks.Meta("", "", "", "", "PUPIL", "", "", "", ""));
        }
        return "learning/import";
    }

    @PostMapping("/schools/{code}/learning/import")
    String importFile(Caller caller, @PathVariable String code, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "") String frameworkCode, @RequestParam(defaultValue = "") String version,
                      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String nameEn,
                      @RequestParam(defaultValue = "PUPIL") String audience, @RequestParam(defaultValue = "") String levels,
                      @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String licence,
                      @RequestParam(defaultValue = "") String attribution, @RequestParam(defaultValue = "false") boolean group,
                      @RequestParam(defaultValue = "false") boolean onderwijsdoelen,
                      @RequestParam(defaultValue = "true") boolean dryRun, Model model, RedirectAttributes redirect) throws IOException {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        model.addAttribute("apiConfigured", this.onderwijsdoelen.apiConfigured());
        model.addAttribute("onderwijsdoelen", onderwijsdoelen);
        var meta = new Frameworks.Meta(frameworkCode, version, name, nameEn, audience, levels, source, licence, attribution);
        model.addAttribute("school", school);
        model.addAttribute("meta", meta);
        model.addAttribute("group", group);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "learning.import.empty");
            return "learning/import";
        }
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes(FrameworkFile.MAX_BYTES + 1);
            var result = onderwijsdoelen
                ? this.onderwijsdoelen.importExport(bytes, new Onderwijsdoelen.Target(frameworkCode, version, name, nameEn), dryRun,
                    LocaleContextHolder.getLocale(), caller)
                : frameworks.importFile(group ? null : school.id(), bytes, meta, dryRun, LocaleContextHolder.getLocale(), caller);
            if (!dryRun && result.errors().isEmpty()) {
                redirect.addFlashAttribute("message", "learning.import.done");
                return "redirect:/frameworks/" + result.id();
            }
            model.addAttribute("result", result);
        } catch (FieldErrorsException e) {
            model.addAttribute("problems", e.errors());
        }
        return "learning/import";
    }

    /** The server fetches goals from the official Onderwijsdoelen API (central admin, API key configured). */
    @PostMapping("/schools/{code}/learning/import/fetch")
    String fetch(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "") String query,
                 @RequestParam(defaultValue = "") String frameworkCode, @RequestParam(defaultValue = "") String version,
                 @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "true") boolean dryRun, Model model,
                 RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireCentralAdmin();
        model.addAttribute("school", school);
        model.addAttribute("meta", new Frameworks.Meta(frameworkCode, version, name, "", "PUPIL", "", "", "", ""));
        model.addAttribute("apiConfigured", onderwijsdoelen.apiConfigured());
        try {
            var result = onderwijsdoelen.fetch(query, new Onderwijsdoelen.Target(frameworkCode, version, name, ""), dryRun,
                LocaleContextHolder.getLocale(), caller);
            if (!dryRun && result.errors().isEmpty()) {
                redirect.addFlashAttribute("message", "learning.import.done");
                return "redirect:/frameworks/" + result.id();
            }
            model.addAttribute("result", result);
        } catch (FieldErrorsException e) {
            model.addAttribute("problems", e.errors());
        }
        return "learning/import";
    }
}
