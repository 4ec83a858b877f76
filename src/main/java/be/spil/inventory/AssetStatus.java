package be.spil.inventory;

/** Where an asset is in its life; {@link StatusPolicy} says which changes are allowed. */
public enum AssetStatus {
    ORDERED, IN_STOCK, IN_USE, IN_REPAIR, LOST, STOLEN, RETIRED, DISPOSED
}
