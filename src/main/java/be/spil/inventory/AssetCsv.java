package be.spil.inventory;

import be.spil.shared.CsvText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading and writing asset CSV files: the Belgian Excel dialect ({@code ;}, Windows-1252 or UTF-8 with BOM, decimal
 * comma, dd/mm/yyyy) and plain RFC 4180 ({@code ,}, UTF-8, ISO dates). Columns are recognised by the API field names,
 * the labels of Spil's own export (Dutch and English) and the column names of Snipe-IT's asset export.
 */
final class AssetCsv {
    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;
    static final Charset WINDOWS_1252 = CsvText.WINDOWS_1252;
    static final DateTimeFormatter BELGIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A column of the asset file: its API name, its Dutch and English export labels and other names it is known by. */
    enum Column {
        TAG("tag", "Inventarisnummer", "Asset tag", "inventarisnr", "assettag", "tagnummer"),
        SERIAL("serial", "Serienummer", "Serial number", "serial", "serienr", "serialno"),
        CATEGORY("category", "Categorie", "Category", "soort", "type"),
        MANUFACTURER("manufacturer", "Fabrikant", "Manufacturer", "merk", "brand"),
        MODEL("model", "Model", "Model", "modelname", "modelnaam"),
        STATUS("status", "Status", "Status", "statuslabel"),
        HOSTNAME("hostname", "Hostnaam", "Hostname", "assetname", "name", "computernaam", "toestelnaam"),
        ROOM("room", "Lokaal", "Room", "location", "locatie", "defaultlocation"),
        ORDER_REFERENCE("orderReference", "Bestelreferentie", "Order reference", "ordernumber", "bestelnummer"),
        PURCHASE_DATE("purchaseDate", "Aankoopdatum", "Purchase date", "aankoop", "gekochtop", "purchased"),
        PRICE("price", "Prijs", "Price", "purchasecost", "aankoopprijs", "cost"),
        WARRANTY_END("warrantyEnd", "Einde garantie", "Warranty end", "warrantyexpires", "garantietot", "garantie"),
        MAC_ADDRESSES("macAddresses", "MAC-adressen", "MAC addresses", "macaddress", "macadres", "mac"),
        IP_ADDRESS("ipAddress", "IP-adres", "IP address", "ip"),
        NOTES("notes", "Opmerkingen", "Notes", "opmerking", "notities", "comments");

        final CsvText.Names names;

        Column(String api, String dutch, String english, String... aliases) {
            this.names = new CsvText.Names(api, dutch, english, aliases);
        }

        private static final Map<String, Column> BY_KEY = CsvText.index(values(), c -> c.names);

        static Optional<Column> byHeader(String header) {
            return Optional.ofNullable(BY_KEY.get(key(header)));
        }
    }

    /** The header of a file and its data rows; {@code row} counts the header as row 1, as a spreadsheet shows it. */
    record Parsed(List<String> headers, Map<Integer, Column> columns, List<String> unknown, List<Row> rows) {}

    record Row(int row, Map<Column, String> values) {}

    /** Thrown when the file as a whole cannot be read; {@code code} is a message code. */
    static final class FileProblem extends RuntimeException {
        final String code;
        final transient Object[] args;

        FileProblem(String code, Object... args) {
            super(code);
            this.code = code;
            this.args = args;
        }
    }

    private AssetCsv() {}

    static String key(String s) {
        return CsvText.key(s);
    }

    static String decode(byte[] bytes) {
        return CsvText.decode(bytes);
    }

    static Parsed parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new FileProblem("asset.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new FileProblem("asset.import.empty");
        }
        var format = CSVFormat.RFC4180.builder().setDelimiter(CsvText.separator(text)).setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();
        try (var parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> headers = null;
            var columns = new HashMap<Integer, Column>();
            var unknown = new ArrayList<String>();
            var rows = new ArrayList<Row>();
            int line = 0;
            for (CSVRecord record : parser) {
                line++;
                if (headers == null) {
                    headers = record.toList();
                    for (int i = 0; i < headers.size(); i++) {
                        int index = i;
                        var column = Column.byHeader(headers.get(i));
                        if (column.isPresent() && !columns.containsValue(column.get())) {
                            columns.put(index, column.get());
                        } else if (!headers.get(i).isBlank()) {
                            unknown.add(headers.get(i));
                        }
                    }
                    if (columns.isEmpty()) {
                        throw new FileProblem("asset.import.noColumns");
                    }
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new FileProblem("asset.import.tooManyRows", MAX_ROWS);
                }
                var values = new java.util.EnumMap<Column, String>(Column.class);
                boolean empty = true;
                for (var c : columns.entrySet()) {
                    String v = c.getKey() < record.size() ? record.get(c.getKey()).strip() : "";
                    values.put(c.getValue(), v);
                    empty &= v.isEmpty();
                }
                if (!empty) {
                    rows.add(new Row(line, values));
                }
            }
            return new Parsed(headers, columns, unknown, rows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new FileProblem("asset.import.unreadable");
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)*");

    /** "849,99", "1.234,56", "1,234.56", "849.99", "€ 849,99": the last separator is the decimal one. */
    static BigDecimal price(String s) {
        String t = s.replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "").strip();
        if (!NUMBER.matcher(t).matches()) {
            throw new NumberFormatException(s);
        }
        int comma = t.lastIndexOf(',');
        int dot = t.lastIndexOf('.');
        String digits;
        if (comma >= 0 && dot >= 0) {
            int decimal = Math.max(comma, dot);
            digits = t.substring(0, decimal).replace(".", "").replace(",", "") + "." + t.substring(decimal + 1);
        } else if (comma >= 0 || dot >= 0) {
            char sep = comma >= 0 ? ',' : '.';
            int at = Math.max(comma, dot);
            digits = t.indexOf(sep) != at ? t.replace(String.valueOf(sep), "") : t.replace(sep, '.');
        } else {
            digits = t;
        }
        var value = new BigDecimal(digits);
        return value.scale() <= 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value;
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"));

    /** dd/mm/yyyy, d-m-yyyy, d.m.yyyy or ISO yyyy-mm-dd (a time after the date, as Snipe-IT writes, is ignored). */
    static LocalDate date(String s) {
        String t = s.strip();
        if (t.matches("\\d{4}-\\d{2}-\\d{2}[ T].*")) {
            t = t.substring(0, 10);
        }
        for (var f : DATES) {
            try {
                return LocalDate.parse(t, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        throw new DateTimeParseException("not a date", s, 0);
    }
}
