package be.spil.knowledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An article as written: for the whole group ({@code group}, central admins) or for the school. */
public record ArticleForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 50000) String body,
                          @NotNull BodyFormat format, @NotNull Audience audience, Boolean group, Integer version) {
    /** For the whole group: given and true. */
    public boolean forGroup() {
        return Boolean.TRUE.equals(group);
    }

    public static ArticleForm empty() {
        return new ArticleForm("", "", BodyFormat.MARKDOWN, Audience.TEACHERS, false, null);
    }

    public static ArticleForm of(ArticleView a) {
        return new ArticleForm(a.title(), a.body(), a.format(), a.audience(), a.group(), a.version());
    }
}
