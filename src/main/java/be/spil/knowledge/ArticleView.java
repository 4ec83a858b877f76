package be.spil.knowledge;

import java.time.Instant;

/** An article as readers and the API see it; {@code group} means it is for every school of the group. */
public record ArticleView(long id, String title, String body, BodyFormat format, Audience audience, boolean group,
                          boolean archived, int version, Instant createdAt, Instant updatedAt, String updatedBy) {}
