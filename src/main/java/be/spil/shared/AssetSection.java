package be.spil.shared;

import java.util.Map;

/**
 * A section of an asset's page, contributed by a module as a bean (like {@link HomeCard}), so the inventory needs no
 * module to show what that module knows of the asset (the helpdesk its tickets, lending its pool and loan). The asset page
 * asks each section for its values and renders {@code template} (a Thymeleaf template with a fragment {@code section})
 * with them as {@code section}; the page's own values ({@code school}, {@code asset}) are there too. A section with no
 * values is not shown.
 */
public interface AssetSection {
    /** Place on the page, below the asset's data: lower comes first. */
    int order();

    /** The template holding fragment {@code section}, e.g. {@code helpdesk/asset-section}. */
    String template();

    /** The values for this asset of this school (the caller may see both), or an empty map when there is nothing to show. */
    Map<String, Object> values(long schoolId, long assetId, Caller caller);
}
