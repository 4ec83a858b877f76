package be.spil.inventory;

/** A model of the catalog with the number of assets (of all schools) that are of it. */
public record ModelView(long id, String manufacturer, String name, AssetCategory category, long assets) {}
