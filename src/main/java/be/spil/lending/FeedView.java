package be.spil.lending;

import java.time.Instant;

/** A calendar feed: of the person who made it, or of a pool; {@code url} is only known right after it is made. */
public record FeedView(long id, Long poolId, String pool, Instant createdAt, String url) {}
