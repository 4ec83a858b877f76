package be.spil.knowledge;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Knowledge base", description = "Articles of a school and of the group (write: the school's ICT team; group articles: "
    + "central admin)")
class ArticlesApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record ArticlePatch(@Size(max = 200) String title, @Size(max = 50000) String body, BodyFormat format, Audience audience,
                        Boolean archived, @NotNull Integer version, Long categoryId, @Size(max = 10) List<@Size(max = 40) String> tags,
                        @Size(max = 20) List<Long> modelIds, @Size(max = 20) List<Long> titleIds) {}

    record NewCategory(@jakarta.validation.constraints.NotBlank @Size(max = 60) String name, Boolean group) {}

    record Vote(@NotNull Boolean helpful) {}

    private final Schools schools;
    private final Articles articles;

    ArticlesApiController(Schools schools, Articles articles) {
        this.schools = schools;
        this.articles = articles;
    }

    @GetMapping("/api/v1/schools/{code}/articles")
    @Operation(summary = "The articles the caller may read in this school (its own and the group's)",
        description = "q searches title and text (PostgreSQL: Dutch full text, title matches first); category, tag, model (hardware "
            + "model id) and title (software title id) filter; model/title list an asset's manuals.")
    PageResult<ArticleView> list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Long category, @RequestParam(required = false) String tag,
                                 @RequestParam(required = false) Long model, @RequestParam(required = false) Long title,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return articles.search(schools.visible(code, caller).id(), new Articles.ArticleFilter(q, category, tag, model, title),
            new Paging(page, size), caller);
    }

    @GetMapping("/api/v1/schools/{code}/articles/categories")
    @Operation(summary = "The article categories of the school and of the group")
    List<Articles.Category> categories(Caller caller, @PathVariable String code) {
        return articles.categories(schools.visible(code, caller).id(), caller);
    }

    @PostMapping("/api/v1/schools/{code}/articles/categories")
    @Operation(summary = "Add an article category", description = "group=true: for every school (central admin).")
    ResponseEntity<Articles.Category> createCategory(Caller caller, @PathVariable String code, @Valid @RequestBody NewCategory body) {
        var school = schools.visible(code, caller);
        var c = articles.createCategory(school.id(), body.name(), Boolean.TRUE.equals(body.group()), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/articles/categories")).body(c);
    }

    @GetMapping("/api/v1/schools/{code}/articles/{id}/versions")
    @Operation(summary = "The earlier texts of an article, newest first (ICT team)")
    List<Articles.Version> versions(Caller caller, @PathVariable String code, @PathVariable long id) {
        return articles.versions(schools.visible(code, caller).id(), id, caller);
    }

    @GetMapping("/api/v1/schools/{code}/articles/{id}/versions/{version}")
    @Operation(summary = "One earlier text of an article (ICT team)")
    Articles.Version version(Caller caller, @PathVariable String code, @PathVariable long id, @PathVariable int version) {
        return articles.version(schools.visible(code, caller).id(), id, version, caller);
    }

    @PutMapping("/api/v1/schools/{code}/articles/{id}/vote")
    @Operation(summary = "Was this article helpful? One vote per person, changeable")
    ResponseEntity<Void> vote(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody Vote body) {
        articles.vote(schools.visible(code, caller).id(), id, body.helpful(), caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/schools/{code}/articles/{id}/votes")
    @Operation(summary = "How many found the article helpful or not (ICT team)")
    Articles.Votes votes(Caller caller, @PathVariable String code, @PathVariable long id) {
        return articles.votes(schools.visible(code, caller).id(), id, caller);
    }

    @GetMapping("/api/v1/schools/{code}/articles/{id}/reply")
    @Operation(summary = "Title, link and a short plain-text summary of an article, to answer a ticket with")
    Articles.Reply reply(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return articles.reply(school.id(), school.code(), id, caller);
    }

    @GetMapping("/api/v1/schools/{code}/articles/suggestions")
    @Operation(summary = "Articles that may help with a problem, from the words of its subject")
    List<ArticleView> suggestions(Caller caller, @PathVariable String code, @RequestParam(required = false) String subject) {
        return articles.suggest(schools.visible(code, caller).id(), subject, caller);
    }

    @PostMapping("/api/v1/schools/{code}/articles")
    @Operation(summary = "Write an article", description = "format MARKDOWN|TEXT, audience PUBLIC|EVERYONE|STAFF|ICT_TEAM (TEACHERS = STAFF); group=true: for every school; "
        + "categoryId, tags, modelIds (hardware models), titleIds (software titles of the school) optional.")
    ResponseEntity<ArticleView> create(Caller caller, @PathVariable String code, @Valid @RequestBody ArticleForm body) {
        var school = schools.visible(code, caller);
        var a = articles.create(school.id(), body, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/articles/" + a.id())).body(a);
    }

    @GetMapping("/api/v1/schools/{code}/articles/{id}")
    @Operation(summary = "One article")
    ArticleView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return articles.get(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/api/v1/schools/{code}/articles/{id}")
    @Operation(summary = "Change or archive an article", description = "A stale version answers 409; categoryId 0 removes the category. "
        + "The replaced text is kept as a version.")
    ArticleView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody ArticlePatch p) {
        long school = schools.visible(code, caller).id();
        var a = articles.get(school, id, caller);
        var current = ArticleForm.of(a);
        var form = new ArticleForm(p.title() == null ? a.title() : p.title(), p.body() == null ? a.body() : p.body(),
            p.format() == null ? a.format() : p.format(), p.audience() == null ? a.audience() : p.audience(), a.group(), p.version(),
            p.categoryId() == null ? a.categoryId() : p.categoryId() == 0 ? null : p.categoryId(),
            p.tags() == null ? current.tags() : p.tags(), p.modelIds() == null ? current.modelIds() : p.modelIds(),
            p.titleIds() == null ? current.titleIds() : p.titleIds());
        return articles.update(school, id, form, p.archived(), caller);
    }
}
