package be.spil.inventory;

/**
 * Filters of the asset list; null means "any". {@code warrantyDays}: warranty ends within that many days from today.
 * {@code notSeenDays}: not seen (by an agent, a scan or a person) for at least that many days; never seen counts too.
 */
public record AssetFilter(String q, AssetCategory category, AssetStatus status, Long roomId, Long personId, Long modelId,
                          Integer warrantyDays, Integer notSeenDays, String sort) {

    public AssetFilter(String q, AssetCategory category, AssetStatus status, Long roomId, Long personId, Long modelId,
                       Integer warrantyDays, String sort) {
        this(q, category, status, roomId, personId, modelId, warrantyDays, null, sort);
    }

    public static AssetFilter none() {
        return new AssetFilter(null, null, null, null, null, null, null, null, null);
    }
}
