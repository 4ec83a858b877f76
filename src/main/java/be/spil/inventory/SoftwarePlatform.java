package be.spil.inventory;

/** Where a title runs; MULTI for titles available on several platforms. */
public enum SoftwarePlatform {
    WINDOWS, MACOS, LINUX, CHROMEOS, IOS, ANDROID, WEB, MULTI
}
