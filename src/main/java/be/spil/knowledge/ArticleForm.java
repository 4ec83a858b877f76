package be.spil.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;

/**
 * An article as written: for the whole group ({@code group}, central admins) or for the school; with an optional
 * category, free tags (lowercased, at most 10 of 40 characters) and links to hardware models and software titles.
 */
public record ArticleForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 50000) String body,
                          @NotNull BodyFormat format, @NotNull Audience audience, Boolean group, Integer version,
                          Long categoryId, @Size(max = 10) List<@Size(max = 40) String> tags,
                          @Size(max = 20) List<Long> modelIds, @Size(max = 20) List<Long> titleIds) {

    public ArticleForm {
        audience = audience == null ? null : audience.normalized();
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank())
            .map(t -> t.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        modelIds = modelIds == null ? List.of() : modelIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        titleIds = titleIds == null ? List.of() : titleIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** An article without category, tags or links. */
    public ArticleForm(String title, String body, BodyFormat format, Audience audience, Boolean group, Integer version) {
        this(title, body, format, audience, group, version, null, List.of(), List.of(), List.of());
    }

    /** For the whole group: given and true. */
    public boolean forGroup() {
        return Boolean.TRUE.equals(group);
    }

    /** The tags as typed in the form: "a, b". */
    public String tagText() {
        return String.join(", ", tags);
    }

    public static ArticleForm empty() {
        return new ArticleForm("", "", BodyFormat.MARKDOWN, Audience.STAFF, false, null);
    }

    public static ArticleForm of(ArticleView a) {
        return new ArticleForm(a.title(), a.body(), a.format(), a.audience(), a.group(), a.version(), a.categoryId(), a.tags(),
            a.links().stream().filter(l -> l.modelId() != null).map(ArticleView.Link::modelId).toList(),
            a.links().stream().filter(l -> l.titleId() != null).map(ArticleView.Link::titleId).toList());
    }

    ArticleForm withVersion(Integer v) {
        return new ArticleForm(title, body, format, audience, group, v, categoryId, tags, modelIds, titleIds);
    }

    ArticleForm withGroup(boolean g) {
        return new ArticleForm(title, body, format, audience, g, version, categoryId, tags, modelIds, titleIds);
    }
}
