package be.spil.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An export of the Flemish government's onderwijsdoelen service (onderwijsdoelen.be, and its "Onderwijsdoelen API" v1
 * published on the government's API portal) turned into a framework. The exact field names of that export could not be
 * checked from here, so the reader is lenient and documented (docs/operations.md): a JSON array of goals, or an object
 * holding it under {@code onderwijsdoelen}, {@code doelen}, {@code items}, {@code data}, {@code results} or
 * {@code _embedded.*}. Per goal: the code from {@code code}, {@code nummer}, {@code doelcode} or {@code id}; the goal text
 * from {@code doelzin}, {@code omschrijving}, {@code tekst}, {@code titel} or {@code naam} (a string, or an object or
 * array holding one of these); the stage from {@code graad}, {@code onderwijsniveau}, {@code niveau} or {@code stage};
 * the group it belongs to (key competence, building block, set) from {@code sleutelcompetentie}, {@code bouwsteen},
 * {@code doelenset} or {@code parent}, a string or an object with a code and a title. Groups become the framework's
 * areas. The document's own {@code versie}/{@code version}/{@code geldigVanaf} and {@code titel}/{@code naam} are used when
 * the import does not give them. CSV exports are read by {@link FrameworkFile#csv} (columns such as Doelcode, Doelzin,
 * Graad are recognised).
 */
final class OnderwijsdoelenFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] LISTS = {"onderwijsdoelen", "doelen", "items", "data", "results", "content"};
    private static final String[] CODE = {"code", "nummer", "doelcode", "id"};
    private static final String[] TEXT = {"doelzin", "omschrijving", "tekst", "titel", "naam", "title", "name"};
    private static final String[] STAGE = {"graad", "onderwijsniveau", "niveau", "stage"};
    private static final String[] GROUP = {"sleutelcompetentie", "bouwsteen", "doelenset", "parent"};

    /** The goals read, with the document's own version and title (null when it has none). */
    record Read(List<FrameworkFile.Item> items, List<String> stages, String version, String title) {}

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
        var goals = new ArrayList<FrameworkFile.Item>();
        var stages = new LinkedHashSet<String>();
        int row = 0;
        for (JsonNode goal : list) {
            row++;
            if (!goal.isObject()) {
                goals.add(new FrameworkFile.Item(row, "", null, null, "", null));
                continue;
            }
            String code = text(goal, CODE);
            String name = text(goal, TEXT);
            String stage = text(goal, STAGE);
            String parent = null;
            for (String g : GROUP) {
                JsonNode group = field(goal, g);
                if (group == null || group.isNull()) {
                    continue;
                }
                if (group.isObject()) {
                    parent = text(group, CODE);
                    String title = text(group, TEXT);
                    if (parent != null) {
                        groups.putIfAbsent(parent, title == null ? parent : title);
                    }
                } else if (!group.asString("").isBlank()) {
                    parent = group.asString("").strip();
                    groups.putIfAbsent(parent, parent);
                }
                break;
            }
            if (stage != null) {
                stages.add(stage);
            }
            goals.add(new FrameworkFile.Item(row, code == null ? "" : code, parent, stage, name == null ? "" : name, null));
        }
        var items = new ArrayList<FrameworkFile.Item>();
        var goalCodes = goals.stream().map(FrameworkFile.Item::code).toList();
        groups.forEach((code, title) -> {
            if (!goalCodes.contains(code)) {
                items.add(new FrameworkFile.Item(0, code, null, null, title, null));
            }
        });
        items.addAll(goals);
        return new Read(items, List.copyOf(stages), root.isObject() ? text(root, new String[] {"versie", "version", "geldigVanaf"}) : null,
            root.isObject() ? text(root, new String[] {"titel", "naam", "title"}) : null);
    }

    /** The array of goals: the root, or under one of the usual names (also inside {@code _embedded}). */
    private static JsonNode list(JsonNode root) {
        if (root.isArray()) {
            return root;
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
