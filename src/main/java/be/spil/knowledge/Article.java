package be.spil.knowledge;

import be.spil.shared.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A knowledge base article; archived, never deleted. */
@Table("kb_article")
class Article {
    @Id Long id;
    Long schoolId;
    String title;
    String body;
    BodyFormat format;
    Audience audience;
    Long categoryId;
    boolean archived;
    String titleKey;
    String searchText;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static Article create(Long schoolId, ArticleForm form, Instant now, String actor) {
        var a = new Article();
        a.schoolId = schoolId;
        a.createdAt = now;
        a.change(form, now, actor);
        return a;
    }

    void change(ArticleForm form, Instant now, String actor) {
        title = form.title().trim();
        body = form.body().strip();
        format = form.format();
        audience = form.audience().normalized();
        categoryId = form.categoryId();
        titleKey = Text.searchKey(title);
        String key = Text.searchKey(title + " " + body);
        searchText = key.length() > 2000 ? key.substring(0, 2000) : key;
        updatedAt = now;
        updatedBy = actor;
    }

    void setArchived(boolean archived, Instant now, String actor) {
        this.archived = archived;
        updatedAt = now;
        updatedBy = actor;
    }

    ArticleView view() {
        return new ArticleView(id, title, body, format, audience, schoolId == null, archived, version, createdAt, updatedAt, updatedBy,
            categoryId, null, java.util.List.of(), java.util.List.of());
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("title", title);
        m.put("body", body.length() > 200 ? body.substring(0, 200) + "…" : body);
        m.put("format", format.name());
        m.put("audience", audience.name());
        m.put("category", categoryId == null ? "" : String.valueOf(categoryId));
        m.put("archived", String.valueOf(archived));
        return m;
    }
}
