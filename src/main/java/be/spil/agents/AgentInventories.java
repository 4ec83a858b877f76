package be.spil.agents;

import be.spil.agents.ComputerInventory.Details;
import be.spil.agents.ComputerInventory.Disk;
import be.spil.agents.ComputerInventory.Interface;
import be.spil.agents.ComputerInventory.Peripheral;
import be.spil.agents.ComputerInventory.Software;
import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.People;
import be.spil.directory.PersonSummary;
import be.spil.inventory.AgentAssets;
import be.spil.inventory.AgentSoftware;
import be.spil.inventory.SoftwarePlatform;
import be.spil.shared.Caller;
import be.spil.shared.Paging;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what agents send: one transaction per inventory, serialised per agent installation by locking its device row,
 * so the same machine sending twice at once makes one asset and one set of installations. Only what changed is written;
 * changes of hardware and software go to the asset's history.
 */
@Service
class AgentInventories {
    static final String ASSET_AUDIT = "asset";

    /** The outcome of an inventory: the asset it went to. */
    record Stored(long assetId, String tag, boolean created) {}

    private final JdbcClient jdbc;
    private final AgentAssets agentAssets;
    private final AuditTrail audit;
    private final Clock clock;
    private final People people;
    private final JdbcTemplate batch;
    private final AgentSoftware agentSoftware;

    AgentInventories(JdbcClient jdbc, JdbcTemplate batch, AgentAssets agentAssets, AgentSoftware agentSoftware, AuditTrail audit,
                     Clock clock, People people) {
        this.agentSoftware = agentSoftware;
        this.people = people;
        this.batch = batch;
        this.jdbc = jdbc;
        this.agentAssets = agentAssets;
        this.audit = audit;
        this.clock = clock;
    }

    /** A PROLOG or CONTACT: the agent is alive; nothing else changes. */
    @Transactional
    void contact(long schoolId, String deviceId, String protocol, String agent) {
        var now = Timestamp.from(clock.instant());
        lockDevice(schoolId, deviceId, protocol, now);
        jdbc.sql("""
                update agent_device set last_contact_at = :now, protocol = :p, agent = coalesce(:a, agent)
                where school_id = :s and device_id = :d""")
            .param("now", now).param("p", protocol).param("a", agent).param("s", schoolId).param("d", deviceId).update();
    }

    @Transactional
    Stored store(long schoolId, String deviceId, String protocol, ComputerInventory inv, int bytes) {
        Instant now = clock.instant();
        var at = Timestamp.from(now);
        if (lockDevice(schoolId, deviceId, protocol, at) == null) {
            throw new NewDevice();
        }
        var found = agentAssets.record(schoolId, discovered(inv), now);
        long asset = found.assetId();
        // what was reported the same as last time (by digest) is not read and compared again
        String hardware = inv.disks() != null && inv.interfaces() != null && inv.peripherals() != null
            ? digest(List.of(inv.disks(), inv.interfaces(), inv.peripherals())) : null;
        boolean hardwareTouched = inv.disks() != null || inv.interfaces() != null || inv.peripherals() != null;
        String software = inv.software() == null ? null : digest(List.of(inv.software()));
        var state = storeDetails(schoolId, asset, inv, at, hardwareTouched, hardware, software);
        boolean known = state.known();
        if (hardwareTouched && (hardware == null || !hardware.equals(state.hardwareDigest()))) {
            replaceIfChanged(asset, "agent_disk", inv.disks(), inv.disks() == null ? null : disks(asset), this::insertDisk);
            replaceIfChanged(asset, "agent_interface", inv.interfaces(), inv.interfaces() == null ? null : interfaces(asset),
                this::insertInterface);
            replaceIfChanged(asset, "agent_peripheral", inv.peripherals(), inv.peripherals() == null ? null : peripherals(asset),
                this::insertPeripheral);
        }
        if (inv.software() != null && (!state.softwareSynced() || !software.equals(state.softwareDigest()))) {
            var diff = storeSoftware(schoolId, asset, inv.software(), known && !found.created());
            catalog(schoolId, asset, inv, state, diff, now);
        }
        jdbc.sql("""
                update agent_device set asset_id = :asset, protocol = :p, agent = coalesce(:a, agent), last_contact_at = :now,
                    last_inventory_at = :now, last_outcome = 'OK', last_error = null
                where school_id = :s and device_id = :d""")
            .param("asset", asset).param("p", protocol).param("a", inv.agent()).param("now", at).param("s", schoolId)
            .param("d", deviceId).update();
        submission(schoolId, deviceId, asset, protocol, "INVENTORY", inv.agent(), "OK", inv.partial() ? "partial" : null, bytes, at);
        return new Stored(asset, found.tag(), found.created());
    }

    /**
     * Thrown by {@link #store} for an agent installation not yet linked to an asset: the caller first {@link #register}s
     * it in a short transaction of its own, so that making a new asset (which locks the school's tag counter) does not
     * hold that lock for the whole inventory, and then stores again.
     */
    static final class NewDevice extends RuntimeException {
        NewDevice() {
            super("the agent's device has no asset yet", null, false, false);
        }
    }

    /** Finds or makes the asset of a new agent installation and links them; true when the asset was made. */
    @Transactional
    boolean register(long schoolId, String deviceId, String protocol, ComputerInventory inv) {
        Instant now = clock.instant();
        if (lockDevice(schoolId, deviceId, protocol, Timestamp.from(now)) != null) {
            return false;
        }
        var found = agentAssets.record(schoolId, discovered(inv), now);
        jdbc.sql("update agent_device set asset_id = :asset where school_id = :s and device_id = :d")
            .param("asset", found.assetId()).param("s", schoolId).param("d", deviceId).update();
        return found.created();
    }

    private static AgentAssets.Discovered discovered(ComputerInventory inv) {
        return new AgentAssets.Discovered(inv.category(), inv.manufacturer(), inv.model(), inv.serial(), inv.uuid(), inv.hostname(),
            inv.macs(), inv.ipAddress());
    }

    /** A refused submission of a known school: traceable, in its own transaction, since the inventory's was rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(long schoolId, String deviceId, String protocol, String action, String agent, String reason, int bytes) {
        var at = Timestamp.from(clock.instant());
        String message = ComputerInventory.cut(reason, 500);
        if (deviceId != null) {
            jdbc.sql("""
                    update agent_device set last_contact_at = :now, last_outcome = 'ERROR', last_error = :e
                    where school_id = :s and device_id = :d""")
                .param("now", at).param("e", message).param("s", schoolId).param("d", deviceId).update();
        }
        submission(schoolId, deviceId, null, protocol, action, agent, "ERROR", message, bytes, at);
    }

    private void submission(long schoolId, String deviceId, Long asset, String protocol, String action, String agent, String outcome,
                            String message, int bytes, Timestamp at) {
        jdbc.sql("""
                insert into agent_submission (school_id, device_id, asset_id, at, protocol, action, agent, outcome, message, bytes)
                values (:s, :d, :asset, :at, :p, :action, :agent, :o, :m, :b)""")
            .param("s", schoolId).param("d", deviceId).param("asset", asset).param("at", at).param("p", protocol)
            .param("action", action).param("agent", ComputerInventory.cut(agent, 100)).param("o", outcome).param("m", message)
            .param("b", bytes).update();
    }

    /** Makes the device row when it is new and locks it until the transaction ends; answers its asset (null: none yet). */
    private Long lockDevice(long schoolId, String deviceId, String protocol, Timestamp now) {
        // the usual case, a device seen before: one statement
        var linked = jdbc.sql("select id, asset_id from agent_device where school_id = :s and device_id = :d for update")
            .param("s", schoolId).param("d", deviceId).query((rs, n) -> Optional.ofNullable(rs.getObject("asset_id", Long.class)))
            .optional();
        if (linked.isPresent()) {
            return linked.get().orElse(null);
        }
        jdbc.sql("""
                insert into agent_device (school_id, device_id, protocol, first_seen_at, last_contact_at)
                values (:s, :d, :p, :now, :now) on conflict do nothing""")
            .param("s", schoolId).param("d", deviceId).param("p", protocol).param("now", now).update();
        return jdbc.sql("select id, asset_id from agent_device where school_id = :s and device_id = :d for update")
            .param("s", schoolId).param("d", deviceId).query((rs, n) -> rs.getObject("asset_id", Long.class)).optional().orElse(null);
    }

    /** What was stored of the computer before this inventory: details, whether its software is in the catalog, its OS. */
    record State(boolean known, boolean softwareSynced, String osName, String hardwareDigest, String softwareDigest) {}

    /** Writes the computer's details; {@code known} when it had details before (so changes are worth a line in the history). */
    private State storeDetails(long schoolId, long asset, ComputerInventory inv, Timestamp at, boolean hardwareTouched,
                               String hardwareDigest, String softwareDigest) {
        var synced = new boolean[1];
        var digests = new String[2];
        var before = jdbc.sql("select * from agent_computer where asset_id = :a").param("a", asset)
            .query((rs, n) -> {
                synced[0] = rs.getBoolean("software_synced");
                digests[0] = rs.getString("hardware_digest");
                digests[1] = rs.getString("software_digest");
                return new Details(rs.getString("os_name"), rs.getString("os_version"), rs.getString("os_arch"),
                rs.getString("kernel"), rs.getString("cpu"), (Integer) rs.getObject("cpu_count", Integer.class),
                (Integer) rs.getObject("cpu_cores", Integer.class), rs.getObject("memory_mb", Long.class),
                rs.getString("bios_manufacturer"), rs.getString("bios_version"), rs.getString("bios_date"), rs.getString("last_user"));
            })
            .optional();
        if (before.isEmpty()) {
            jdbc.sql("insert into agent_computer (asset_id, school_id, last_inventory_at) values (:a, :s, :at)")
                .param("a", asset).param("s", schoolId).param("at", at).update();
        }
        var d = inv.details();
        // one update of the row: the time, what the agent said of itself, the details when sent, the digests
        var sql = new StringBuilder("""
            update agent_computer set last_inventory_at = :at, agent = coalesce(:agent, agent),
              chassis = coalesce(:chassis, chassis), virtual_machine = coalesce(:vm, virtual_machine),
              software_digest = coalesce(:software, software_digest)""");
        if (hardwareTouched) {
            sql.append(", hardware_digest = :hardware");
        }
        if (d != null) {
            sql.append("""
                , os_name = :osName, os_version = :osVersion, os_arch = :osArch, kernel = :kernel,
                  cpu = :cpu, cpu_count = :cpuCount, cpu_cores = :cpuCores, memory_mb = :memory,
                  bios_manufacturer = :biosManufacturer, bios_version = :biosVersion, bios_date = :biosDate, last_user = :lastUser""");
        }
        var update = jdbc.sql(sql + " where asset_id = :a")
            .param("at", at).param("agent", inv.agent()).param("chassis", inv.chassis()).param("vm", inv.virtualMachine())
            .param("software", softwareDigest).param("a", asset);
        if (hardwareTouched) {
            update = update.param("hardware", hardwareDigest);
        }
        if (d != null) {
            update = update.param("osName", d.osName()).param("osVersion", d.osVersion()).param("osArch", d.osArch())
                .param("kernel", d.kernel()).param("cpu", d.cpu()).param("cpuCount", d.cpuCount()).param("cpuCores", d.cpuCores())
                .param("memory", d.memoryMb()).param("biosManufacturer", d.biosManufacturer()).param("biosVersion", d.biosVersion())
                .param("biosDate", d.biosDate()).param("lastUser", d.lastUser());
        }
        update.update();
        if (d != null) {
            if (before.isEmpty() || !Objects.equals(before.get().lastUser(), d.lastUser())) {
                jdbc.sql("update agent_computer set last_user_person = :p where asset_id = :a")
                    .param("p", person(schoolId, d.lastUser())).param("a", asset).update();
            }
            if (before.isPresent() && !before.get().auditView().equals(d.auditView())) {
                audit.record(ASSET_AUDIT, asset, schoolId, Action.UPDATED, "inventory" + (inv.agent() == null ? "" : ": " + inv.agent()),
                    before.get().auditView(), d.auditView());
            }
        }
        String osName = d != null && d.osName() != null ? d.osName() : before.map(Details::osName).orElse(null);
        return new State(before.isPresent(), synced[0], osName, digests[0], digests[1]);
    }

    private static final Caller READER = new Caller(0, "agent@spil", "Inventory agent", true, Map.of());

    /**
     * The person of the school a login names: "jan.peeters", "SCHOOL\\jan.peeters" or "jan.peeters@school.be" is the one
     * person whose email is that (or starts with that before the @); null when none or more than one match.
     */
    Long person(long schoolId, String login) {
        if (login == null) {
            return null;
        }
        String l = login.strip();
        int slash = l.lastIndexOf('\\');
        l = slash >= 0 ? l.substring(slash + 1) : l;
        if (l.length() < 3 || l.length() > 100 || l.equalsIgnoreCase("root") || l.equalsIgnoreCase("administrator")) {
            return null;
        }
        String wanted = l.toLowerCase(java.util.Locale.ROOT);
        var found = people.search(schoolId, new People.Search(wanted, null, false, null), new Paging(0, 5), READER).items();
        var matches = found.stream().filter(p -> p.email() != null)
            .filter(p -> p.email().equalsIgnoreCase(wanted) || p.email().toLowerCase(java.util.Locale.ROOT).startsWith(wanted + "@"))
            .map(PersonSummary::id).distinct().toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** A digest of rows as reported (their values in order): equal digests, equal rows. */
    static String digest(List<? extends List<?>> lists) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (var list : lists) {
                sha.update(String.valueOf(list.size()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (Object row : list) {
                    sha.update((byte) 0);
                    sha.update(String.valueOf(row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                sha.update((byte) 1);
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Inserter<T> {
        void insert(long asset, int position, T row);
    }

    private <T> void replaceIfChanged(long asset, String table, List<T> rows, List<T> stored, Inserter<T> inserter) {
        if (rows == null || rows.equals(stored)) {
            return;
        }
        jdbc.sql("delete from " + table + " where asset_id = :a").param("a", asset).update();
        for (int i = 0; i < rows.size(); i++) {
            inserter.insert(asset, i, rows.get(i));
        }
    }

    private List<Disk> disks(long asset) {
        return jdbc.sql("select * from agent_disk where asset_id = :a order by position").param("a", asset)
            .query((rs, n) -> new Disk(rs.getString("name"), rs.getString("filesystem"), rs.getObject("total_mb", Long.class),
                rs.getObject("free_mb", Long.class))).list();
    }

    private void insertDisk(long asset, int position, Disk d) {
        jdbc.sql("insert into agent_disk (asset_id, position, name, filesystem, total_mb, free_mb) values (:a, :p, :n, :f, :t, :fr)")
            .param("a", asset).param("p", position).param("n", d.name()).param("f", d.filesystem()).param("t", d.totalMb())
            .param("fr", d.freeMb()).update();
    }

    private List<Interface> interfaces(long asset) {
        return jdbc.sql("select * from agent_interface where asset_id = :a order by position").param("a", asset)
            .query((rs, n) -> new Interface(rs.getString("description"), rs.getString("mac"), rs.getString("ip_address"))).list();
    }

    private void insertInterface(long asset, int position, Interface i) {
        jdbc.sql("insert into agent_interface (asset_id, position, description, mac, ip_address) values (:a, :p, :d, :m, :ip)")
            .param("a", asset).param("p", position).param("d", i.description()).param("m", i.mac()).param("ip", i.ipAddress())
            .update();
    }

    private List<Peripheral> peripherals(long asset) {
        return jdbc.sql("select * from agent_peripheral where asset_id = :a order by position").param("a", asset)
            .query((rs, n) -> new Peripheral(rs.getString("kind"), rs.getString("name"), rs.getString("manufacturer"),
                rs.getString("serial"))).list();
    }

    private void insertPeripheral(long asset, int position, Peripheral p) {
        jdbc.sql("""
                insert into agent_peripheral (asset_id, position, kind, name, manufacturer, serial) values (:a, :p, :k, :n, :m, :s)""")
            .param("a", asset).param("p", position).param("k", p.kind()).param("n", p.name()).param("m", p.manufacturer())
            .param("s", p.serial()).update();
    }

    /** The programs added and removed by an inventory. */
    record SoftwareDiff(List<Software> added, List<Software> removed) {}

    /** The difference with what is stored: removed rows deleted, new rows added, one line in the history. */
    private SoftwareDiff storeSoftware(long schoolId, long asset, List<Software> software, boolean noteChanges) {
        record Row(long id, Software software) {}
        var stored = new HashMap<String, Row>();
        jdbc.sql("select id, name, version, publisher from agent_software where asset_id = :a").param("a", asset)
            .query((rs, n) -> {
                var s = new Software(rs.getString("name"), rs.getString("version"), rs.getString("publisher"));
                return stored.put(key(s), new Row(rs.getLong("id"), s));
            }).list();
        var incoming = new LinkedHashMap<String, Software>();
        software.forEach(s -> incoming.put(key(s), s));
        var added = new ArrayList<Software>();
        for (var e : incoming.entrySet()) {
            var old = stored.remove(e.getKey());
            if (old == null) {
                added.add(e.getValue());
            } else if (!Objects.equals(old.software().publisher(), e.getValue().publisher())) {
                jdbc.sql("update agent_software set publisher = :p where id = :id").param("p", e.getValue().publisher())
                    .param("id", old.id()).update();
            }
        }
        var removed = new ArrayList<Software>();
        var removedIds = new ArrayList<Long>();
        for (var old : stored.values()) {
            removedIds.add(old.id());
            removed.add(old.software());
        }
        for (int i = 0; i < removedIds.size(); i += 1000) {
            jdbc.sql("delete from agent_software where id in (:ids)")
                .param("ids", removedIds.subList(i, Math.min(i + 1000, removedIds.size()))).update();
        }
        if (!added.isEmpty()) {
            // one batch (rewritten into multi-row inserts by the PostgreSQL driver when configured)
            var args = new ArrayList<Object[]>(added.size());
            for (var s : added) {
                args.add(new Object[] {asset, s.name(), s.version(), s.publisher()});
            }
            batch.batchUpdate("insert into agent_software (asset_id, name, version, publisher) values (?, ?, ?, ?)", args);
        }
        if (noteChanges && (!added.isEmpty() || !removed.isEmpty())) {
            var before = new LinkedHashMap<String, String>();
            var after = new LinkedHashMap<String, String>();
            before.put("software", null);
            after.put("software", summary(added, removed));
            audit.record(ASSET_AUDIT, asset, schoolId, Action.UPDATED, "software", before, after);
        }
        return new SoftwareDiff(added, removed);
    }

    /**
     * The programs in the school's software catalog and the asset's AGENT installations: all of them the first time (or
     * when the computer's software was never put in the catalog), else only the titles of programs added or removed.
     */
    private void catalog(long schoolId, long asset, ComputerInventory inv, State state, SoftwareDiff diff, Instant now) {
        boolean full = !state.softwareSynced();
        if (!full && diff.added().isEmpty() && diff.removed().isEmpty()) {
            return;
        }
        var programs = new ArrayList<AgentSoftware.Program>(inv.software().size());
        for (var s : inv.software()) {
            var t = SoftwareNames.title(s.name(), s.version(), s.publisher(), s.category(), s.source());
            if (t != null) {
                programs.add(new AgentSoftware.Program(t.name(), t.publisher(), t.version()));
            }
        }
        Set<String> keys = null;
        if (!full) {
            keys = new HashSet<>();
            for (var list : List.of(diff.added(), diff.removed())) {
                for (var s : list) {
                    String name = SoftwareNames.name(s.name(), s.version().isEmpty() ? null : s.version());
                    if (name != null) {
                        keys.add(AgentSoftware.key(name));
                    }
                }
            }
        }
        agentSoftware.sync(schoolId, asset, platform(state.osName()), programs, keys, now);
        if (full) {
            jdbc.sql("update agent_computer set software_synced = true where asset_id = :a").param("a", asset).update();
        }
    }

    /** The platform of new titles, from the computer's operating system. */
    static SoftwarePlatform platform(String osName) {
        if (osName == null) {
            return SoftwarePlatform.MULTI;
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("windows")) {
            return SoftwarePlatform.WINDOWS;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return SoftwarePlatform.MACOS;
        }
        if (os.contains("chrome")) {
            return SoftwarePlatform.CHROMEOS;
        }
        if (os.contains("android")) {
            return SoftwarePlatform.ANDROID;
        }
        if (os.contains("ios")) {
            return SoftwarePlatform.IOS;
        }
        if (os.contains("linux") || os.contains("debian") || os.contains("ubuntu") || os.contains("fedora") || os.contains("bsd")
            || os.contains("mint") || os.contains("suse") || os.contains("centos") || os.contains("red hat")) {
            return SoftwarePlatform.LINUX;
        }
        return SoftwarePlatform.MULTI;
    }

    static String summary(List<Software> added, List<Software> removed) {
        var sb = new StringBuilder();
        if (!added.isEmpty()) {
            sb.append("installed ").append(names(added));
        }
        if (!removed.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append("removed ").append(names(removed));
        }
        return ComputerInventory.cut(sb.toString(), 2000);
    }

    private static String names(List<Software> list) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < list.size() && i < 20; i++) {
            var s = list.get(i);
            parts.add(s.version().isEmpty() ? s.name() : s.name() + " " + s.version());
        }
        String text = String.join(", ", parts);
        return list.size() > 20 ? text + " (+" + (list.size() - 20) + ")" : text;
    }

    private static String key(Software s) {
        return s.name() + "\u0000" + s.version();
    }
}
