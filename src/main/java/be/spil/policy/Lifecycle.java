package be.spil.policy;

import be.spil.inventory.AssetCategory;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a device of a category serves before it is replaced, and (when set) what a replacement costs; without a
 * price, a replacement costs what the device cost. {@code own}: the school set it; otherwise Spil's default.
 */
public record Lifecycle(AssetCategory category, int years, BigDecimal price, boolean own) {
    public static final int MAX_YEARS = 30;

    private static final Map<AssetCategory, Integer> DEFAULT_YEARS = new EnumMap<>(Map.ofEntries(
        Map.entry(AssetCategory.DESKTOP, 6), Map.entry(AssetCategory.LAPTOP, 5), Map.entry(AssetCategory.CHROMEBOOK, 5),
        Map.entry(AssetCategory.TABLET, 4), Map.entry(AssetCategory.INTERACTIVE_DISPLAY, 8), Map.entry(AssetCategory.PROJECTOR, 7),
        Map.entry(AssetCategory.PRINTER, 6), Map.entry(AssetCategory.SWITCH, 8), Map.entry(AssetCategory.ACCESS_POINT, 6),
        Map.entry(AssetCategory.ROUTER, 7), Map.entry(AssetCategory.SERVER, 6), Map.entry(AssetCategory.NAS, 6),
        Map.entry(AssetCategory.PHONE, 4), Map.entry(AssetCategory.SIM, 10), Map.entry(AssetCategory.AUDIO_VISUAL, 8),
        Map.entry(AssetCategory.PERIPHERAL, 5), Map.entry(AssetCategory.OTHER, 6)));

    static Lifecycle defaultFor(AssetCategory category) {
        return new Lifecycle(category, DEFAULT_YEARS.getOrDefault(category, 6), null, false);
    }
}
