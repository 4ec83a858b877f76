package be.spil.knowledge;

import be.spil.school.Schools;
import be.spil.shared.NotFoundException;
import be.spil.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The school's public knowledge base, without sign-in: only PUBLIC articles (of the school and the group), never others. */
@Controller
class PublicArticlesController {
    private static final int PAGE_SIZE = 25;
    private final Schools schools;
    private final Articles articles;
    private final Markdown markdown;

    PublicArticlesController(Schools schools, Articles articles, Markdown markdown) {
        this.schools = schools;
        this.articles = articles;
        this.markdown = markdown;
    }

    private be.spil.school.SchoolView school(String code) {
        if (code == null || code.length() > 30) {
            throw new NotFoundException("school", code);
        }
        var school = schools.idOfCode(code).map(schools::byId).filter(s -> !s.archived())
            .orElseThrow(() -> new NotFoundException("school", code));
        return school;
    }

    @GetMapping("/kb/{code}")
    String list(@PathVariable String code, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model m) {
        var school = school(code);
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        m.addAttribute("school", school);
        m.addAttribute("q", query);
        m.addAttribute("result", articles.publicSearch(school.id(), query, new Paging(page, PAGE_SIZE)));
        return "knowledge/public-articles";
    }

    @GetMapping("/kb/{code}/{id}")
    String show(@PathVariable String code, @PathVariable long id, Model m) {
        var school = school(code);
        var a = articles.publicGet(school.id(), id);
        m.addAttribute("school", school);
        m.addAttribute("article", a);
        m.addAttribute("articleHtml", markdown.html(a));
        return "knowledge/public-article";
    }
}
