package be.spil.knowledge;

import be.spil.inventory.Assets;
import be.spil.inventory.Software;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
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
    private final Assets assets;
    private final Software software;

    ArticlesController(Schools schools, Articles articles, Markdown markdown, Assets assets, Software software) {
        this.schools = schools;
        this.articles = articles;
        this.markdown = markdown;
        this.assets = assets;
        this.software = software;
    }

    @ModelAttribute("formats")
    BodyFormat[] formats() {
        return BodyFormat.values();
    }

    @ModelAttribute("audiences")
    Audience[] audiences() {
        return Audience.choices();
    }

    @GetMapping("/schools/{code}/knowledge")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long category, @RequestParam(required = false) String tag,
                @RequestParam(required = false) Long model, @RequestParam(required = false) Long title,
                @RequestParam(required = false) Long answer,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx, Model m) {
        var school = schools.visible(code, caller);
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        String tagText = tag == null ? "" : tag.length() > 40 ? tag.substring(0, 40) : tag.strip();
        m.addAttribute("school", school);
        m.addAttribute("q", query);
        m.addAttribute("category", category);
        m.addAttribute("tag", tagText);
        m.addAttribute("modelId", model);
        m.addAttribute("titleId", title);
        m.addAttribute("categories", articles.categories(school.id(), caller));
        m.addAttribute("mayWriteGroup", caller.centralAdmin());
        m.addAttribute("answer", answer != null && answer > 0 && Articles.isTeam(caller, school.id()) ? answer : null);
        m.addAttribute("pagerQuery", "?q=" + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8)
            + (category == null ? "" : "&category=" + category) + (tagText.isEmpty() ? "" : "&tag=" + UriUtils.encodeQueryParam(tagText, StandardCharsets.UTF_8))
            + (model == null ? "" : "&model=" + model) + (title == null ? "" : "&title=" + title)
            + (answer == null ? "" : "&answer=" + answer));
        m.addAttribute("result", articles.search(school.id(), new Articles.ArticleFilter(query, category, tagText, model, title),
            new Paging(page, PAGE_SIZE), caller));
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

    /**
     * The htmx fragment of the manuals of a hardware model and/or a software title (for an asset page:
     * {@code hx-get="/schools/{code}/knowledge/manuals?model=…"}); empty when there are none.
     */
    @GetMapping("/schools/{code}/knowledge/manuals")
    String manuals(Caller caller, @PathVariable String code, @RequestParam(required = false) Long model,
                   @RequestParam(required = false) Long title, Model m) {
        var school = schools.visible(code, caller);
        var list = new java.util.LinkedHashMap<Long, ArticleView>();
        if (model != null) {
            articles.forModel(school.id(), model, caller).forEach(a -> list.put(a.id(), a));
        }
        if (title != null) {
            articles.forTitle(school.id(), title, caller).forEach(a -> list.put(a.id(), a));
        }
        m.addAttribute("school", school);
        m.addAttribute("manuals", List.copyOf(list.values()));
        return "knowledge/manuals :: manuals";
    }

    @GetMapping("/schools/{code}/knowledge/new")
    String newArticle(Caller caller, @PathVariable String code, @RequestParam(required = false) String title,
                      @RequestParam(required = false) String body, Model m) {
        var school = schools.visible(code, caller);
        requireWrite(caller, school);
        if (!m.containsAttribute("form")) {
            // a draft from a link (e.g. a resolved ticket: Articles.draftLink), cut to the form's limits
            var empty = ArticleForm.empty();
            m.addAttribute("form", new ArticleForm(title == null ? "" : title.length() > 200 ? title.substring(0, 200) : title,
                body == null ? "" : body.length() > 50000 ? body.substring(0, 50000) : body, empty.format(), empty.audience(), false, null));
        }
        return formPage(caller, school, null, m);
    }

    private String formPage(Caller caller, SchoolView school, ArticleView article, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("article", article);
        m.addAttribute("mayWriteGroup", caller.centralAdmin());
        m.addAttribute("categories", articles.categories(school.id(), caller));
        m.addAttribute("models", assets.models(null, null, new Paging(0, Paging.MAX_SIZE)).items());
        m.addAttribute("titles", software.titleChoices(school.id(), caller));
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
        m.addAttribute("myVote", articles.myVote(school.id(), id, caller));
        if (team) {
            m.addAttribute("history", articles.history(school.id(), id, caller));
            m.addAttribute("versions", articles.versions(school.id(), id, caller));
            m.addAttribute("votes", articles.votes(school.id(), id, caller));
        }
        return "knowledge/article";
    }

    @GetMapping("/schools/{code}/knowledge/{id}/versions/{version}")
    String version(Caller caller, @PathVariable String code, @PathVariable long id, @PathVariable int version, Model m) {
        var school = schools.visible(code, caller);
        var a = articles.get(school.id(), id, caller);
        var v = articles.version(school.id(), id, version, caller);
        m.addAttribute("school", school);
        m.addAttribute("article", a);
        m.addAttribute("old", v);
        m.addAttribute("oldHtml", markdown.html(v.body(), v.format()));
        return "knowledge/version";
    }

    @PostMapping("/schools/{code}/knowledge/{id}/vote")
    String vote(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) String helpful,
                RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!"true".equals(helpful) && !"false".equals(helpful)) {
            articles.get(school.id(), id, caller);
            redirect.addFlashAttribute("voteError", true);
            return "redirect:/schools/" + school.code() + "/knowledge/" + id;
        }
        articles.vote(school.id(), id, Boolean.parseBoolean(helpful), caller);
        redirect.addFlashAttribute("message", "article.voted");
        return "redirect:/schools/" + school.code() + "/knowledge/" + id;
    }

    /**
     * Answers a ticket with an article: back to the ticket page with the reply (title, summary, link) in its comment
     * field, to read over and send there. The helpdesk's page is only linked to, by its address.
     */
    @PostMapping("/schools/{code}/knowledge/answer")
    String answer(Caller caller, @PathVariable String code, @RequestParam long ticket, @RequestParam long article,
                  RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireWrite(caller, school);
        if (ticket <= 0) {
            throw new be.spil.shared.NotFoundException("ticket", ticket);
        }
        var reply = articles.reply(school.id(), school.code(), article, caller);
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(reply.path()).toUriString();
        redirect.addFlashAttribute("commentBody", reply.title() + "\n\n" + reply.summary() + "\n\n" + link);
        return "redirect:/schools/" + school.code() + "/tickets/" + ticket;
    }

    @PostMapping("/schools/{code}/knowledge/categories")
    String createCategory(Caller caller, @PathVariable String code, @RequestParam(required = false) String name,
                          @RequestParam(defaultValue = "false") boolean group, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireWrite(caller, school);
        try {
            articles.createCategory(school.id(), name, group, caller);
            redirect.addFlashAttribute("message", "article.category.created");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("categoryError", e.errors().get(0).code());
            redirect.addFlashAttribute("categoryName", name == null ? "" : name.length() > 60 ? name.substring(0, 60) : name);
        }
        return "redirect:/schools/" + school.code() + "/knowledge";
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
                m.addAttribute("form", form.withVersion(e.currentVersion()));
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
