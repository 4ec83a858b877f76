package be.spil.inventory;

import be.spil.shared.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's side of the software an agent reports: titles of the school's catalog (made when new, one per name
 * key) and the asset's installations with source AGENT. Set-based: titles looked up and made per 1,000 names, the
 * installations of the asset read once and only the difference written as JDBC batches, so an inventory of 1,000+
 * programs costs a handful of statements. An installation entered by hand (MANUAL) is never removed or changed here;
 * an AGENT installation the agent no longer reports is marked removed. The caller (the agents module) owns the
 * transaction and has already decided the school.
 */
@Service
public class AgentSoftware {
    /** A program as the catalog names it (normalised by the caller); {@code version} may be null. */
    public record Program(String name, String publisher, String version) {}

    /** What changed on the asset: titles newly installed (or back), versions changed, titles removed. */
    public record Synced(int installed, int changed, int removed, int titlesCreated) {}

    static final String AGENT_ACTOR = "agent@spil";

    /** The name key a title of this name has in the catalog (case and accents ignored). */
    public static String key(String name) {
        return Text.searchKey(cut(name.strip(), 200));
    }
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AgentSoftware(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Brings the asset's AGENT installations in line with {@code programs}. With {@code onlyKeys} null the whole list is
     * compared (the asset's first inventory); otherwise only the titles with these name keys (those whose programs were
     * added or removed since the last inventory), so a re-inventory with one change touches one title.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Synced sync(long schoolId, long assetId, SoftwarePlatform platform, Collection<Program> programs, Set<String> onlyKeys,
                       Instant at) {
        // the wanted titles by name key: first name and publisher, all versions
        var wanted = new TreeMap<String, Wanted>();
        for (var p : programs) {
            String name = cut(Text.blankToNull(p.name()), 200);
            if (name == null) {
                continue;
            }
            String key = key(name);
            if (key.isEmpty() || onlyKeys != null && !onlyKeys.contains(key)) {
                continue;
            }
            var w = wanted.computeIfAbsent(key, k -> new Wanted(name));
            if (w.publisher == null) {
                w.publisher = cut(Text.blankToNull(p.publisher()), 200);
            }
            String version = Text.blankToNull(p.version());
            if (version != null) {
                w.versions.add(version.strip());
            }
        }
        var keys = onlyKeys == null ? wanted.keySet() : new TreeSet<>(onlyKeys);
        if (keys.isEmpty()) {
            return new Synced(0, 0, 0, 0);
        }
        var now = Timestamp.from(at);
        Map<String, Long> titleIds = titleIds(schoolId, wanted.keySet());
        int created = 0;
        if (titleIds.size() < wanted.size()) {
            created = createTitles(schoolId, wanted, titleIds, platform, now);
            titleIds.putAll(titleIds(schoolId, missing(wanted.keySet(), titleIds)));
        }

        record Installed(long id, long titleId, String key, String source, boolean removed, String versionText) {}
        var stored = new HashMap<Long, Installed>();
        String installedSql = """
            select i.id, i.title_id, t.name_key, i.source, i.removed_at, i.version_text
            from software_installation i join software_title t on t.id = i.title_id
            where i.asset_id = :asset""";
        if (onlyKeys == null) {
            jdbc.sql(installedSql).param("asset", assetId)
                .query((rs, n) -> stored.put(rs.getLong(2), new Installed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getTimestamp(5) != null, rs.getString(6)))).list();
        } else {
            for (var chunk : chunks(keys)) {
                jdbc.sql(installedSql + " and t.school_id = :school and t.name_key in (:keys)").param("asset", assetId)
                    .param("school", schoolId).param("keys", chunk)
                    .query((rs, n) -> stored.put(rs.getLong(2), new Installed(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5) != null, rs.getString(6)))).list();
            }
        }

        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        int back = 0;
        var seenTitles = new java.util.HashSet<Long>();
        for (var e : wanted.entrySet()) {
            Long titleId = titleIds.get(e.getKey());
            if (titleId == null || !seenTitles.add(titleId)) {
                continue;
            }
            String versionText = e.getValue().versionText();
            var old = stored.get(titleId);
            if (old == null) {
                inserts.add(new Object[] {schoolId, assetId, titleId, versionText, now, now, AGENT_ACTOR});
            } else if (old.removed()) {
                back++;
                updates.add(new Object[] {versionText, now, AGENT_ACTOR, old.id()});
            } else if ("AGENT".equals(old.source()) && !java.util.Objects.equals(old.versionText(), versionText)) {
                updates.add(new Object[] {versionText, now, AGENT_ACTOR, old.id()});
            }
        }
        var removedIds = new ArrayList<Long>();
        for (var old : stored.values()) {
            if (!old.removed() && "AGENT".equals(old.source()) && !seenTitles.contains(old.titleId())) {
                removedIds.add(old.id());
            }
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                insert into software_installation (school_id, asset_id, title_id, version_text, source, created_at, updated_at, updated_by)
                values (?, ?, ?, ?, 'AGENT', ?, ?, ?)""", inserts);
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("""
                update software_installation set removed_at = null, source = 'AGENT', version_text = ?, version = version + 1,
                  updated_at = ?, updated_by = ? where id = ?""", updates);
        }
        for (var chunk : chunks(removedIds)) {
            jdbc.sql("""
                    update software_installation set removed_at = :now, version = version + 1, updated_at = :now, updated_by = :actor
                    where id in (:ids) and source = 'AGENT'""")
                .param("now", now).param("actor", AGENT_ACTOR).param("ids", chunk).update();
        }
        return new Synced(inserts.size() + back, updates.size() - back, removedIds.size(), created);
    }

    private static final class Wanted {
        final String name;
        String publisher;
        final TreeSet<String> versions = new TreeSet<>();

        Wanted(String name) {
            this.name = name;
        }

        /** The versions found, joined, within the column (several builds of one title can be installed side by side). */
        String versionText() {
            if (versions.isEmpty()) {
                return null;
            }
            String text = String.join(", ", versions);
            return text.length() > 100 ? text.substring(0, 100) : text;
        }
    }

    private Map<String, Long> titleIds(long schoolId, Collection<String> keys) {
        var ids = new HashMap<String, Long>();
        for (var chunk : chunks(keys)) {
            jdbc.sql("select id, name_key from software_title where school_id = :school and name_key in (:keys)")
                .param("school", schoolId).param("keys", chunk)
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        }
        return ids;
    }

    /** Makes the missing titles in name-key order (so that two inventories at once never wait on each other in a cycle). */
    private int createTitles(long schoolId, Map<String, Wanted> wanted, Map<String, Long> known, SoftwarePlatform platform,
                             Timestamp now) {
        var rows = new ArrayList<Object[]>();
        for (var e : wanted.entrySet()) {
            if (known.containsKey(e.getKey())) {
                continue;
            }
            var w = e.getValue();
            String search = cut(Text.searchKey(w.name + " " + (w.publisher == null ? "" : w.publisher)), 500);
            rows.add(new Object[] {schoolId, w.name, e.getKey(), w.publisher, SoftwareGuess.category(w.name).name(),
                (platform == null ? SoftwarePlatform.MULTI : platform).name(), search, now, now, AGENT_ACTOR});
        }
        int made = 0;
        for (int i = 0; i < rows.size(); i += CHUNK) {
            int[][] counts = batch.batchUpdate("""
                insert into software_title (school_id, name, name_key, publisher, category, platform, search_text, created_at,
                  updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rows.subList(i, Math.min(i + CHUNK, rows.size())),
                CHUNK, (ps, r) -> {
                    for (int c = 0; c < r.length; c++) {
                        ps.setObject(c + 1, r[c]);
                    }
                });
            for (int[] part : counts) {
                for (int n : part) {
                    made += Math.max(0, n);
                }
            }
        }
        return made;
    }

    private static List<String> missing(Set<String> keys, Map<String, Long> known) {
        return keys.stream().filter(k -> !known.containsKey(k)).toList();
    }

    private static <T> List<List<T>> chunks(Collection<T> items) {
        var all = new ArrayList<>(items);
        var result = new ArrayList<List<T>>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            result.add(all.subList(i, Math.min(i + CHUNK, all.size())));
        }
        return result;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max).strip() : s;
    }
}
