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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Knowledge base", description = "Articles of a school and of the group (write: the school's ICT team; group articles: "
    + "central admin)")
class ArticlesApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record ArticlePatch(@Size(max = 200) String title, @Size(max = 50000) String body, BodyFormat format, Audience audience,
                        Boolean archived, @NotNull Integer version) {}

    private final Schools schools;
    private final Articles articles;

    ArticlesApiController(Schools schools, Articles articles) {
        this.schools = schools;
        this.articles = articles;
    }

    @GetMapping("/api/v1/schools/{code}/articles")
    @Operation(summary = "The articles the caller may read in this school (its own and the group's)", description = "q searches title and text.")
    PageResult<ArticleView> list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return articles.search(schools.visible(code, caller).id(), q, new Paging(page, size), caller);
    }

    @GetMapping("/api/v1/schools/{code}/articles/suggestions")
    @Operation(summary = "Articles that may help with a problem, from the words of its subject")
    List<ArticleView> suggestions(Caller caller, @PathVariable String code, @RequestParam(required = false) String subject) {
        return articles.suggest(schools.visible(code, caller).id(), subject, caller);
    }

    @PostMapping("/api/v1/schools/{code}/articles")
    @Operation(summary = "Write an article", description = "format MARKDOWN|TEXT, audience TEACHERS|ICT_TEAM; group=true: for every school.")
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
    @Operation(summary = "Change or archive an article", description = "A stale version answers 409.")
    ArticleView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody ArticlePatch p) {
        long school = schools.visible(code, caller).id();
        var a = articles.get(school, id, caller);
        var form = new ArticleForm(p.title() == null ? a.title() : p.title(), p.body() == null ? a.body() : p.body(),
            p.format() == null ? a.format() : p.format(), p.audience() == null ? a.audience() : p.audience(), a.group(), p.version());
        return articles.update(school, id, form, p.archived(), caller);
    }
}
