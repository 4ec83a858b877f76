package be.spil.knowledge;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
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

/** The knowledge base pages: list with search (htmx: the results), an article, writing and editing, and suggestions. */
@Controller
class ArticlesController {
    private static final int PAGE_SIZE = 25;
    private final Schools schools;
    private final Articles articles;
    private final Markdown markdown;

    ArticlesController(Schools schools, Articles articles, Markdown markdown) {
        this.schools = schools;
        this.articles = articles;
        this.markdown = markdown;
    }

    @ModelAttribute("formats")
    BodyFormat[] formats() {
        return BodyFormat.values();
    }

    @ModelAttribute("audiences")
    Audience[] audiences() {
        return Audience.values();
    }

    @GetMapping("/schools/{code}/knowledge")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx, Model m) {
        var school = schools.visible(code, caller);
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        m.addAttribute("school", school);
        m.addAttribute("q", query);
        m.addAttribute("result", articles.search(school.id(), query, new Paging(page, PAGE_SIZE), caller));
        m.addAttribute("canWrite", Articles.isTeam(caller, school.id()));
        return htmx != null ? "knowledge/articles :: results" : "knowledge/articles";
    }

    /** The htmx fragment of articles that may help, while somebody types a ticket subject. */
    @GetMapping("/schools/{code}/knowledge/suggestions")
    String suggestions(Caller caller, @PathVariable String code, @RequestParam(required = false) String subject, Model m) {
        var school = schools.visible(code, caller);
        String text = subject == null ? "" : subject.length() > 200 ? subject.substring(0, 200) : subject;
        m.addAttribute("school", school);
        m.addAttribute("suggestions", articles.suggest(school.id(), text, caller));
        return "knowledge/suggestions :: suggestions";
    }

    @GetMapping("/schools/{code}/knowledge/new")
    String newArticle(Caller caller, @PathVariable String code, Model m) {
        var school = schools.visible(code, caller);
        requireWrite(caller, school);
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", ArticleForm.empty());
        }
        return formPage(caller, school, null, m);
    }

    private String formPage(Caller caller, SchoolView school, ArticleView article, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("article", article);
        m.addAttribute("mayWriteGroup", caller.centralAdmin());
        return "knowledge/article-form";
    }

    @PostMapping("/schools/{code}/knowledge")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") ArticleForm form, BindingResult result,
                  Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireWrite(caller, school);
        if (!result.hasErrors()) {
            try {
                var a = articles.create(school.id(), form, caller);
                redirect.addFlashAttribute("message", "article.created");
                return "redirect:/schools/" + school.code() + "/knowledge/" + a.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return formPage(caller, school, null, m);
    }

    @GetMapping("/schools/{code}/knowledge/{id}")
    String show(Caller caller, @PathVariable String code, @PathVariable long id, Model m) {
        var school = schools.visible(code, caller);
        var a = articles.get(school.id(), id, caller);
        m.addAttribute("school", school);
        m.addAttribute("article", a);
        m.addAttribute("articleHtml", markdown.html(a));
        boolean team = Articles.isTeam(caller, school.id());
        m.addAttribute("canEdit", a.group() ? caller.centralAdmin() : team);
        if (team) {
            m.addAttribute("history", articles.history(school.id(), id, caller));
        }
        return "knowledge/article";
    }

    @GetMapping("/schools/{code}/knowledge/{id}/edit")
    String edit(Caller caller, @PathVariable String code, @PathVariable long id, Model m) {
        var school = schools.visible(code, caller);
        var a = articles.get(school.id(), id, caller);
        requireWrite(caller, school);
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", ArticleForm.of(a));
        }
        return formPage(caller, school, a, m);
    }

    @PostMapping("/schools/{code}/knowledge/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") ArticleForm form,
                  BindingResult result, @RequestParam(defaultValue = "false") boolean archived, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var a = articles.get(school.id(), id, caller);
        requireWrite(caller, school);
        if (!result.hasErrors()) {
            try {
                articles.update(school.id(), id, form, archived, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/knowledge/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, m);
                m.addAttribute("form", new ArticleForm(form.title(), form.body(), form.format(), form.audience(), form.group(),
                    e.currentVersion()));
            }
        }
        return formPage(caller, school, a, m);
    }

    private static void requireWrite(Caller caller, SchoolView school) {
        if (!Articles.isTeam(caller, school.id())) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
    }
}
