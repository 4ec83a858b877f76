package be.spil.learning;

import be.spil.shared.CsvText;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A competence framework as a file: JSON (the whole framework with its metadata) or CSV (the competences; the metadata
 * comes with the request). CSV is read in the Belgian Excel dialect ({@code ;}, Windows-1252 or UTF-8 with BOM) and as
 * RFC 4180 ({@code ,}, UTF-8); columns are matched by header, case- and accent-insensitively. Checking finds every bad
 * row (duplicate code, missing parent, unknown level, empty or too long text) so an import can refuse them all at once.
 */
final class FrameworkFile {
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 2_000;
    static final Charset WINDOWS_1252 = CsvText.WINDOWS_1252;
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    enum Audience { PUPIL, TEACHER }

    /** One area or competence of a file; {@code row} is the spreadsheet row (header = 1) or the position in JSON. */
    record Item(int row, String code, String parent, String level, String name, String nameEn) {}

    /** A framework as read from a file or a shipped resource. */
    record Data(String code, String version, String name, String nameEn, Audience audience, List<String> levels,
                String source, String licence, String attribution, String note, List<Item> items) {
        Data withMeta(String code, String version, String name, String nameEn, Audience audience, List<String> levels,
                      String source, String licence, String attribution) {
            return new Data(code, version, name, nameEn, audience, levels, source, licence, attribution, note, items);
        }
    }

    /** A problem of one row (row 0: the framework as a whole); {@code code} is a message code of the learning bundle. */
    record RowError(int row, String field, String code, List<Object> args) {}

    /** The file as a whole cannot be read; {@code code} is a message code. */
    static final class Unreadable extends RuntimeException {
        final String code;
        final transient Object[] args;

        Unreadable(String code, Object... args) {
            super(code);
            this.code = code;
            this.args = args;
        }
    }

    /** The JSON form of a framework (also the form of the shipped resources). */
    record JsonFramework(String code, String version, String name, String nameEn, Audience audience, List<String> levels,
                         String source, String licence, String attribution, String note, List<JsonItem> competences) {}

    record JsonItem(String code, String parent, String level, String name, String nameEn) {}

    enum Column {
        CODE("code", "Code", "Code", "nummer", "id", "doelcode", "eindterm", "minimumdoel"),
        PARENT("parent", "Ouder", "Parent", "area", "domein", "gebied", "parentcode", "sleutelcompetentie", "bouwsteen"),
        LEVEL("level", "Niveau", "Level", "graad", "stage", "onderwijsniveau"),
        NAME("name", "Naam", "Name", "namenl", "omschrijving", "titel", "title", "doelzin", "tekst"),
        NAME_EN("nameEn", "Naam (Engels)", "Name (English)", "english", "engels");

        final CsvText.Names names;

        Column(String api, String dutch, String english, String... aliases) {
            this.names = new CsvText.Names(api, dutch, english, aliases);
        }

        private static final Map<String, Column> BY_KEY = CsvText.index(values(), c -> c.names);
    }

    private FrameworkFile() {}

    static String key(String s) {
        return CsvText.key(s);
    }

    static String decode(byte[] bytes) {
        return CsvText.decode(bytes);
    }

    /** Whether these bytes look like JSON (first non-blank character a brace). */
    static boolean looksLikeJson(byte[] bytes) {
        String text = decode(bytes).stripLeading();
        return text.startsWith("{");
    }

    /** The competences of a CSV file (metadata empty). */
    static List<Item> csv(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("learning.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new Unreadable("learning.import.empty");
        }
        var format = CSVFormat.RFC4180.builder().setDelimiter(CsvText.separator(text)).setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();
        try (var parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Integer, Column> columns = null;
            var items = new ArrayList<Item>();
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < record.size(); i++) {
                        var c = Column.BY_KEY.get(key(record.get(i)));
                        if (c != null && !columns.containsValue(c)) {
                            columns.put(i, c);
                        }
                    }
                    if (!columns.containsValue(Column.CODE) || !columns.containsValue(Column.NAME)) {
                        throw new Unreadable("learning.import.noColumns");
                    }
                    continue;
                }
                if (items.size() >= MAX_ROWS) {
                    throw new Unreadable("learning.import.tooManyRows", MAX_ROWS);
                }
                var values = new java.util.EnumMap<Column, String>(Column.class);
                boolean empty = true;
                for (var c : columns.entrySet()) {
                    String v = c.getKey() < record.size() ? record.get(c.getKey()).strip() : "";
                    values.put(c.getValue(), v);
                    empty &= v.isEmpty();
                }
                if (!empty) {
                    items.add(new Item(line, values.get(Column.CODE), values.get(Column.PARENT), values.get(Column.LEVEL),
                        values.get(Column.NAME), values.get(Column.NAME_EN)));
                }
            }
            if (columns == null) {
                throw new Unreadable("learning.import.empty");
            }
            return items;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("learning.import.unreadable");
        }
    }

    /** A whole framework from JSON. */
    static Data json(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable("learning.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        JsonFramework f;
        try {
            f = JSON.readValue(decode(bytes), JsonFramework.class);
        } catch (JacksonException e) {
            throw new Unreadable("learning.import.badJson");
        }
        if (f == null) {
            throw new Unreadable("learning.import.empty");
        }
        var items = new ArrayList<Item>();
        var list = f.competences() == null ? List.<JsonItem>of() : f.competences();
        if (list.size() > MAX_ROWS) {
            throw new Unreadable("learning.import.tooManyRows", MAX_ROWS);
        }
        for (int i = 0; i < list.size(); i++) {
            var c = list.get(i);
            if (c != null) {
                items.add(new Item(i + 1, c.code(), c.parent(), c.level(), c.name(), c.nameEn()));
            }
        }
        return new Data(f.code(), f.version(), f.name(), f.nameEn(), f.audience(), f.levels() == null ? List.of() : f.levels(),
            f.source(), f.licence(), f.attribution(), f.note(), items);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** Every problem of the framework: metadata (row 0) and per row. Empty: it can be imported as it is. */
    static List<RowError> check(Data d) {
        var errors = new ArrayList<RowError>();
        if (!CODE.matcher(trim(d.code())).matches()) {
            errors.add(new RowError(0, "code", "learning.framework.code.invalid", List.of()));
        }
        if (trim(d.version()).isEmpty() || trim(d.version()).length() > 20) {
            errors.add(new RowError(0, "version", "learning.framework.version.invalid", List.of()));
        }
        if (trim(d.name()).isEmpty() || trim(d.name()).length() > 200) {
            errors.add(new RowError(0, "name", "learning.framework.name.invalid", List.of()));
        }
        if (trim(d.nameEn()).length() > 200) {
            errors.add(new RowError(0, "nameEn", "learning.framework.name.invalid", List.of()));
        }
        if (d.audience() == null) {
            errors.add(new RowError(0, "audience", "learning.framework.audience.invalid", List.of()));
        }
        var levels = d.levels() == null ? List.<String>of() : d.levels().stream().map(FrameworkFile::trim).toList();
        if (levels.isEmpty() || levels.size() > 20 || levels.stream().anyMatch(l -> l.isEmpty() || l.length() > 20 || l.contains("|"))
            || new HashSet<>(levels).size() != levels.size()) {
            errors.add(new RowError(0, "levels", "learning.framework.levels.invalid", List.of()));
        }
        for (var t : new String[][] {{"source", d.source(), "500"}, {"licence", d.licence(), "200"},
            {"attribution", d.attribution(), "1000"}, {"note", d.note(), "1000"}}) {
            if (trim(t[1]).length() > Integer.parseInt(t[2])) {
                errors.add(new RowError(0, t[0], "learning.field.tooLong", List.of(Integer.parseInt(t[2]))));
            }
        }
        if (d.items().isEmpty()) {
            errors.add(new RowError(0, "competences", "learning.import.noRows", List.of()));
        }
        var codes = new HashSet<String>();
        var all = new HashSet<String>();
        d.items().forEach(i -> all.add(trim(i.code())));
        var levelSet = Set.copyOf(levels);
        for (var i : d.items()) {
            String code = trim(i.code());
            if (code.isEmpty() || code.length() > 40) {
                errors.add(new RowError(i.row(), "code", "learning.competence.code.invalid", List.of()));
            } else if (!codes.add(code)) {
                errors.add(new RowError(i.row(), "code", "learning.competence.code.duplicate", List.of(code)));
            }
            String parent = trim(i.parent());
            if (!parent.isEmpty() && (!all.contains(parent) || parent.equals(code))) {
                errors.add(new RowError(i.row(), "parent", "learning.competence.parent.missing", List.of(parent)));
            }
            String level = trim(i.level());
            if (!level.isEmpty() && !levelSet.contains(level)) {
                errors.add(new RowError(i.row(), "level", "learning.competence.level.unknown", List.of(level)));
            }
            if (trim(i.name()).isEmpty()) {
                errors.add(new RowError(i.row(), "name", "learning.competence.name.blank", List.of()));
            } else if (trim(i.name()).length() > 500 || trim(i.nameEn()).length() > 500) {
                errors.add(new RowError(i.row(), "name", "learning.field.tooLong", List.of(500)));
            }
        }
        return errors;
    }

    /** The competences as CSV in the Belgian Excel dialect: UTF-8 with BOM, {@code ;}, Dutch or English headers. */
    static byte[] toCsv(List<Item> items, boolean english) {
        var out = new StringWriter();
        out.write('\uFEFF');
        var format = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
        try (var printer = new CSVPrinter(out, format)) {
            var header = new ArrayList<String>();
            for (Column c : Column.values()) {
                header.add(english ? c.names.english() : c.names.dutch());
            }
            printer.printRecord(header);
            for (var i : items) {
                printer.printRecord(i.code(), nz(i.parent()), nz(i.level()), i.name(), nz(i.nameEn()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The framework as JSON, in the form {@link #json} reads. */
    static byte[] toJson(Data d) {
        var items = d.items().stream().map(i -> new JsonItem(i.code(), i.parent(), i.level(), i.name(), i.nameEn())).toList();
        var f = new JsonFramework(d.code(), d.version(), d.name(), d.nameEn(), d.audience(), d.levels(), d.source(),
            d.licence(), d.attribution(), d.note(), items);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(f);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** What changed between two versions of a framework, by code: added, removed, renamed (same code, other name). */
    record Changes(List<String> added, List<String> removed, List<String> renamed) {}

    static Changes compare(List<Item> from, List<Item> to) {
        var old = new LinkedHashMap<String, Item>();
        from.forEach(i -> old.put(i.code(), i));
        var neu = new LinkedHashMap<String, Item>();
        to.forEach(i -> neu.put(i.code(), i));
        var added = neu.keySet().stream().filter(c -> !old.containsKey(c)).toList();
        var removed = old.keySet().stream().filter(c -> !neu.containsKey(c)).toList();
        var renamed = neu.keySet().stream().filter(old::containsKey)
            .filter(c -> !trim(old.get(c).name()).equals(trim(neu.get(c).name()))).toList();
        return new Changes(added, removed, renamed);
    }
}
