package be.spil.inventory;

import be.spil.inventory.Software.LicenceForm;
import be.spil.inventory.Software.TitleForm;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import be.spil.directory.Organisations;
import jakarta.validation.Valid;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Software pages: the titles (htmx: the filtered results), a title with its licences, a licence, compliance, installs. */
@Controller
class SoftwareController {
    private static final int PAGE_SIZE = 50;

    private final Schools schools;
    private final Software software;
    private final Assets assets;
    private final Organisations organisations;

    SoftwareController(Schools schools, Software software, Assets assets, Organisations organisations) {
        this.schools = schools;
        this.software = software;
        this.assets = assets;
        this.organisations = organisations;
    }

    @ModelAttribute("softwareCategories")
    SoftwareCategory[] categories() {
        return SoftwareCategory.values();
    }

    @ModelAttribute("platforms")
    SoftwarePlatform[] platforms() {
        return SoftwarePlatform.values();
    }

    @ModelAttribute("licenceTypes")
    LicenceType[] licenceTypes() {
        return LicenceType.values();
    }

    // ---- titles ----

    @GetMapping("/schools/{code}/software")
    String titles(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                  @RequestParam(defaultValue = "false") boolean archived, @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model m) {
        var school = schools.visible(code, caller);
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        m.addAttribute("result", software.titles(school.id(), query, archived, new Paging(page, PAGE_SIZE), caller));
        m.addAttribute("q", query);
        m.addAttribute("archived", archived);
        if (htmx != null) {
            m.addAttribute("school", school);
            return "inventory/software :: results";
        }
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", TitleForm.empty());
        }
        return titlesPage(caller, school, m);
    }

    private String titlesPage(Caller caller, SchoolView school, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("canManage", Software.canManage(caller, school.id()));
        m.addAttribute("expiring", software.expiring(school.id(), caller).size());
        return "inventory/software";
    }

    @PostMapping("/schools/{code}/software/titles")
    String createTitle(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") TitleForm form,
                       BindingResult result, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        require(Software.canManage(caller, school.id()));
        if (!result.hasErrors()) {
            try {
                var title = software.createTitle(school.id(), form, caller);
                redirect.addFlashAttribute("message", "software.created");
                return "redirect:/schools/" + school.code() + "/software/titles/" + title.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        m.addAttribute("result", software.titles(school.id(), null, false, new Paging(0, PAGE_SIZE), caller));
        m.addAttribute("q", "");
        m.addAttribute("archived", false);
        return titlesPage(caller, school, m);
    }

    @GetMapping("/schools/{code}/software/titles/{id}")
    String title(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
                 Model m) {
        var school = schools.visible(code, caller);
        var title = software.title(school.id(), id, caller);
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", TitleForm.of(title));
        }
        return titlePage(caller, school, title, page, m);
    }

    private String titlePage(Caller caller, SchoolView school, Software.TitleView title, int page, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("softwareTitle", title);
        m.addAttribute("licences", software.licences(school.id(), title.id(), false, new Paging(0, Paging.MAX_SIZE), caller));
        m.addAttribute("installations", software.installations(school.id(), title.id(), null, new Paging(page, PAGE_SIZE), caller));
        m.addAttribute("history", software.titleHistory(school.id(), title.id(), caller));
        m.addAttribute("canManage", Software.canManage(caller, school.id()));
        m.addAttribute("canManageLicences", Software.canManageLicences(caller, school.id()));
        return "inventory/software-title";
    }

    @PostMapping("/schools/{code}/software/titles/{id}")
    String updateTitle(Caller caller, @PathVariable String code, @PathVariable long id,
                       @Valid @ModelAttribute("form") TitleForm form, BindingResult result, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var title = software.title(school.id(), id, caller);
        require(Software.canManage(caller, school.id()));
        if (!result.hasErrors()) {
            try {
                software.updateTitle(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/software/titles/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, m);
                m.addAttribute("form", new TitleForm(form.name(), form.publisher(), form.category(), form.platform(),
                    e.currentVersion()));
                title = software.title(school.id(), id, caller);
            }
        }
        return titlePage(caller, school, title, 0, m);
    }

    @PostMapping("/schools/{code}/software/titles/{id}/archived")
    String archiveTitle(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam boolean archived,
                        @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        software.title(school.id(), id, caller);
        require(Software.canManage(caller, school.id()));
        try {
            software.setTitleArchived(school.id(), id, archived, version, caller);
            redirect.addFlashAttribute("message", archived ? "software.archived" : "software.restored");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "software.stale"));
        }
        return "redirect:/schools/" + school.code() + "/software/titles/" + id;
    }

    // ---- licences ----

    @GetMapping("/schools/{code}/software/licences/new")
    String newLicence(Caller caller, @PathVariable String code, @RequestParam long title, Model m) {
        var school = schools.visible(code, caller);
        var t = software.title(school.id(), title, caller);
        require(Software.canManageLicences(caller, school.id()));
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", LicenceForm.empty(t.id()));
        }
        return licencePage(caller, school, t, null, m);
    }

    private String licencePage(Caller caller, SchoolView school, Software.TitleView title, Software.LicenceView licence, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("softwareTitle", title);
        m.addAttribute("licence", licence);
        m.addAttribute("suppliers", organisations.search(null, null, false, new Paging(0, Paging.MAX_SIZE)).items());
        m.addAttribute("canManageLicences", Software.canManageLicences(caller, school.id()));
        if (licence != null) {
            m.addAttribute("history", software.licenceHistory(school.id(), licence.id(), caller));
        }
        return "inventory/licence";
    }

    @PostMapping("/schools/{code}/software/licences")
    String createLicence(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") LicenceForm form,
                         BindingResult result, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        require(Software.canManageLicences(caller, school.id()));
        if (form.titleId() == null) {
            throw new be.spil.shared.NotFoundException("software title", 0L);
        }
        var title = software.title(school.id(), form.titleId(), caller);
        if (!result.hasErrors()) {
            try {
                var licence = software.createLicence(school.id(), form, caller);
                redirect.addFlashAttribute("message", "licence.created");
                return "redirect:/schools/" + school.code() + "/software/licences/" + licence.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return licencePage(caller, school, title, null, m);
    }

    @GetMapping("/schools/{code}/software/licences/{id}")
    String licence(Caller caller, @PathVariable String code, @PathVariable long id, Model m) {
        var school = schools.visible(code, caller);
        var licence = software.licence(school.id(), id, caller);
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", LicenceForm.of(licence));
        }
        return licencePage(caller, school, software.title(school.id(), licence.titleId(), caller), licence, m);
    }

    @PostMapping("/schools/{code}/software/licences/{id}")
    String updateLicence(Caller caller, @PathVariable String code, @PathVariable long id,
                         @Valid @ModelAttribute("form") LicenceForm form, BindingResult result, Model m,
                         RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var licence = software.licence(school.id(), id, caller);
        require(Software.canManageLicences(caller, school.id()));
        if (!result.hasErrors()) {
            try {
                software.updateLicence(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/software/licences/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, m);
                m.addAttribute("form", new LicenceForm(form.titleId(), form.type(), form.seats(), form.cost(), form.startDate(),
                    form.endDate(), form.supplierId(), form.reference(), form.licenceKey(), form.clearKey(), form.notes(),
                    e.currentVersion()));
                licence = software.licence(school.id(), id, caller);
            }
        }
        return licencePage(caller, school, software.title(school.id(), licence.titleId(), caller), licence, m);
    }

    @PostMapping("/schools/{code}/software/licences/{id}/archived")
    String archiveLicence(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam boolean archived,
                          @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        software.licence(school.id(), id, caller);
        require(Software.canManageLicences(caller, school.id()));
        try {
            software.setLicenceArchived(school.id(), id, archived, version, caller);
            redirect.addFlashAttribute("message", archived ? "licence.archived" : "licence.restored");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "software.stale"));
        }
        return "redirect:/schools/" + school.code() + "/software/licences/" + id;
    }

    // ---- compliance ----

    @GetMapping("/schools/{code}/software/compliance")
    String compliance(Caller caller, @PathVariable String code, Model m) {
        var school = schools.visible(code, caller);
        m.addAttribute("school", school);
        m.addAttribute("compliance", software.compliance(school.id(), caller));
        return "inventory/compliance";
    }

    // ---- installations (from the asset's page) ----

    /** The form to record a title as installed on an asset: a page of its own, so the asset's page need not list every title. */
    @GetMapping("/schools/{code}/assets/{id}/software/install")
    String installForm(Caller caller, @PathVariable String code, @PathVariable long id, Model m) {
        var school = schools.visible(code, caller);
        var asset = assets.get(school.id(), id, caller);
        require(Software.canManage(caller, school.id()));
        m.addAttribute("school", school);
        m.addAttribute("asset", asset);
        m.addAttribute("titles", software.titleChoices(school.id(), caller));
        return "inventory/asset-install";
    }

    @PostMapping("/schools/{code}/assets/{id}/software")
    String install(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) Long titleId,
                   @RequestParam(required = false) String versionText, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        assets.get(school.id(), id, caller);
        require(Software.canManage(caller, school.id()));
        try {
            if (titleId == null) {
                throw FieldErrorsException.of("titleId", "software.title.required");
            }
            if (versionText != null && versionText.length() > 100) {
                throw FieldErrorsException.of("versionText", "error.tooLong", 100);
            }
            software.install(school.id(), new Software.InstallForm(id, titleId, versionText, null), caller);
            redirect.addFlashAttribute("message", "software.installed");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        }
        return "redirect:/schools/" + school.code() + "/assets/" + id + "#software";
    }

    @PostMapping("/schools/{code}/software/installations/{id}/remove")
    String uninstall(Caller caller, @PathVariable String code, @PathVariable long id,
                     @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var installation = software.installation(school.id(), id, caller);
        require(Software.canManage(caller, school.id()));
        try {
            software.uninstall(school.id(), id, version, caller);
            redirect.addFlashAttribute("message", "software.uninstalled");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "software.stale"));
        }
        return "redirect:/schools/" + school.code() + "/assets/" + installation.assetId() + "#software";
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed");
        }
    }
}
