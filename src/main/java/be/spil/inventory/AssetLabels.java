package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Paging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The labels to print for a school's assets: chosen by tag, or all assets of a filtered list (at most {@link #MAX}).
 * Printing labels is for those who manage the assets (central admin, ICT coordinator, director, technician).
 */
@Service
@Transactional(readOnly = true)
class AssetLabels {
    static final int MAX = 5000;

    private final Assets assets;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    AssetLabels(Assets assets, JdbcClient jdbc, MessageSource messages) {
        this.assets = assets;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** "LIN-1, lin-2,,LIN-1" → [LIN-1, LIN-2]: trimmed, in capitals, without blanks and repeats, in the given order. */
    static List<String> parseTags(String tags) {
        var out = new LinkedHashSet<String>();
        if (tags != null) {
            for (String t : tags.split(",")) {
                if (!t.isBlank()) {
                    out.add(AssetTags.normalise(t));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The labels of the given tags (in that order) or, when there are none, of the assets the filter finds (sorted like the
     * list). {@code url} makes the QR code's address from a tag. Tags that are not the school's answer 400 naming them.
     */
    List<LabelSheet.Label> labels(long schoolId, String schoolName, List<String> tags, AssetFilter filter, int skip, Caller caller,
                                  Locale locale, Function<String, String> url) {
        requireManage(caller, schoolId);
        if (skip < 0 || skip >= LabelSheet.PER_PAGE) {
            throw FieldErrorsException.of("skip", "labels.skip.range", 0, LabelSheet.PER_PAGE - 1);
        }
        List<Row> rows = tags.isEmpty() ? filtered(schoolId, filter, caller) : byTags(schoolId, tags);
        if (rows.isEmpty()) {
            throw FieldErrorsException.of("tags", "labels.none");
        }
        var labels = new ArrayList<LabelSheet.Label>(rows.size());
        for (Row r : rows) {
            labels.add(new LabelSheet.Label(r.tag(), shortName(r, locale), schoolName, url.apply(r.tag())));
        }
        return labels;
    }

    private record Row(String tag, AssetCategory category, String manufacturer, String model) {}

    private List<Row> byTags(long schoolId, List<String> tags) {
        if (tags.size() > MAX) {
            throw FieldErrorsException.of("tags", "labels.tooMany", MAX, tags.size());
        }
        for (String tag : tags) {
            if (!AssetTags.VALID.matcher(tag).matches()) {
                throw FieldErrorsException.of("tags", "labels.unknown", tag.length() > 40 ? tag.substring(0, 40) + "…" : tag);
            }
        }
        Map<String, Row> found = new LinkedHashMap<>();
        jdbc.sql("""
                select a.tag, a.category, m.manufacturer, m.name as model_name
                from asset a left join asset_model m on m.id = a.model_id
                where a.school_id = :school and a.tag in (:tags)""")
            .param("school", schoolId).param("tags", tags)
            .query((rs, n) -> new Row(rs.getString("tag"), AssetCategory.valueOf(rs.getString("category")),
                rs.getString("manufacturer"), rs.getString("model_name")))
            .list().forEach(r -> found.put(r.tag(), r));
        var unknown = tags.stream().filter(t -> !found.containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            String shown = String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                + (unknown.size() > 10 ? ", …" : "");
            throw FieldErrorsException.of("tags", "labels.unknown", shown);
        }
        return tags.stream().map(found::get).toList();
    }

    private List<Row> filtered(long schoolId, AssetFilter filter, Caller caller) {
        long total = assets.search(schoolId, filter, new Paging(0, 1), caller).total();
        if (total > MAX) {
            throw FieldErrorsException.of("tags", "labels.tooManyHint", MAX);
        }
        var rows = new ArrayList<Row>((int) total);
        for (int page = 0; (long) page * Paging.MAX_SIZE < total; page++) {
            for (AssetView a : assets.search(schoolId, filter, new Paging(page, Paging.MAX_SIZE), caller).items()) {
                rows.add(new Row(a.tag(), a.category(), a.manufacturer(), a.model()));
            }
        }
        return rows;
    }

    /** "Dell Latitude 5440 · Laptop", or just the category. */
    private String shortName(Row r, Locale locale) {
        String category = messages.getMessage("asset.category." + r.category().name(), null, r.category().name(), locale);
        if (r.model() == null) {
            return category;
        }
        String model = r.manufacturer() == null || r.manufacturer().isBlank() ? r.model() : r.manufacturer() + " " + r.model();
        return model + " · " + category;
    }

    private static void requireManage(Caller caller, long schoolId) {
        if (!Assets.canManage(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
    }
}
