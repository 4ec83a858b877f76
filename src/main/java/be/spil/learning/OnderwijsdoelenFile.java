package be.spil.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer or export of the Flemish government's onderwijsdoelen service turned into a framework.
 *
 * <p>The official shape is that of the Onderwijsdoelen API ({@code GET https://onderwijs.api.vlaanderen.be/onderwijsdoelen/onderwijsdoel},
 * key in the header {@code x-api-key}; the public site onderwijsdoelen.be loads its goals from the same API): an object
 * {@code {"gegevens": {"member": [...], "totalItems": n}}}, per goal {@code code} (e.g. {@code 04.01}), {@code omschrijving}
 * (often HTML such as {@code <p>…</p>}, read as plain text), {@code onderwijsdoel_type} and {@code onderwijsdoelenset} with
 * the set's name and {@code versie}, its {@code onderwijsstructuur} ({@code graad}, {@code stroom}, {@code finaliteit}) and
 * its {@code vlaamse_sleutelcompetentie} ({@code nr}, {@code naam}). The key competence becomes the framework's area (code
 * {@code 04} for nr 4), the stage the level ({@code 1e graad}, {@code 2e graad} …). The decrees number the goals of every
 * stage again from 04.01, so goals of the 2nd stage and later get the stage before their code ({@code 2G-04.01}), as in the
 * framework Spil ships; a goal that several sets hold with the same text (A- and B-stroom, the finalities) is read once, and
 * one with the same code but another text gets its stream or finality after the code ({@code 2G-04.01-AM}).
 *
 * <p>Older or hand-made exports are read leniently too (docs/operations.md): a JSON array of goals, or an object holding it
 * under {@code onderwijsdoelen}, {@code doelen}, {@code items}, {@code data}, {@code results} or {@code _embedded.*}. Per
 * goal: the code from {@code code}, {@code nummer}, {@code doelcode} or {@code id}; the goal text from {@code doelzin},
 * {@code omschrijving}, {@code tekst}, {@code titel} or {@code naam} (a string, or an object or array holding one of these);
 * the stage from {@code graad}, {@code onderwijsniveau}, {@code niveau} or {@code stage}; the group it belongs to from
 * {@code sleutelcompetentie}, {@code bouwsteen}, {@code doelenset} or {@code parent}, a string or an object with a code and
 * a title. There the stage goes before the code only when the same code occurs in more than one stage. The document's own
 * {@code versie}/{@code version}/{@code geldigVanaf} and {@code titel}/{@code naam} (else the set's version and the key
 * competence's name) are used when the import does not give them. CSV exports are read by {@link FrameworkFile#csv}.
 */
final class OnderwijsdoelenFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] LISTS = {"onderwijsdoelen", "doelen", "items", "data", "results", "content"};
    private static final String[] CODE = {"code", "nummer", "doelcode", "id"};
    private static final String[] TEXT = {"doelzin", "omschrijving", "tekst", "titel", "naam", "title", "name"};
    private static final String[] STAGE = {"graad", "onderwijsniveau", "niveau", "stage"};
    private static final String[] GROUP = {"sleutelcompetentie", "bouwsteen", "doelenset", "parent"};
    private static final Pattern STAGE_NUMBER = Pattern.compile("(?i)^\\s*(\\d)\\s*(?:ste|de|e|e\\.)?\\s+graad\\b.*");
    private static final String[] STAGE_WORDS = {"eerste", "tweede", "derde", "vierde"};

    /** The goals read, with the document's own version and title (null when it has none). */
    record Read(List<FrameworkFile.Item> items, List<String> stages, String version, String title) {}

    /** One goal as found, before codes are made unique. */
    private record Goal(int row, String code, String parent, String stage, Integer stageNumber, String name, String variant,
                        boolean official) {}

    private OnderwijsdoelenFile() {}

    static Read read(byte[] bytes) {
        if (bytes.length > FrameworkFile.MAX_BYTES) {
            throw new FrameworkFile.Unreadable("learning.import.tooLarge", FrameworkFile.MAX_BYTES / (1024 * 1024));
        }
        JsonNode root;
        try {
            root = JSON.readTree(FrameworkFile.decode(bytes));
        } catch (JacksonException e) {
            throw new FrameworkFile.Unreadable("learning.import.badJson");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new FrameworkFile.Unreadable("learning.import.empty");
        }
        JsonNode list = list(root);
        if (list == null) {
            throw new FrameworkFile.Unreadable("learning.onderwijsdoelen.noGoals");
        }
        if (list.size() > FrameworkFile.MAX_ROWS) {
            throw new FrameworkFile.Unreadable("learning.import.tooManyRows", FrameworkFile.MAX_ROWS);
        }
        var groups = new LinkedHashMap<String, String>();
        var found = new ArrayList<Goal>();
        var stages = new LinkedHashSet<String>();
        var setVersions = new LinkedHashSet<String>();
        var competences = new LinkedHashSet<String>();
        int row = 0;
        for (JsonNode goal : list) {
            row++;
            if (!goal.isObject()) {
                found.add(new Goal(row, "", null, null, null, "", null, false));
                continue;
            }
            String code = text(goal, CODE);
            String name = plain(text(goal, TEXT));
            JsonNode set = object(goal, "onderwijsdoelenset");
            JsonNode structure = set == null ? null : object(set, "onderwijsstructuur");
            JsonNode competence = set == null ? null : object(set, "vlaamse_sleutelcompetentie");
            boolean official = set != null;
            String stage = structure != null ? text(structure, new String[] {"graad"}) : text(goal, STAGE);
            Integer number = stageNumber(stage);
            if (number != null) {
                stage = number + "e graad";
            }
            String parent = null;
            if (competence != null && text(competence, new String[] {"nr"}) != null) {
                String nr = text(competence, new String[] {"nr"});
                parent = nr.matches("\\d") ? "0" + nr : nr;
                String title = plain(text(competence, new String[] {"naam", "korte_naam"}));
                groups.putIfAbsent(parent, title == null ? parent : title);
                competences.add(title == null ? parent : title);
            } else {
                parent = group(goal, groups);
            }
            if (set != null) {
                String v = text(set, new String[] {"versie", "version"});
                if (v != null) {
                    setVersions.add(v);
                }
            }
            if (stage != null) {
                stages.add(stage);
            }
            found.add(new Goal(row, code == null ? "" : code, parent, stage, number, name == null ? "" : name,
                variant(structure, set), official));
        }
        var goals = unique(found);
        var items = new ArrayList<FrameworkFile.Item>();
        var goalCodes = goals.stream().map(FrameworkFile.Item::code).toList();
        groups.forEach((code, title) -> {
            if (!goalCodes.contains(code)) {
                items.add(new FrameworkFile.Item(0, code, null, null, title, null));
            }
        });
        items.addAll(goals);
        String version = root.isObject() ? text(root, new String[] {"versie", "version", "geldigVanaf"}) : null;
        if (version == null && setVersions.size() == 1) {
            version = setVersions.iterator().next();
        }
        String title = root.isObject() ? text(root, new String[] {"titel", "naam", "title"}) : null;
        if (title == null && competences.size() == 1) {
            title = competences.iterator().next();
        }
        return new Read(items, List.copyOf(stages), version, title);
    }

    /** The group of a goal in the lenient shape: a string, or an object with a code and a title. */
    private static String group(JsonNode goal, LinkedHashMap<String, String> groups) {
        for (String g : GROUP) {
            JsonNode group = field(goal, g);
            if (group == null || group.isNull()) {
                continue;
            }
            if (group.isObject()) {
                String parent = text(group, CODE);
                String title = plain(text(group, TEXT));
                if (parent != null) {
                    groups.putIfAbsent(parent, title == null ? parent : title);
                }
                return parent;
            }
            if (!group.asString("").isBlank()) {
                String parent = group.asString("").strip();
                groups.putIfAbsent(parent, parent);
                return parent;
            }
            return null;
        }
        return null;
    }

    /**
     * The goals with codes unique over the stages: the stage before the code from the 2nd stage on (always in the official
     * shape, in the lenient one only where a code occurs in more than one stage), a goal repeated with the same text read
     * once, and the stream or finality after the code where the same code has another text.
     */
    private static List<FrameworkFile.Item> unique(List<Goal> found) {
        var stagesOfCode = new HashMap<String, Set<String>>();
        for (var g : found) {
            stagesOfCode.computeIfAbsent(g.code(), c -> new HashSet<>()).add(String.valueOf(g.stage()));
        }
        var textOf = new HashMap<String, String>();
        var items = new ArrayList<FrameworkFile.Item>();
        for (var g : found) {
            String code = g.code();
            if (!code.isEmpty() && g.stageNumber() != null && g.stageNumber() > 1
                && (g.official() || stagesOfCode.get(code).size() > 1) && !code.startsWith(g.stageNumber() + "G-")) {
                code = g.stageNumber() + "G-" + code;
            }
            String seen = textOf.get(code);
            if (seen != null && !code.isEmpty() && g.official()) {
                if (seen.equals(g.name())) {
                    continue;
                }
                if (g.variant() != null) {
                    code = code + "-" + g.variant();
                    String again = textOf.get(code);
                    if (again != null && again.equals(g.name())) {
                        continue;
                    }
                }
            }
            textOf.putIfAbsent(code, g.name());
            items.add(new FrameworkFile.Item(g.row(), code, g.parent(), g.stage(), g.name(), null));
        }
        return items;
    }

    /** The stream or finality of a goal's set, short: A, B, D (doorstroom), DF (dubbele finaliteit), AM (arbeidsmarkt). */
    private static String variant(JsonNode structure, JsonNode set) {
        String stream = structure == null ? null : text(structure, new String[] {"stroom"});
        if (stream != null && stream.toUpperCase(Locale.ROOT).matches("[AB]\\b.*")) {
            return stream.substring(0, 1).toUpperCase(Locale.ROOT);
        }
        String finality = structure == null ? null : text(structure, new String[] {"finaliteit"});
        String name = set == null ? null : text(set, new String[] {"onderwijsdoelenset", "naam"});
        String all = ((finality == null ? "" : finality) + " " + (name == null ? "" : name)).toLowerCase(Locale.ROOT);
        if (all.contains("dubbele finaliteit")) {
            return "DF";
        }
        if (all.contains("arbeidsmarkt")) {
            return "AM";
        }
        if (all.contains("doorstroom")) {
            return "D";
        }
        return null;
    }

    /** The number of a stage written as "2de graad", "2e graad", "Tweede graad"; null for anything else. */
    static Integer stageNumber(String stage) {
        if (stage == null) {
            return null;
        }
        var m = STAGE_NUMBER.matcher(stage);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        String lower = stage.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < STAGE_WORDS.length; i++) {
            if (lower.startsWith(STAGE_WORDS[i] + " graad")) {
                return i + 1;
            }
        }
        return null;
    }

    /** Text as the service sends it (HTML such as {@code <p>…&nbsp;</p>}) as plain text on one line. */
    static String plain(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]*>", " ");
        t = HtmlUtils.htmlUnescape(t).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    /** A field that holds an object, else null. */
    private static JsonNode object(JsonNode node, String name) {
        JsonNode n = field(node, name);
        return n != null && n.isObject() ? n : null;
    }

    /** The array of goals: the root, {@code gegevens.member}, or under one of the usual names (also inside {@code _embedded}). */
    private static JsonNode list(JsonNode root) {
        if (root.isArray()) {
            return root;
        }
        JsonNode gegevens = field(root, "gegevens");
        if (gegevens != null && gegevens.isObject()) {
            JsonNode member = field(gegevens, "member");
            if (member != null && member.isArray()) {
                return member;
            }
        }
        for (String name : LISTS) {
            JsonNode n = field(root, name);
            if (n != null && n.isArray()) {
                return n;
            }
        }
        JsonNode embedded = field(root, "_embedded");
        if (embedded != null && embedded.isObject()) {
            for (var e : embedded.properties()) {
                if (e.getValue().isArray()) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** A field by name, case-insensitively. */
    private static JsonNode field(JsonNode node, String name) {
        for (var e : node.properties()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The first of these fields that holds text: a string or number, or an object or array holding such a field. */
    private static String text(JsonNode node, String[] names) {
        for (String name : names) {
            JsonNode v = field(node, name);
            String s = value(v, names);
            if (s != null && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    private static String value(JsonNode v, String[] names) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString() || v.isNumber()) {
            return v.asString();
        }
        if (v.isArray() && !v.isEmpty()) {
            return value(v.get(0), names);
        }
        if (v.isObject()) {
            for (String n : new String[] {"nl", "waarde", "tekst", "value", "code", "naam", "titel"}) {
                JsonNode inner = field(v, n);
                if (inner != null && (inner.isString() || inner.isNumber())) {
                    return inner.asString();
                }
            }
        }
        return null;
    }
}
