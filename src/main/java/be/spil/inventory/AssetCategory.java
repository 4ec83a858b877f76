package be.spil.inventory;

/** What kind of thing an asset is. */
public enum AssetCategory {
    DESKTOP, LAPTOP, CHROMEBOOK, TABLET, INTERACTIVE_DISPLAY, PROJECTOR, PRINTER, SWITCH, ACCESS_POINT, ROUTER, SERVER, NAS,
    PHONE, SIM, AUDIO_VISUAL, PERIPHERAL, OTHER
}
