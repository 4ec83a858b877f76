package be.spil.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The category of a title an agent reported, guessed from well-known words of its name; OTHER when nothing fits. */
final class SoftwareGuess {
    private static final List<Map.Entry<SoftwareCategory, List<String>>> WORDS = List.of(
        Map.entry(SoftwareCategory.BROWSER, List.of("firefox", "chrome", "chromium", "edge", "opera", "brave", "safari", "vivaldi")),
        Map.entry(SoftwareCategory.SECURITY, List.of("antivirus", "defender", "sophos", "eset", "kaspersky", "avast", "bitdefender",
            "malwarebytes", "mcafee", "norton", "trend micro", "firewall", "clamav")),
        Map.entry(SoftwareCategory.OFFICE, List.of("office", "libreoffice", "openoffice", "microsoft 365", "word", "excel", "powerpoint",
            "onenote", "outlook", "acrobat", "reader",
            "thunderbird", "teams", "pdf")),
        Map.entry(SoftwareCategory.EDUCATIONAL, List.of("geogebra", "scratch", "smartschool", "bookwidgets", "diddit", "kurzweil",
            "sprintplus", "wiskunde", "mathematica", "stellarium", "tux")),
        Map.entry(SoftwareCategory.MULTIMEDIA, List.of("vlc", "audacity", "gimp", "inkscape", "media", "player", "obs studio",
            "photo", "video", "paint", "spotify", "itunes", "blender", "krita", "shotcut", "handbrake")),
        Map.entry(SoftwareCategory.DEVELOPMENT, List.of("python", "java", "jdk", "jre", "openjdk", "git", "visual studio", "node.js",
            "arduino", "eclipse", "intellij", "sdk", "compiler", "gcc", ".net", "runtime", "visual c++")),
        Map.entry(SoftwareCategory.UTILITY, List.of("7-zip", "winrar", "zip", "notepad", "teamviewer", "anydesk", "ccleaner", "driver",
            "update", "support", "utility", "tools", "curl", "wget", "rsync")),
        Map.entry(SoftwareCategory.OPERATING_SYSTEM, List.of("windows 10", "windows 11", "linux-image", "macos")));

    private SoftwareGuess() {}

    static SoftwareCategory category(String name) {
        String n = " " + name.toLowerCase(Locale.ROOT) + " ";
        for (var e : WORDS) {
            for (String w : e.getValue()) {
                if (word(n, w)) {
                    return e.getKey();
                }
            }
        }
        return SoftwareCategory.OTHER;
    }

    /** {@code w} in {@code n} as a word of its own: no letter right before or after it ("word" is not in "password"). */
    private static boolean word(String n, String w) {
        for (int i = n.indexOf(w); i >= 0; i = n.indexOf(w, i + 1)) {
            int end = i + w.length();
            if (!Character.isLetter(n.charAt(i - 1)) && (end >= n.length() || !Character.isLetter(n.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
