package be.spil.shared;

import java.util.Map;

/**
 * A card on the home page, contributed by a module as a bean (like {@link NavEntry}), so the dashboard needs no
 * module to show that module's figures. For the school the person works in, the dashboard asks each card for its
 * values and renders {@code template} (a Thymeleaf template with a fragment {@code card}) with them as {@code card};
 * the page's own values ({@code currentSchool}, {@code me}) are there too. A card with no values is not shown.
 */
public interface HomeCard {
    /** Place on the page: lower comes first. The dashboard's own cards use 0–9. */
    int order();

    /** The template holding fragment {@code card}, e.g. {@code inventory/home-card}. */
    String template();

    /** The values of the card for this school, or an empty map when the card has nothing to say to this caller. */
    Map<String, Object> values(long schoolId, Caller caller);
}
