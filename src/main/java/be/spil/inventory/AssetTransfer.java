package be.spil.inventory;

import be.spil.inventory.AssetCsv.Column;
import be.spil.inventory.AssetCsv.FileProblem;
import be.spil.inventory.AssetCsv.Row;
import be.spil.school.Rooms;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import and export of a school's assets. Every imported row goes through {@link Assets#create} or
 * {@link Assets#update}, each in its own savepoint of one transaction per import: a dry run and a failed atomic import
 * roll that transaction back, a normal import keeps the rows that passed.
 */
@Service
class AssetTransfer {
    private static final Logger log = LoggerFactory.getLogger(AssetTransfer.class);

    /** How an import went; {@code rows} says per data row what happened (or would happen, in a dry run). */
    record ImportResult(int created, int updated, int unchanged, List<RowError> errors, List<String> warnings,
                        List<RowOutcome> rows, boolean dryRun, boolean written) {}

    record RowError(int row, String field, String message) {}

    enum Outcome { CREATED, UPDATED, UNCHANGED, ERROR }

    record RowOutcome(int row, String tag, Outcome outcome) {}

    /** The export's column labels and dialect: Dutch or English labels for Excel ({@code ;}, BOM), or API names. */
    enum Headers { NL, EN, API }

    private final Assets assets;
    private final Rooms rooms;
    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final PlatformTransactionManager transactions;
    private final MessageSource messages;

    AssetTransfer(Assets assets, Rooms rooms, JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                  MessageSource messages) {
        this.assets = assets;
        this.rooms = rooms;
        this.jdbc = jdbc;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(template));
        this.transactions = transactions;
        this.messages = messages;
    }

    // ---- import ----

    ImportResult importCsv(long schoolId, byte[] bytes, boolean dryRun, boolean atomic, Caller caller, Locale locale) {
        if (!Assets.canManage(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
        AssetCsv.Parsed parsed;
        try {
            parsed = AssetCsv.parse(bytes);
        } catch (FileProblem e) {
            if (e.code.equals("asset.import.tooLarge") || e.code.equals("asset.import.tooManyRows")) {
                throw FieldErrorsException.of("file", e.code, e.args);
            }
            return new ImportResult(0, 0, 0, List.of(new RowError(1, "file", text(e.code, e.args, locale))), List.of(), List.of(),
                dryRun, false);
        }
        var warnings = new ArrayList<String>();
        if (!parsed.unknown().isEmpty()) {
            warnings.add(text("asset.import.unknownColumns", new Object[] {String.join(", ", parsed.unknown())}, locale));
        }
        if (parsed.rows().isEmpty()) {
            return new ImportResult(0, 0, 0, List.of(new RowError(1, "file", text("asset.import.noRows", null, locale))),
                warnings, List.of(), dryRun, false);
        }
        var outer = new TransactionTemplate(transactions);
        var nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return outer.execute(status -> {
            var run = new Run(schoolId, caller, locale, nested);
            run.preload(parsed.rows());
            for (Row row : parsed.rows()) {
                run.row(row);
            }
            run.flush();
            run.errors.sort(java.util.Comparator.comparingInt(RowError::row));
            run.outcomes.sort(java.util.Comparator.comparingInt(RowOutcome::row));
            boolean failed = atomic && !run.errors.isEmpty();
            if (dryRun || failed) {
                status.setRollbackOnly();
            }
            if (failed) {
                return new ImportResult(0, 0, 0, run.errors, warnings, run.outcomes, dryRun, false);
            }
            return new ImportResult(run.created, run.updated, run.unchanged, run.errors, warnings, run.outcomes, dryRun, !dryRun);
        });
    }

    /** New assets are written this many at a time. */
    static final int BATCH = 500;

    private record Pending(int row, String tag, AssetForm form) {}

    /** One import's state: counters, errors and what the file said so far. */
    private final class Run {
        final long schoolId;
        final Caller caller;
        final Locale locale;
        final TransactionTemplate nested;
        final Map<String, Long> roomsByKey = new HashMap<>();
        final Map<String, Integer> tagsSeen = new HashMap<>();
        final Map<String, Integer> serialsSeen = new HashMap<>();
        /** The stored assets the file names, by tag and by serial: read in bulk before the rows, not one by one. */
        final Map<String, AssetView> storedByTag = new HashMap<>();
        final Map<String, AssetView> storedBySerial = new HashMap<>();
        /** New rows waiting to be written in one batch. */
        final List<Pending> pending = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        final List<RowOutcome> outcomes = new ArrayList<>();
        int created;
        int updated;
        int unchanged;

        Run(long schoolId, Caller caller, Locale locale, TransactionTemplate nested) {
            this.schoolId = schoolId;
            this.caller = caller;
            this.locale = locale;
            this.nested = nested;
            for (var r : rooms.rooms(schoolId, Rooms.RoomFilter.active())) {
                roomsByKey.merge(AssetCsv.key(r.building() + " " + r.name()), r.id(), (a, b) -> -1L);
                roomsByKey.merge(AssetCsv.key(r.name()), r.id(), (a, b) -> -1L);
            }
        }

        /** Reads the school's assets whose tag or serial occurs in the file, 1,000 keys per statement. */
        void preload(List<Row> rows) {
            var tags = new java.util.LinkedHashSet<String>();
            var serials = new java.util.LinkedHashSet<String>();
            for (Row row : rows) {
                var v = row.values();
                if (v.containsKey(Column.TAG) && !v.get(Column.TAG).isEmpty()) {
                    tags.add(AssetTags.normalise(v.get(Column.TAG)));
                }
                if (v.containsKey(Column.SERIAL)) {
                    String serial = Serials.normalise(v.get(Column.SERIAL));
                    if (serial != null) {
                        serials.add(serial);
                    }
                }
            }
            load("a.tag", List.copyOf(tags));
            load("a.serial", List.copyOf(serials));
        }

        private void load(String column, List<String> keys) {
            for (int i = 0; i < keys.size(); i += 1000) {
                jdbc.sql(Assets.SELECT + " where a.school_id = :s and " + column + " in (:keys)").param("s", schoolId)
                    .param("keys", keys.subList(i, Math.min(keys.size(), i + 1000)))
                    .query((RowCallbackHandler) rs -> {
                        var view = Assets.view(rs);
                        storedByTag.put(view.tag(), view);
                        if (view.serial() != null) {
                            storedBySerial.put(view.serial(), view);
                        }
                    });
            }
        }

        /** Whether the row would leave the stored asset as it is (then it needs no write at all). */
        private boolean unchanged(AssetForm form, AssetStatus status, AssetView existing) {
            var b = AssetForm.of(existing);
            var same = new AssetForm(b.category(), b.manufacturer(), b.model(), b.tag(), b.serial(), null, b.roomId(),
                b.supplierId(), b.orderReference(), b.purchaseDate(), b.price(), b.warrantyEnd(), b.hostname(), b.macAddresses(),
                b.ipAddress(), b.notes(), b.version());
            return form.equals(same) && (status == null || status == existing.status());
        }

        void row(Row row) {
            int before = errors.size();
            var v = row.values();
            String tag = v.containsKey(Column.TAG) && !v.get(Column.TAG).isEmpty() ? AssetTags.normalise(v.get(Column.TAG)) : null;
            String serial = v.containsKey(Column.SERIAL) ? Serials.normalise(v.get(Column.SERIAL)) : null;
            if (tag != null) {
                Integer first = tagsSeen.putIfAbsent(tag, row.row());
                if (first != null) {
                    error(row.row(), "tag", "asset.import.duplicateInFile", tag, first);
                }
            }
            if (serial != null) {
                Integer first = serialsSeen.putIfAbsent(serial, row.row());
                if (first != null) {
                    error(row.row(), "serial", "asset.import.duplicateInFile", serial, first);
                }
            }
            AssetView existing = find(tag, serial);
            var form = form(row, existing);
            AssetStatus status = parse(row, Column.STATUS, s -> enumValue(AssetStatus.class, s, "asset.status."));
            if (errors.size() > before) {
                outcomes.add(new RowOutcome(row.row(), tag, Outcome.ERROR));
                return;
            }
            if (existing != null && unchanged(form, status, existing)) {
                unchanged++;
                outcomes.add(new RowOutcome(row.row(), existing.tag(), Outcome.UNCHANGED));
                return;
            }
            if (existing == null) {
                pending.add(new Pending(row.row(), tag, form));
                if (pending.size() >= BATCH) {
                    flush();
                }
                return;
            }
            single(row.row(), tag, form, existing, status);
        }

        /**
         * Writes the new rows waiting so far in one batch; when the batch fails (a row breaks a rule or a stored tag or
         * serial), row by row instead, so that each row gets its own outcome.
         */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            var batch = List.copyOf(pending);
            pending.clear();
            List<String> tags;
            try {
                tags = nested.execute(s -> assets.createAll(schoolId, batch.stream().map(Pending::form).toList(), caller));
            } catch (AccessDeniedException e) {
                throw e;
            } catch (RuntimeException e) {
                for (Pending p : batch) {
                    single(p.row(), p.tag(), p.form(), null, null);
                }
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                created++;
                outcomes.add(new RowOutcome(batch.get(i).row(), tags.get(i), Outcome.CREATED));
            }
        }

        /** One row through the service, in its own savepoint. */
        private void single(int rowNumber, String tag, AssetForm form, AssetView existing, AssetStatus status) {
            try {
                AssetView result = nested.execute(s -> {
                    if (existing == null) {
                        return assets.create(schoolId, form, caller);
                    }
                    var after = assets.update(schoolId, existing.id(), form, caller);
                    if (status != null && status != after.status()) {
                        after = assets.changeStatus(schoolId, existing.id(), status, AssetTransfer.this.text("asset.import.reason", null, locale),
                            after.version(), caller);
                    }
                    return after;
                });
                Outcome outcome;
                if (existing == null) {
                    created++;
                    outcome = Outcome.CREATED;
                } else if (result.version() != existing.version()) {
                    updated++;
                    outcome = Outcome.UPDATED;
                } else {
                    unchanged++;
                    outcome = Outcome.UNCHANGED;
                }
                outcomes.add(new RowOutcome(rowNumber, result.tag(), outcome));
            } catch (AccessDeniedException e) {
                throw e;
            } catch (RuntimeException e) {
                failed(rowNumber, e);
                outcomes.add(new RowOutcome(rowNumber, tag, Outcome.ERROR));
            }
        }

        private AssetView find(String tag, String serial) {
            AssetView found = tag == null ? null : storedByTag.get(tag);
            if (found == null && serial != null) {
                found = storedBySerial.get(serial);
            }
            return found;
        }

        /** The asset's data with the file's columns over it: a present column changes, an empty cell clears. */
        private AssetForm form(Row row, AssetView existing) {
            var base = existing == null ? new AssetForm(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null) : AssetForm.of(existing);
            var v = row.values();
            AssetCategory category = base.category();
            if (v.containsKey(Column.CATEGORY) && !v.get(Column.CATEGORY).isEmpty()) {
                category = parse(row, Column.CATEGORY, s -> enumValue(AssetCategory.class, s, "asset.category."));
            } else if (existing == null) {
                error(row.row(), "category", "asset.import.categoryRequired");
            }
            Long roomId = base.roomId();
            if (v.containsKey(Column.ROOM)) {
                String room = v.get(Column.ROOM);
                roomId = room.isEmpty() ? null : roomsByKey.get(AssetCsv.key(room));
                if (roomId == null && !room.isEmpty()) {
                    error(row.row(), "room", "asset.import.roomUnknown", room);
                } else if (roomId != null && roomId < 0) {
                    error(row.row(), "room", "asset.import.roomAmbiguous", room);
                    roomId = null;
                }
            }
            LocalDate purchase = v.containsKey(Column.PURCHASE_DATE) ? parse(row, Column.PURCHASE_DATE, AssetCsv::date)
                : base.purchaseDate();
            LocalDate warranty = v.containsKey(Column.WARRANTY_END) ? parse(row, Column.WARRANTY_END, AssetCsv::date)
                : base.warrantyEnd();
            BigDecimal price = v.containsKey(Column.PRICE) ? parse(row, Column.PRICE, AssetCsv::price) : base.price();
            String tag = v.containsKey(Column.TAG) && !v.get(Column.TAG).isEmpty() ? v.get(Column.TAG) : base.tag();
            AssetStatus status = existing == null ? parse(row, Column.STATUS, s -> enumValue(AssetStatus.class, s, "asset.status."))
                : null;
            return new AssetForm(category, cell(v, Column.MANUFACTURER, base.manufacturer()), cell(v, Column.MODEL, base.model()),
                tag, cell(v, Column.SERIAL, base.serial()), status, roomId, base.supplierId(),
                cell(v, Column.ORDER_REFERENCE, base.orderReference()), purchase, price, warranty,
                cell(v, Column.HOSTNAME, base.hostname()), cell(v, Column.MAC_ADDRESSES, base.macAddresses()),
                cell(v, Column.IP_ADDRESS, base.ipAddress()), cell(v, Column.NOTES, base.notes()),
                existing == null ? null : existing.version());
        }

        private String cell(Map<Column, String> v, Column c, String current) {
            if (!v.containsKey(c)) {
                return current;
            }
            return v.get(c).isEmpty() ? null : v.get(c);
        }

        /** The cell parsed, null when empty or absent; a value that does not parse is a row error. */
        private <T> T parse(Row row, Column c, Function<String, T> parser) {
            String s = row.values().get(c);
            if (s == null || s.isEmpty()) {
                return null;
            }
            try {
                return parser.apply(s);
            } catch (NumberFormatException | ArithmeticException e) {
                error(row.row(), c.names.api(), "asset.import.number", s);
            } catch (DateTimeParseException e) {
                error(row.row(), c.names.api(), "asset.import.date", s);
            } catch (IllegalArgumentException e) {
                error(row.row(), c.names.api(), "asset.import.value", s, e.getMessage());
            }
            return null;
        }

        private void error(int row, String field, String code, Object... args) {
            var message = new RowError(row, field, AssetTransfer.this.text(code, args, locale));
            if (!errors.contains(message)) {
                errors.add(message);
            }
        }

        private void failed(int row, RuntimeException e) {
            if (e instanceof FieldErrorsException f) {
                for (var fe : f.errors()) {
                    errors.add(new RowError(row, field(fe.field()), AssetTransfer.this.text(fe.code(), fe.args(), locale)));
                }
            } else if (e instanceof ConstraintViolationException cv) {
                for (var v : cv.getConstraintViolations()) {
                    String path = v.getPropertyPath().toString();
                    errors.add(new RowError(row, field(path.substring(path.lastIndexOf('.') + 1)), v.getMessage()));
                }
            } else if (e instanceof StaleVersionException) {
                errors.add(new RowError(row, "version", AssetTransfer.this.text("asset.import.changedMeanwhile", null, locale)));
            } else {
                log.warn("Import row {} failed", row, e);
                errors.add(new RowError(row, "row", AssetTransfer.this.text("asset.import.rowFailed", null, locale)));
            }
        }
    }

    private static String field(String field) {
        return switch (field) {
            case "roomId" -> "room";
            case "supplierId" -> "supplier";
            case "assigneeId", "assignee" -> "assignedTo";
            default -> field;
        };
    }

    /**
     * The enum constant whose name, Dutch label or English label matches the value, ignoring case, accents and
     * punctuation; a plural ("Laptops", as Snipe-IT's categories are often named) and Snipe-IT's status labels too.
     */
    <E extends Enum<E>> E enumValue(Class<E> type, String value, String labelPrefix) {
        String key = AssetCsv.key(value);
        for (E e : type.getEnumConstants()) {
            for (String candidate : new String[] {e.name(), label(labelPrefix + e.name(), Locale.forLanguageTag("nl")),
                label(labelPrefix + e.name(), Locale.ENGLISH)}) {
                String k = AssetCsv.key(candidate);
                if (!k.isEmpty() && (k.equals(key) || (k + "s").equals(key))) {
                    return e;
                }
            }
        }
        if (type == AssetStatus.class) {
            var snipe = Map.of("readytodeploy", AssetStatus.IN_STOCK, "deployed", AssetStatus.IN_USE, "pending",
                AssetStatus.ORDERED, "archived", AssetStatus.RETIRED, "outforrepair", AssetStatus.IN_REPAIR, "broken",
                AssetStatus.IN_REPAIR, "loststolen", AssetStatus.LOST, "undeployable", AssetStatus.IN_REPAIR);
            if (snipe.containsKey(key)) {
                return type.cast(snipe.get(key));
            }
        }
        if (type == AssetCategory.class) {
            var snipe = Map.of("desktops", AssetCategory.DESKTOP, "laptops", AssetCategory.LAPTOP, "notebooks", AssetCategory.LAPTOP,
                "monitors", AssetCategory.PERIPHERAL, "mobilephones", AssetCategory.PHONE, "tablets", AssetCategory.TABLET);
            if (snipe.containsKey(key)) {
                return type.cast(snipe.get(key));
            }
        }
        var allowed = new ArrayList<String>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(String.join(", ", allowed));
    }

    private String label(String code, Locale locale) {
        return messages.getMessage(code, null, "", locale);
    }

    private String text(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }

    // ---- export ----

    /** Writes the filtered assets as CSV to {@code out}, row by row as the database delivers them. */
    void exportCsv(long schoolId, AssetFilter filter, Headers headers, OutputStream out) {
        var params = new HashMap<String, Object>();
        String where = assets.where(schoolId, filter, params);
        String order = Assets.orderBy(filter.sort());
        Locale locale = headers == Headers.EN ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        boolean excel = headers != Headers.API;
        var format = CSVFormat.RFC4180.builder().setDelimiter(excel ? ';' : ',').get();
        var tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (excel) {
                writer.write('\uFEFF');
            }
            var printer = new CSVPrinter(writer, format);
            var header = new ArrayList<String>();
            for (Column c : Column.values()) {
                header.add(switch (headers) {
                    case NL -> c.names.dutch();
                    case EN -> c.names.english();
                    case API -> c.names.api();
                });
            }
            printer.printRecord(header);
            tx.executeWithoutResult(s -> streaming.sql(Assets.SELECT + where + " order by " + order).params(params)
                .query((RowCallbackHandler) rs -> {
                    try {
                        printer.printRecord(cells(Assets.view(rs), excel, locale));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws the filter's field errors (days out of range, unknown sort) before a response is started. */
    void checkFilter(long schoolId, AssetFilter filter) {
        assets.where(schoolId, filter, new HashMap<>());
        Assets.orderBy(filter.sort());
    }

    /**
     * Writes the filtered assets as an XLSX workbook to {@code out}, streamed: rows are flushed to the output every
     * {@value #XLSX_FLUSH_ROWS} rows, so memory stays flat however long the list. Dates are date cells, prices numbers.
     */
    void exportXlsx(long schoolId, AssetFilter filter, Headers headers, OutputStream out) {
        var params = new HashMap<String, Object>();
        String where = assets.where(schoolId, filter, params);
        String order = Assets.orderBy(filter.sort());
        Locale locale = headers == Headers.EN ? Locale.ENGLISH : Locale.forLanguageTag("nl");
        var tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        try {
            var workbook = new org.dhatim.fastexcel.Workbook(out, "Spil", "1.0");
            var sheet = workbook.newWorksheet(headers == Headers.EN ? "Assets" : "Toestellen");
            Column[] columns = Column.values();
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, switch (headers) {
                    case NL -> columns[c].names.dutch();
                    case EN -> columns[c].names.english();
                    case API -> columns[c].names.api();
                });
            }
            sheet.range(0, 0, 0, columns.length - 1).style().bold().set();
            sheet.freezePane(0, 1);
            int[] row = {1};
            tx.executeWithoutResult(s -> streaming.sql(Assets.SELECT + where + " order by " + order).params(params)
                .query((RowCallbackHandler) rs -> {
                    var a = Assets.view(rs);
                    int r = row[0]++;
                    var texts = cells(a, true, locale);
                    for (int c = 0; c < columns.length; c++) {
                        xlsxCell(sheet, r, c, columns[c], a, texts.get(c));
                    }
                    if (r % XLSX_FLUSH_ROWS == 0) {
                        try {
                            sheet.flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }));
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final int XLSX_FLUSH_ROWS = 500;

    private static void xlsxCell(org.dhatim.fastexcel.Worksheet sheet, int r, int c, Column column, AssetView a, String text) {
        switch (column) {
            case PURCHASE_DATE, WARRANTY_END -> {
                LocalDate d = column == Column.PURCHASE_DATE ? a.purchaseDate() : a.warrantyEnd();
                if (d != null) {
                    sheet.value(r, c, d);
                    sheet.style(r, c).format("dd/mm/yyyy").set();
                }
            }
            case PRICE -> {
                if (a.price() != null) {
                    sheet.value(r, c, a.price());
                    sheet.style(r, c).format("#,##0.00").set();
                }
            }
            default -> {
                if (text != null && !text.isEmpty()) {
                    sheet.value(r, c, text);
                }
            }
        }
    }

    private List<String> cells(AssetView a, boolean excel, Locale locale) {
        var cells = new ArrayList<String>();
        for (Column c : Column.values()) {
            cells.add(switch (c) {
                case TAG -> a.tag();
                case SERIAL -> a.serial();
                case CATEGORY -> excel ? label("asset.category." + a.category().name(), locale) : a.category().name();
                case MANUFACTURER -> a.manufacturer();
                case MODEL -> a.model();
                case STATUS -> excel ? label("asset.status." + a.status().name(), locale) : a.status().name();
                case HOSTNAME -> a.hostname();
                case ROOM -> a.room();
                case ORDER_REFERENCE -> a.orderReference();
                case PURCHASE_DATE -> date(a.purchaseDate(), excel);
                case PRICE -> a.price() == null ? null
                    : excel ? a.price().toPlainString().replace('.', ',') : a.price().toPlainString();
                case WARRANTY_END -> date(a.warrantyEnd(), excel);
                case MAC_ADDRESSES -> String.join(", ", a.macAddresses());
                case IP_ADDRESS -> a.ipAddress();
                case NOTES -> a.notes();
            });
        }
        return cells;
    }

    private static String date(LocalDate d, boolean excel) {
        if (d == null) {
            return null;
        }
        return excel ? AssetCsv.BELGIAN_DATE.format(d) : d.toString();
    }
}
