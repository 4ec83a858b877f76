package be.spil.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * An article as readers and the API see it; {@code group} means it is for every school of the group. Links are to
 * a hardware model ({@code modelId}) or a software title ({@code titleId}) with the name at the time of linking.
 */
public record ArticleView(long id, String title, String body, BodyFormat format, Audience audience, boolean group,
                          boolean archived, int version, Instant createdAt, Instant updatedAt, String updatedBy,
                          Long categoryId, String category, List<String> tags, List<Link> links) {

    public record Link(Long modelId, Long titleId, String label) {}

    ArticleView with(String categoryName, List<String> tagList, List<Link> linkList) {
        return new ArticleView(id, title, body, format, audience, group, archived, version, createdAt, updatedAt, updatedBy,
            categoryId, categoryName, tagList, linkList);
    }
}
