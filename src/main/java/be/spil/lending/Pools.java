package be.spil.lending;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.inventory.AssetStatus;
import be.spil.inventory.AssetView;
import be.spil.inventory.Assets;
import be.spil.school.Rooms;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The lending module's API for device pools: every member of a school sees its pools; the ICT team (central admins,
 * coordinators, directors, technicians) defines them and their devices. A device in repair, lost or retired still
 * belongs to its pool but no longer counts in its capacity.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Pools {
    static final String AUDIT_TYPE = "pool";
    /** Inventory statuses of a device that can be lent. */
    static final Set<String> LENDABLE = Set.of(AssetStatus.IN_STOCK.name(), AssetStatus.IN_USE.name());
    static final String LENDABLE_SQL = "('IN_STOCK', 'IN_USE')";

    private static final String SELECT = """
        select p.*, r.name as room_name, b.name as building_name,
          (select count(*) from pool_device d where d.pool_id = p.id) as size,
          (select count(*) from pool_device d join asset a on a.id = d.asset_id
             where d.pool_id = p.id and a.status in """ + LENDABLE_SQL + """
        ) as capacity
        from device_pool p
        left join room r on r.id = p.home_room_id
        left join building b on b.id = r.building_id
        """;

    private final PoolRepository pools;
    private final JdbcClient jdbc;
    private final Assets assets;
    private final Rooms rooms;
    private final AuditTrail audit;
    private final Clock clock;

    Pools(PoolRepository pools, JdbcClient jdbc, Assets assets, Rooms rooms, AuditTrail audit, Clock clock) {
        this.pools = pools;
        this.jdbc = jdbc;
        this.assets = assets;
        this.rooms = rooms;
        this.audit = audit;
        this.clock = clock;
    }

    /** Central admins and the school's coordinators, directors and technicians define pools and hand devices out. */
    public static boolean canManage(Caller caller, long schoolId) {
        return Assets.canManage(caller, schoolId);
    }

    static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    static void requireManage(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        if (!canManage(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
    }

    // ---- reading ----

    /** A school's pools by name, without their device lists; archived ones only when asked. */
    public List<PoolView> list(long schoolId, boolean includeArchived, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql(SELECT + " where p.school_id = :school" + (includeArchived ? "" : " and p.archived = false") + " order by p.name")
            .param("school", schoolId).query((rs, n) -> view(rs, List.of())).list();
    }

    public PoolView get(long schoolId, long poolId, Caller caller) {
        requireSee(schoolId, caller);
        return find(schoolId, poolId);
    }

    PoolView find(long schoolId, long poolId) {
        var devices = jdbc.sql("""
                select a.id, a.tag, m.manufacturer, m.name as model_name, a.status from pool_device d
                join asset a on a.id = d.asset_id left join asset_model m on m.id = a.model_id
                where d.pool_id = :pool order by a.tag""")
            .param("pool", poolId)
            .query((rs, n) -> new PoolView.Device(rs.getLong("id"), rs.getString("tag"),
                rs.getString("model_name") == null ? null : rs.getString("manufacturer") + " " + rs.getString("model_name"),
                rs.getString("status"), LENDABLE.contains(rs.getString("status"))))
            .list();
        return jdbc.sql(SELECT + " where p.school_id = :school and p.id = :id").param("school", schoolId).param("id", poolId)
            .query((rs, n) -> view(rs, devices)).optional().orElseThrow(() -> new NotFoundException("pool", poolId));
    }

    /** How many devices of the pool can be lent now. */
    int capacity(long poolId) {
        return jdbc.sql("select count(*) from pool_device d join asset a on a.id = d.asset_id where d.pool_id = :pool and a.status in "
            + LENDABLE_SQL).param("pool", poolId).query(Integer.class).single();
    }

    /** The pool of this school with this id, or null. */
    Pool findForSchool(long schoolId, long poolId) {
        return pools.findById(poolId).filter(p -> p.schoolId == schoolId).orElse(null);
    }

    Pool load(long schoolId, long poolId) {
        return pools.findById(poolId).filter(p -> p.schoolId == schoolId).orElseThrow(() -> new NotFoundException("pool", poolId));
    }

    // ---- changing ----

    @Transactional
    public PoolView create(long schoolId, @Valid PoolForm form, Caller caller) {
        requireManage(schoolId, caller);
        if (pools.findBySchoolIdAndName(schoolId, form.name().trim()).isPresent()) {
            throw FieldErrorsException.conflict("name", "pool.name.taken", form.name().trim());
        }
        checkRoom(schoolId, form.homeRoomId());
        var devices = checkDevices(schoolId, form.devices(), null, caller);
        var pool = pools.save(Pool.create(schoolId, form, clock.instant(), Caller.currentActor()));
        setDevices(pool.id, devices);
        audit.record(AUDIT_TYPE, pool.id, schoolId, Action.CREATED, pool.name, Map.of(), auditView(pool, devices));
        return find(schoolId, pool.id);
    }

    /** Changes a pool; its devices are replaced when {@code form.devices()} is given. */
    @Transactional
    public PoolView update(long schoolId, long poolId, @Valid PoolForm form, Caller caller) {
        requireManage(schoolId, caller);
        var pool = load(schoolId, poolId);
        var before = auditView(pool, currentTags(pool.id));
        StaleVersionException.check(form.version(), pool.version, pool.updatedBy, pool.updatedAt, () -> before);
        var other = pools.findBySchoolIdAndName(schoolId, form.name().trim());
        if (other.isPresent() && !other.get().id.equals(pool.id)) {
            throw FieldErrorsException.conflict("name", "pool.name.taken", form.name().trim());
        }
        checkRoom(schoolId, form.homeRoomId());
        var devices = form.devices() == null ? null : checkDevices(schoolId, form.devices(), pool.id, caller);
        pool.change(form, clock.instant(), Caller.currentActor());
        pool = save(pool);
        if (devices != null) {
            jdbc.sql("delete from pool_device where pool_id = :pool").param("pool", pool.id).update();
            setDevices(pool.id, devices);
        }
        audit.record(AUDIT_TYPE, pool.id, schoolId, Action.UPDATED, pool.name, before, auditView(pool, currentTags(pool.id)));
        return find(schoolId, pool.id);
    }

    @Transactional
    public PoolView setArchived(long schoolId, long poolId, boolean archived, Caller caller) {
        requireManage(schoolId, caller);
        var pool = load(schoolId, poolId);
        var before = auditView(pool, currentTags(pool.id));
        pool.setArchived(archived, clock.instant(), Caller.currentActor());
        pool = save(pool);
        audit.record(AUDIT_TYPE, pool.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, pool.name, before,
            auditView(pool, currentTags(pool.id)));
        return find(schoolId, pool.id);
    }

    public List<AuditTrail.Entry> history(long schoolId, long poolId, Caller caller) {
        requireSee(schoolId, caller);
        load(schoolId, poolId);
        return audit.history(AUDIT_TYPE, poolId);
    }

    // ---- helpers ----

    private void checkRoom(long schoolId, Long roomId) {
        if (roomId != null && rooms.room(schoolId, roomId).filter(r -> !r.archived()).isEmpty()) {
            throw FieldErrorsException.of("homeRoomId", "pool.room.unknown");
        }
    }

    /** The assets of these tags: each of this school, not retired, and in no other pool. */
    private List<AssetView> checkDevices(long schoolId, List<String> tags, Long self, Caller caller) {
        var errors = new ArrayList<FieldError>();
        var found = new ArrayList<AssetView>();
        var seen = new LinkedHashSet<Long>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            AssetView asset;
            try {
                asset = assets.byTag(schoolId, tag, caller);
            } catch (NotFoundException e) {
                errors.add(new FieldError("devices", "pool.device.unknown", tag));
                continue;
            }
            if (!seen.add(asset.id())) {
                continue;
            }
            if (asset.status() == AssetStatus.RETIRED || asset.status() == AssetStatus.DISPOSED) {
                errors.add(new FieldError("devices", "pool.device.retired", asset.tag()));
                continue;
            }
            var otherPool = jdbc.sql("select p.name from pool_device d join device_pool p on p.id = d.pool_id where d.asset_id = :a"
                    + (self == null ? "" : " and d.pool_id <> :self"))
                .param("a", asset.id()).params(self == null ? Map.of() : Map.of("self", self)).query(String.class).optional();
            if (otherPool.isPresent()) {
                errors.add(new FieldError("devices", "pool.device.inOtherPool", asset.tag(), otherPool.get()));
                continue;
            }
            found.add(asset);
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return found;
    }

    private void setDevices(long poolId, List<AssetView> devices) {
        var now = Timestamp.from(clock.instant());
        for (var d : devices) {
            jdbc.sql("insert into pool_device (pool_id, asset_id, added_at) values (:pool, :asset, :at)")
                .param("pool", poolId).param("asset", d.id()).param("at", now).update();
        }
    }

    private List<String> currentTags(long poolId) {
        return jdbc.sql("select a.tag from pool_device d join asset a on a.id = d.asset_id where d.pool_id = :pool order by a.tag")
            .param("pool", poolId).query(String.class).list();
    }

    private static Map<String, String> auditView(Pool pool, List<?> devices) {
        var m = new LinkedHashMap<>(pool.auditView());
        m.put("devices", devices.stream().map(d -> d instanceof AssetView a ? a.tag() : d.toString()).sorted()
            .reduce((a, b) -> a + ", " + b).orElse(""));
        return m;
    }

    private Pool save(Pool pool) {
        try {
            return pools.save(pool);
        } catch (OptimisticLockingFailureException e) {
            var current = pools.findById(pool.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }

    private static PoolView view(ResultSet rs, List<PoolView.Device> devices) throws SQLException {
        String room = rs.getString("room_name") == null ? null : rs.getString("building_name") + " " + rs.getString("room_name");
        return new PoolView(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
            rs.getObject("home_room_id", Long.class), room, ReservableBy.valueOf(rs.getString("reservable_by")),
            rs.getObject("max_per_reservation", Integer.class), rs.getBoolean("needs_approval"), rs.getBoolean("archived"),
            rs.getInt("size"), rs.getInt("capacity"), devices, rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
            rs.getString("updated_by"));
    }
}
