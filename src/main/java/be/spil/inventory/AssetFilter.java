package be.spil.inventory;

/** Filters of the asset list; null means "any". {@code warrantyDays}: warranty ends within that many days from today. */
public record AssetFilter(String q, AssetCategory category, AssetStatus status, Long roomId, Long personId, Long modelId,
                          Integer warrantyDays, String sort) {
    public static AssetFilter none() {
        return new AssetFilter(null, null, null, null, null, null, null, null);
    }
}
