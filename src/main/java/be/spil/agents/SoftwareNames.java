package be.spil.agents;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Names and publishers of installed software as the catalog keeps them: "Mozilla Firefox (x64 nl)", "Mozilla Firefox
 * 128.0 (x64 en-US)" and "Mozilla Firefox" are one title, "Mozilla Firefox", with versions. Removed are trademark signs,
 * architecture and bitness markers, language tags, "(remove only)", a trailing version number (also after a dash, "v",
 * "version" or "Update") and a trailing major number that is the version's own ("Scratch 3" at 3.29). A number that
 * is part of the name stays ("Microsoft Office 2016", "Microsoft 365"). Updates, hotfixes and KB patches, hidden system
 * components and the libraries of Linux package managers are no titles at all.
 */
final class SoftwareNames {
    /** A title as the catalog keeps it; {@code version} as reported, blank as null. */
    record Title(String name, String publisher, String version) {}

    private static final String ARCH = "(?:x64|x86|x86[_-]64|amd64|i[36]86|arm64|aarch64|ia64|win64|win32|64[ -]?bits?|32[ -]?bits?)";
    private static final String LANG = "(?:[a-z]{2}(?:[-_][a-z]{2,4})?|dutch|english|french|german|spanish|italian|"
        + "nederlands|vlaams|engels|frans|duits|fran[cç]ais|deutsch|espa[nñ]ol|italiano|multilingual|multi-language|mui)";
    private static final String VERSION = "(?:v(?:ersion)?\\.? ?)?\\d+(?:[.,]\\d+)+[a-z]?\\d*(?:[-+~][0-9a-z.]+)?";
    private static final Pattern MARKS = Pattern.compile("\\s*(?:\\((?:r|tm|c)\\)|®|™|©)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVE_ONLY = Pattern.compile("\\s*-?\\s*\\(\\s*remove only\\s*\\)", Pattern.CASE_INSENSITIVE);
    /** A group in brackets that holds only markers: "(x64 nl)", "(64-bit)", "(x64 edition)", "(128.0 x64 en-US)". */
    private static final Pattern MARKER_GROUP = Pattern.compile("\\s*[(\\[]\\s*(?:(?:" + ARCH + "|edition|" + VERSION + "|\\d+|" + LANG
        + ")\\b[\\s,;/]*)+[)\\]]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARCH_WORD = Pattern.compile("(?<![\\w.+-])" + ARCH + "(?:\\s+edition)?(?![\\w+-])", Pattern.CASE_INSENSITIVE);
    /** " - nl-nl", " - Nederlands", " - 14.38.33130", " - 9.0.30729.6161" at the end. */
    private static final Pattern DASH_TAIL = Pattern.compile("\\s+[-–]\\s+(?:(?:" + ARCH + "|" + VERSION + "|" + LANG + ")\\b\\s*)+$",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION_TAIL = Pattern.compile("\\s+(?:" + VERSION + "|v\\d+|(?:version|versie)\\s+\\S+)$",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE_TAIL = Pattern.compile("\\s+update\\s+\\d+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_TAIL = Pattern.compile("\\s+(\\d{1,3})$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern KB = Pattern.compile("(?<![a-z0-9])kb\\d{6,8}(?![0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE_NAME = Pattern.compile(
        "^(?:security update|update|hotfix|definition update|service pack|cumulative update|beveiligingsupdate)\\b.*\\bfor\\b.*",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPANY_TAIL = Pattern.compile(
        "(?:,?\\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|bv|b\\.v|nv|n\\.v|sa|s\\.a|sas|s\\.r\\.l|srl|"
            + "plc|pty|oy|ab|as|a/s|kg|se|spa|s\\.p\\.a)\\.?)+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("\\s*<[^>]*>");

    /** Windows categories of the agents that are no programs, and Debian/RPM sections of libraries. */
    private static final Set<String> SKIPPED_CATEGORIES = Set.of("update", "security_update", "hotfix", "system_component",
        "libs", "oldlibs", "libdevel", "debug", "introspection", "kernel");
    /** Sections of programming languages' packages: their "lib…" packages are libraries, the rest (python3, openjdk) stays. */
    private static final Set<String> LANGUAGE_SECTIONS = Set.of("perl", "java", "python", "ruby", "php", "javascript", "haskell",
        "ocaml", "rust", "golang", "lisp", "gnustep", "r");

    private static final Set<String> PACKAGE_MANAGERS = Set.of("deb", "rpm", "pacman", "apk", "ebuild", "pkg", "slackware");

    private static final int CACHE_SIZE = 50_000;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private SoftwareNames() {}

    /** The title of a reported program, or null when it is no title (an update, a library, a hidden component, no name). */
    static Title title(String name, String version, String publisher, String category) {
        return title(name, version, publisher, category, null);
    }

    /** As {@link #title(String, String, String, String)}, for a program of a package manager ({@code source} deb, rpm…). */
    static Title title(String name, String version, String publisher, String category, String source) {
        if (name == null || name.isBlank() || skipped(name, category) || librarySource(name, category, source)) {
            return null;
        }
        String v = version == null || version.isBlank() ? null : version.strip();
        String n = name(name, v);
        return n == null ? null : new Title(n, publisher(publisher), v);
    }

    /** True for what the catalog does not keep: updates, KB patches, hidden system components, libraries. */
    static boolean skipped(String name, String category) {
        if (KB.matcher(name).find() || UPDATE_NAME.matcher(name.strip()).matches()) {
            return true;
        }
        if (category == null || category.isBlank()) {
            return false;
        }
        String c = category.strip().toLowerCase(Locale.ROOT);
        int slash = c.lastIndexOf('/');
        String section = slash >= 0 ? c.substring(slash + 1) : c;
        if (SKIPPED_CATEGORIES.contains(section) || c.contains("librar")) {
            return true;
        }
        return LANGUAGE_SECTIONS.contains(section) && name.strip().toLowerCase(Locale.ROOT).startsWith("lib");
    }

    /**
     * A package of a Linux package manager that sent no section (the OCS agent): "lib…" packages (not LibreOffice) and
     * development, debug and documentation packages are libraries, not programs.
     */
    static boolean librarySource(String name, String category, String source) {
        if (source == null || category != null && !category.isBlank()) {
            return false;
        }
        String s = source.strip().toLowerCase(Locale.ROOT);
        if (!PACKAGE_MANAGERS.contains(s)) {
            return false;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.startsWith("lib") && !n.startsWith("libreoffice") || n.endsWith("-dev") || n.endsWith("-dbg") || n.endsWith("-dbgsym")
            || n.endsWith("-doc") || n.endsWith("-devel") || n.endsWith("-debuginfo");
    }

    /** The catalog name of a program name reported with this version (null or blank: none); null when nothing is left. */
    static String name(String raw, String version) {
        if (raw == null) {
            return null;
        }
        String cacheKey = version == null ? raw : raw + '\u0000' + version;
        String cached = NAMES.get(cacheKey);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String result = clean(raw, version);
        if (NAMES.size() >= CACHE_SIZE) {
            NAMES.clear();
        }
        NAMES.put(cacheKey, result == null ? "" : result);
        return result;
    }

    private static String clean(String raw, String version) {
        String original = SPACES.matcher(raw.strip()).replaceAll(" ");
        if (original.isEmpty()) {
            return null;
        }
        String s = MARKS.matcher(original).replaceAll(" ");
        s = REMOVE_ONLY.matcher(s).replaceAll("");
        if (s.indexOf('(') >= 0 || s.indexOf('[') >= 0) {
            s = MARKER_GROUP.matcher(s).replaceAll("");
        }
        s = SPACES.matcher(s).replaceAll(" ").strip();
        // the tail, repeatedly: "Python 3.12.1 (64-bit)" → "Python 3.12.1" → "Python"
        for (int i = 0; i < 6; i++) {
            String before = s;
            s = trimPunctuation(DASH_TAIL.matcher(s).replaceFirst(""));
            s = trimPunctuation(VERSION_TAIL.matcher(s).replaceFirst(""));
            s = trimPunctuation(UPDATE_TAIL.matcher(s).replaceFirst(""));
            if (version != null && s.indexOf(' ') > 0) {
                s = trimPunctuation(versionTail(s, version));
            }
            if (s.equals(before)) {
                break;
            }
        }
        s = SPACES.matcher(ARCH_WORD.matcher(s).replaceAll(" ")).replaceAll(" ");
        s = trimPunctuation(s);
        if (s.isEmpty()) {
            s = trimPunctuation(MARKS.matcher(original).replaceAll(" ").strip());
        }
        if (s.length() > 200) {
            s = s.substring(0, 200).strip();
        }
        return s.isEmpty() ? null : s;
    }

    /** Drops a trailing number that is the reported version or its major: "TeamViewer 15" at 15.49.2, "Zoom 5.17" at 5.17.1. */
    private static String versionTail(String s, String version) {
        int space = s.lastIndexOf(' ');
        String last = s.substring(space + 1);
        String v = version.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        int colon = v.indexOf(':');
        if (colon >= 0 && colon < 4) {
            v = v.substring(colon + 1);
        }
        if (last.isEmpty() || !Character.isDigit(last.charAt(0))) {
            return s;
        }
        String l = last.toLowerCase(Locale.ROOT);
        if (v.equals(l) || v.startsWith(l + ".") || v.startsWith(l + "-")) {
            if (NUMBER_TAIL.matcher(" " + l).matches() || l.indexOf('.') > 0) {
                return s.substring(0, space);
            }
        }
        return s;
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && " -–,:;/|".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = 0;
        while (start < end && " -–,:;/|".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start, end);
    }

    /** The publisher without legal form, trademark signs or mail address: "Microsoft Corporation" → "Microsoft". */
    static String publisher(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = EMAIL.matcher(raw).replaceAll("");
        s = SPACES.matcher(MARKS.matcher(s).replaceAll(" ")).replaceAll(" ").strip();
        String without = trimPunctuation(COMPANY_TAIL.matcher(s).replaceFirst("")).strip();
        if (!without.isEmpty()) {
            s = without;
        }
        s = trimPunctuation(s);
        if (s.length() > 200) {
            s = s.substring(0, 200).strip();
        }
        return s.isEmpty() ? null : s;
    }
}
