package be.spil.agents;

import be.spil.agents.ComputerInventory.Disk;
import be.spil.agents.ComputerInventory.Interface;
import be.spil.agents.ComputerInventory.Peripheral;
import be.spil.agents.ComputerInventory.Software;
import be.spil.inventory.Assets;
import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What agents reported, for people of the school: a computer's details and the list of reporting agents. */
@Service
@Transactional(readOnly = true)
class AgentViews {
    static final int SOFTWARE_SHOWN = 2000;

    /** The hardware details of an asset as its agent last reported them; {@code reported} false when no agent ever did. */
    record Computer(String tag, boolean reported, String osName, String osVersion, String osArch, String kernel, String cpu,
                    Integer cpuCount, Integer cpuCores, Long memoryMb, String biosManufacturer, String biosVersion, String biosDate,
                    String chassis, String virtualMachine, String lastUser, Long lastUserPersonId, String agent, Instant lastInventoryAt, boolean stale,
                    List<Disk> disks, List<Interface> interfaces, List<Peripheral> peripherals, long softwareCount,
                    List<Software> software) {}

    /** One reporting agent installation. */
    record Agent(String deviceId, String protocol, String agent, Long assetId, String tag, String hostname, Instant firstSeenAt,
                 Instant lastContactAt, Instant lastInventoryAt, String lastOutcome, String lastError, boolean stale) {}

    private final JdbcClient jdbc;
    private final Assets assets;
    private final Clock clock;
    private final int staleDays;

    AgentViews(JdbcClient jdbc, Assets assets, Clock clock, @Value("${spil.agents.stale-days:30}") int staleDays) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.clock = clock;
        this.staleDays = staleDays;
    }

    int staleDays() {
        return staleDays;
    }

    private Instant staleBefore() {
        return clock.instant().minus(Duration.ofDays(staleDays));
    }

    Computer computer(long schoolId, String tag, Caller caller) {
        var asset = assets.byTag(schoolId, tag, caller);
        long id = asset.id();
        var disks = jdbc.sql("select * from agent_disk where asset_id = :a order by position").param("a", id)
            .query((rs, n) -> new Disk(rs.getString("name"), rs.getString("filesystem"), rs.getObject("total_mb", Long.class),
                rs.getObject("free_mb", Long.class))).list();
        var interfaces = jdbc.sql("select * from agent_interface where asset_id = :a order by position").param("a", id)
            .query((rs, n) -> new Interface(rs.getString("description"), rs.getString("mac"), rs.getString("ip_address"))).list();
        var peripherals = jdbc.sql("select * from agent_peripheral where asset_id = :a order by position").param("a", id)
            .query((rs, n) -> new Peripheral(rs.getString("kind"), rs.getString("name"), rs.getString("manufacturer"),
                rs.getString("serial"))).list();
        long count = jdbc.sql("select count(*) from agent_software where asset_id = :a").param("a", id).query(Long.class).single();
        var software = jdbc.sql("""
                select name, version, publisher from agent_software where asset_id = :a order by lower(name), version limit :limit""")
            .param("a", id).param("limit", SOFTWARE_SHOWN)
            .query((rs, n) -> new Software(rs.getString("name"), rs.getString("version"), rs.getString("publisher"))).list();
        Instant staleBefore = staleBefore();
        return jdbc.sql("select * from agent_computer where asset_id = :a").param("a", id)
            .query((rs, n) -> {
                Instant last = rs.getTimestamp("last_inventory_at").toInstant();
                return new Computer(asset.tag(), true, rs.getString("os_name"), rs.getString("os_version"), rs.getString("os_arch"),
                    rs.getString("kernel"), rs.getString("cpu"), rs.getObject("cpu_count", Integer.class),
                    rs.getObject("cpu_cores", Integer.class), rs.getObject("memory_mb", Long.class),
                    rs.getString("bios_manufacturer"), rs.getString("bios_version"), rs.getString("bios_date"), rs.getString("chassis"),
                    rs.getString("virtual_machine"), rs.getString("last_user"), rs.getObject("last_user_person", Long.class),
                    rs.getString("agent"), last,
                    last.isBefore(staleBefore), disks, interfaces, peripherals, count, software);
            })
            .optional()
            .orElse(new Computer(asset.tag(), false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false, disks, interfaces, peripherals, count, software));
    }

    /** The school's agents, most recently heard first; {@code staleOnly}: those silent for the configured days. */
    PageResult<Agent> agents(long schoolId, boolean staleOnly, Paging paging, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        String where = " where d.school_id = :s" + (staleOnly ? " and (d.last_inventory_at is null or d.last_inventory_at < :before)" : "");
        var before = Timestamp.from(staleBefore());
        long total = jdbc.sql("select count(*) from agent_device d" + where).param("s", schoolId)
            .params(staleOnly ? java.util.Map.of("before", before) : java.util.Map.of()).query(Long.class).single();
        var items = jdbc.sql("select d.*, a.tag, a.hostname from agent_device d left join asset a on a.id = d.asset_id" + where
                + " order by d.last_contact_at desc, d.id desc limit :limit offset :offset")
            .param("s", schoolId).params(staleOnly ? java.util.Map.of("before", before) : java.util.Map.of())
            .param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> {
                Instant last = instant(rs.getTimestamp("last_inventory_at"));
                return new Agent(rs.getString("device_id"), rs.getString("protocol"), rs.getString("agent"),
                    rs.getObject("asset_id", Long.class), rs.getString("tag"), rs.getString("hostname"),
                    instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("last_contact_at")), last,
                    rs.getString("last_outcome"), rs.getString("last_error"), last == null || last.isBefore(before.toInstant()));
            }).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
