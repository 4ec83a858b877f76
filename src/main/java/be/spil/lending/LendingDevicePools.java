package be.spil.lending;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.DevicePools;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lending module's pools for the inventory's bulk action "assign to pool", with the rules of {@link Pools}: a device
 * belongs to one pool at most, of its own school, and a retired device goes in none. The ICT team only.
 */
@Component
class LendingDevicePools implements DevicePools {
    private final Pools pools;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    LendingDevicePools(Pools pools, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.pools = pools;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Choice> choices(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId) || !Pools.canManage(caller, schoolId)) {
            return List.of();
        }
        return jdbc.sql("select id, name from device_pool where school_id = :s and archived = false order by name")
            .param("s", schoolId).query((rs, n) -> new Choice(rs.getLong("id"), rs.getString("name"))).list();
    }

    private record Device(long id, String tag, String status, String pool) {}

    @Override
    @Transactional
    public Result assign(long schoolId, Caller caller, List<Long> assetIds, long poolId) {
        Pools.requireManage(schoolId, caller);
        // the pool's row is locked: two selections for the same pool wait for each other
        var pool = jdbc.sql("select id, name, archived from device_pool where id = :p and school_id = :s for update")
            .param("p", poolId).param("s", schoolId)
            .query((rs, n) -> Map.entry(rs.getString("name"), rs.getBoolean("archived"))).optional()
            .orElseThrow(() -> FieldErrorsException.of("poolId", "pool.choose.unknown"));
        if (pool.getValue()) {
            throw FieldErrorsException.of("poolId", "pool.choose.archived", pool.getKey());
        }
        var ids = new LinkedHashSet<>(assetIds == null ? List.<Long>of() : assetIds);
        if (ids.isEmpty()) {
            throw FieldErrorsException.of("tags", "asset.bulk.none");
        }
        var found = new HashMap<Long, Device>();
        jdbc.sql("""
                select a.id, a.tag, a.status, p.id as pool_id, p.name as pool_name
                from asset a left join pool_device d on d.asset_id = a.id left join device_pool p on p.id = d.pool_id
                where a.school_id = :s and a.id in (:ids)""")
            .param("s", schoolId).param("ids", List.copyOf(ids))
            .query((rs, n) -> new Device(rs.getLong("id"), rs.getString("tag"), rs.getString("status"),
                rs.getObject("pool_id") == null ? null
                    : rs.getLong("pool_id") == poolId ? "" : rs.getString("pool_name")))
            .list().forEach(d -> found.put(d.id(), d));
        var errors = new ArrayList<FieldError>();
        var toAdd = new ArrayList<Device>();
        for (Long id : ids) {
            var d = found.get(id);
            if (d == null) {
                errors.add(new FieldError("tags", "pool.device.unknown", String.valueOf(id)));
            } else if ("".equals(d.pool())) {
                continue;
            } else if (d.pool() != null) {
                errors.add(new FieldError("tags", "pool.device.inOtherPool", d.tag(), d.pool()));
            } else if (d.status().equals("RETIRED") || d.status().equals("DISPOSED")) {
                errors.add(new FieldError("tags", "pool.device.retired", d.tag()));
            } else {
                toAdd.add(d);
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        if (!toAdd.isEmpty()) {
            var before = tags(poolId);
            var now = Timestamp.from(clock.instant());
            try {
                for (var d : toAdd) {
                    jdbc.sql("insert into pool_device (pool_id, asset_id, added_at) values (:pool, :asset, :at)")
                        .param("pool", poolId).param("asset", d.id()).param("at", now).update();
                }
            } catch (DuplicateKeyException e) {
                // another request put one of them in a pool meanwhile: nothing of this one is kept
                throw FieldErrorsException.conflict("tags", "asset.concurrent");
            }
            audit.record(Pools.AUDIT_TYPE, poolId, schoolId, Action.UPDATED, pool.getKey(), Map.of("devices", before),
                Map.of("devices", tags(poolId)));
        }
        return new Result(toAdd.size(), ids.size() - toAdd.size());
    }

    private String tags(long poolId) {
        return String.join(", ", jdbc.sql(
                "select a.tag from pool_device d join asset a on a.id = d.asset_id where d.pool_id = :pool order by a.tag")
            .param("pool", poolId).query(String.class).list());
    }
}
