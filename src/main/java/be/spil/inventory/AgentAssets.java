package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.Text;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's side of automatic inventory: finds or makes the asset of a computer an agent discovered. It matches
 * by serial (placeholders ignored), then system UUID, then MAC address, then hostname (only an asset without serial or
 * UUID), and updates only what changed, in the asset's history. The caller (the agents module) owns the transaction.
 */
@Service
public class AgentAssets {
    /** What an agent saw; any value may be null (unknown). MACs and hostname are checked and cleaned here. */
    public record Discovered(AssetCategory category, String manufacturer, String model, String serial, String systemUuid,
                             String hostname, List<String> macAddresses, String ipAddress) {}

    /** The asset the discovery belongs to. */
    public record Found(long assetId, String tag, boolean created, boolean changed) {}

    /** The system account agents' changes are made as: the key already decided the school. */
    private static final Caller AGENT = new Caller(0, "agent@spil", "Inventory agent", true, Map.of());
    private static final Pattern UUID_JUNK = Pattern.compile("[0f-]*|03000200-0400-0500-0006-000700080009", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_BAD = Pattern.compile("[^A-Za-z0-9.-]");

    private final Assets assets;
    private final AssetRepository repository;
    private final JdbcClient jdbc;

    AgentAssets(Assets assets, AssetRepository repository, JdbcClient jdbc) {
        this.assets = assets;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** Finds the asset this computer is, or registers it (status in use); records when it was seen. */
    @Transactional
    public Found record(long schoolId, Discovered d, Instant seenAt) {
        String serial = Serials.normalise(cut(d.serial(), 100));
        String uuid = uuid(d.systemUuid());
        String hostname = hostname(d.hostname());
        List<String> macs = macs(d.macAddresses());
        String ip = d.ipAddress() == null || !Network.ip(d.ipAddress().strip()) ? null : d.ipAddress().strip();
        String manufacturer = cut(Text.blankToNull(d.manufacturer()), 100);
        String model = cut(Text.blankToNull(d.model()), 100);
        if (manufacturer == null || model == null) {
            manufacturer = null;
            model = null;
        }
        var existing = match(schoolId, serial, uuid, macs, hostname);
        Found found;
        if (existing.isEmpty()) {
            var category = d.category() == null ? AssetCategory.DESKTOP : d.category();
            var form = new AssetForm(category, manufacturer, model, null, serial, AssetStatus.IN_USE, null, null, null, null, null,
                null, hostname, macs.isEmpty() ? null : String.join(", ", macs), ip, null, null);
            var view = assets.create(schoolId, form, AGENT);
            found = new Found(view.id(), view.tag(), true, true);
        } else {
            found = update(schoolId, existing.get(), serial, manufacturer, model, hostname, macs, ip);
        }
        jdbc.sql("update asset set last_seen_at = :seen, system_uuid = coalesce(:uuid, system_uuid) where id = :id")
            .param("seen", Timestamp.from(seenAt)).param("uuid", uuid).param("id", found.assetId()).update();
        return found;
    }

    private Found update(long schoolId, Asset asset, String serial, String manufacturer, String model, String hostname,
                         List<String> macs, String ip) {
        String newSerial = asset.serial;
        if (newSerial == null && serial != null && repository.findBySchoolIdAndSerial(schoolId, serial).isEmpty()) {
            newSerial = serial;
        }
        boolean noModel = asset.modelId == null && manufacturer != null;
        String newMacs = macs.isEmpty() ? asset.macAddresses : String.join(", ", macs);
        if (Objects.equals(newSerial, asset.serial) && !noModel && (hostname == null || hostname.equals(asset.hostname))
            && Objects.equals(newMacs, asset.macAddresses) && (ip == null || ip.equals(asset.ipAddress))) {
            // the usual re-inventory: nothing the inventory keeps has changed
            return new Found(asset.id, asset.tag, false, false);
        }
        var view = assets.get(schoolId, asset.id, AGENT);
        var form = new AssetForm(view.category(), noModel ? manufacturer : view.manufacturer(), noModel ? model : view.model(),
            view.tag(), newSerial, null, view.roomId(), view.supplierId(), view.orderReference(), view.purchaseDate(), view.price(),
            view.warrantyEnd(), hostname == null ? view.hostname() : hostname,
            macs.isEmpty() ? String.join(", ", view.macAddresses()) : String.join(", ", macs),
            ip == null ? view.ipAddress() : ip, view.notes(), view.version());
        var after = assets.update(schoolId, asset.id, form, AGENT);
        return new Found(asset.id, asset.tag, false, !Objects.equals(after.version(), view.version()));
    }

    private Optional<Asset> match(long schoolId, String serial, String uuid, List<String> macs, String hostname) {
        if (serial != null) {
            var bySerial = repository.findBySchoolIdAndSerial(schoolId, serial);
            if (bySerial.isPresent()) {
                return bySerial;
            }
        }
        if (uuid != null) {
            var id = jdbc.sql("select id from asset where school_id = :s and system_uuid = :u order by id limit 1")
                .param("s", schoolId).param("u", uuid).query(Long.class).optional();
            if (id.isPresent()) {
                return repository.findById(id.get());
            }
        }
        for (String mac : macs) {
            var id = jdbc.sql("select id from asset where school_id = :s and mac_addresses like :m order by id limit 1")
                .param("s", schoolId).param("m", "%" + mac + "%").query(Long.class).optional();
            if (id.isPresent()) {
                return repository.findById(id.get());
            }
        }
        if (hostname != null) {
            var id = jdbc.sql("""
                    select id from asset where school_id = :s and lower(hostname) = :h and serial is null and system_uuid is null
                    order by id limit 1""")
                .param("s", schoolId).param("h", hostname.toLowerCase(Locale.ROOT)).query(Long.class).optional();
            if (id.isPresent()) {
                return repository.findById(id.get());
            }
        }
        return Optional.empty();
    }

    /** The SMBIOS UUID in lower case, or null when empty or a placeholder (all zeros, all F's, the vendors' sample). */
    static String uuid(String raw) {
        String u = Text.blankToNull(raw);
        if (u == null || UUID_JUNK.matcher(u.strip()).matches() || u.length() > 64) {
            return null;
        }
        return u.strip().toLowerCase(Locale.ROOT);
    }

    /** A hostname the inventory accepts: invalid characters dropped, at most 100 characters; null when nothing is left. */
    static String hostname(String raw) {
        String h = Text.blankToNull(raw);
        if (h == null) {
            return null;
        }
        var labels = new ArrayList<String>();
        for (String label : HOST_BAD.matcher(h.strip()).replaceAll("").split("\\.")) {
            String l = cut(label, 63).replaceAll("^-+|-+$", "");
            if (!l.isEmpty()) {
                labels.add(l);
            }
        }
        h = cut(String.join(".", labels), 100).replaceAll("[.-]+$", "");
        return h.isEmpty() || !Network.hostname(h) ? null : h;
    }

    /** Real MAC addresses, normalised, without duplicates or zero and broadcast addresses, at most what the column holds. */
    static List<String> macs(List<String> raw) {
        var result = new ArrayList<String>();
        if (raw == null) {
            return result;
        }
        int length = 0;
        for (String s : raw) {
            String mac = s == null ? null : Network.mac(s);
            if (mac == null || mac.equals("00:00:00:00:00:00") || mac.equals("FF:FF:FF:FF:FF:FF") || result.contains(mac)) {
                continue;
            }
            if (length + mac.length() + 2 > 500) {
                break;
            }
            length += mac.length() + 2;
            result.add(mac);
        }
        return result;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
