package be.spil.inventory;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Groups;
import be.spil.directory.Organisations;
import be.spil.directory.People;
import be.spil.school.Rooms;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The inventory's API: a school's assets with the group's model catalog. Everybody of a school reads them; central
 * admins, and the school's ICT coordinators, directors and technicians change them. Nothing is deleted.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Assets {
    static final String AUDIT_TYPE = "asset";

    static final String SELECT = """
        select a.*, m.manufacturer, m.name as model_name, r.name as room_name, b.name as building_name, o.name as supplier_name
        from asset a
        left join asset_model m on m.id = a.model_id
        left join room r on r.id = a.room_id
        left join building b on b.id = r.building_id
        left join organisation o on o.id = a.supplier_id""";

    private static final Map<String, String> SORTS = Map.ofEntries(
        Map.entry("tag", "a.tag %1$s, a.id"),
        Map.entry("serial", "a.serial %1$s, a.tag"),
        Map.entry("category", "a.category %1$s, a.tag"),
        Map.entry("model", "m.manufacturer %1$s, m.name %1$s, a.tag"),
        Map.entry("status", "a.status %1$s, a.tag"),
        Map.entry("room", "b.name %1$s, r.name %1$s, a.tag"),
        Map.entry("assignedTo", "a.assignee_name %1$s, a.tag"),
        Map.entry("hostname", "a.hostname %1$s, a.tag"),
        Map.entry("purchaseDate", "a.purchase_date %1$s, a.tag"),
        Map.entry("warrantyEnd", "a.warranty_end %1$s, a.tag"),
        Map.entry("updatedAt", "a.updated_at %1$s, a.tag"));

    private final AssetRepository assets;
    private final AssetModelRepository models;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Schools schools;
    private final Rooms rooms;
    private final People people;
    private final Groups groups;
    private final Organisations organisations;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    Assets(AssetRepository assets, AssetModelRepository models, JdbcClient jdbc, AuditTrail audit, Clock clock, Schools schools,
           Rooms rooms, People people, Groups groups, Organisations organisations,
           org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
        this.named = named;
        this.assets = assets;
        this.models = models;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.schools = schools;
        this.rooms = rooms;
        this.people = people;
        this.groups = groups;
        this.organisations = organisations;
    }

    /** Central admins and the school's ICT coordinators, directors and technicians change its assets. */
    public static boolean canManage(Caller caller, long schoolId) {
        return caller.canManage(schoolId) || caller.has(schoolId, Role.TECHNICIAN);
    }

    private static void requireManage(Caller caller, long schoolId) {
        requireSee(schoolId, caller);
        if (!canManage(caller, schoolId)) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    // ---- reading ----

    /** With a text filter the list counts up to this many assets exactly; a total of COUNT_CAP + 1 means "more than COUNT_CAP". */
    public static final int COUNT_CAP = 5000;

    /** One page of a school's assets, filtered and sorted in the database. */
    public PageResult<AssetView> search(long schoolId, AssetFilter f, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var params = new LinkedHashMap<String, Object>();
        String where = where(schoolId, f, params);
        String order = orderBy(f.sort());
        // with free text, counting every match costs as much as the page: beyond COUNT_CAP the total says "more"
        long total = hasText(f)
            ? jdbc.sql("select count(*) from (select 1 from asset a" + where + " limit " + (COUNT_CAP + 1) + ") c")
                .params(params).query(Long.class).single()
            : jdbc.sql("select count(*) from asset a" + where).params(params).query(Long.class).single();
        // the page's ids first (joining only what the sort needs), then their details: a plan that joins every match
        // before sorting (a generic plan for a term that matches 40,000 assets) costs 150 ms, this one a few
        String sortJoins = order.startsWith("m.") ? " left join asset_model m on m.id = a.model_id"
            : order.startsWith("b.") ? " left join room r on r.id = a.room_id left join building b on b.id = r.building_id" : "";
        var items = jdbc.sql(SELECT.replace("from asset a", "from (select a.id from asset a" + sortJoins + where + " order by "
                + order + " limit :limit offset :offset) page join asset a on a.id = page.id") + " order by " + order)
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> view(rs)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** The where clause of the asset list for this filter (aliases as in {@link #SELECT}); fills {@code params}. */
    String where(long schoolId, AssetFilter f, Map<String, Object> params) {
        var where = new StringBuilder(" where a.school_id = :school");
        params.put("school", schoolId);
        if (hasText(f)) {
            // A term of one or two characters has no trigram: on PostgreSQL the trigram index (V41) would read all its
            // entries (~100 ms for 80,000 assets), and a generic plan of the prepared statement cannot know the term's
            // length. So short terms get their own statement, which the index cannot serve: the school's rows filtered.
            boolean shortTerm = Text.searchKey(f.q()).length() < 3;
            where.append(shortTerm ? " and (a.search_text || '') like :q escape '\\'" : " and a.search_text like :q escape '\\'");
            params.put("q", Text.likePattern(f.q()));
        }
        if (f.category() != null) {
            where.append(" and a.category = :category");
            params.put("category", f.category().name());
        }
        if (f.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", f.status().name());
        }
        if (f.roomId() != null) {
            where.append(" and a.room_id = :room");
            params.put("room", f.roomId());
        }
        if (f.personId() != null) {
            where.append(" and a.assignee_type = 'PERSON' and a.assignee_id = :person");
            params.put("person", f.personId());
        }
        if (f.modelId() != null) {
            where.append(" and a.model_id = :model");
            params.put("model", f.modelId());
        }
        if (f.warrantyDays() != null) {
            if (f.warrantyDays() < 0 || f.warrantyDays() > 3650) {
                throw FieldErrorsException.of("warrantyDays", "asset.warrantyDays.range", 0, 3650);
            }
            LocalDate today = LocalDate.now(clock);
            where.append(" and a.warranty_end between :today and :until");
            params.put("today", today);
            params.put("until", today.plusDays(f.warrantyDays()));
        }
        if (f.notSeenDays() != null) {
            if (f.notSeenDays() < 0 || f.notSeenDays() > 3650) {
                throw FieldErrorsException.of("notSeenDays", "asset.notSeenDays.range", 0, 3650);
            }
            where.append(" and (a.last_seen_at is null or a.last_seen_at < :seenBefore)");
            params.put("seenBefore", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(f.notSeenDays()))));
        }
        return where.toString();
    }

    private static boolean hasText(AssetFilter f) {
        return f.q() != null && !f.q().isBlank();
    }

    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return String.format(SORTS.get("tag"), "asc");
        }
        String[] parts = sort.split(",");
        String pattern = SORTS.get(parts[0].trim());
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (pattern == null || parts.length > 2 || !(dir.equals("asc") || dir.equals("desc"))) {
            throw FieldErrorsException.of("sort", "error.sort.invalid", String.join(", ", new TreeSet<>(SORTS.keySet())));
        }
        return String.format(pattern, dir);
    }

    /** How many of a school's assets are in each status (one query), for the home page. */
    public java.util.Map<AssetStatus, Long> countByStatus(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var counts = new java.util.EnumMap<AssetStatus, Long>(AssetStatus.class);
        jdbc.sql("select status, count(*) from asset where school_id = :s group by status")
            .param("s", schoolId)
            .query((rs, n) -> counts.put(AssetStatus.valueOf(rs.getString(1)), rs.getLong(2)))
            .list();
        return counts;
    }

    public AssetView get(long schoolId, long assetId, Caller caller) {
        requireSee(schoolId, caller);
        return find(schoolId, "a.id = :key", assetId).orElseThrow(() -> new NotFoundException("asset", assetId));
    }

    public AssetView byTag(long schoolId, String tag, Caller caller) {
        requireSee(schoolId, caller);
        return find(schoolId, "a.tag = :key", AssetTags.normalise(tag)).orElseThrow(() -> new NotFoundException("asset", tag));
    }

    private Optional<AssetView> find(long schoolId, String condition, Object key) {
        return jdbc.sql(SELECT + " where a.school_id = :school and " + condition)
            .param("school", schoolId).param("key", key).query((rs, n) -> view(rs)).optional();
    }

    public AssetHistory history(long schoolId, long assetId, Caller caller) {
        var asset = get(schoolId, assetId, caller);
        var status = jdbc.sql("""
                select * from asset_status_change where asset_id = :id order by at desc, id desc""")
            .param("id", asset.id())
            .query((rs, n) -> new AssetHistory.StatusChange(
                rs.getString("from_status") == null ? null : AssetStatus.valueOf(rs.getString("from_status")),
                AssetStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getTimestamp("at").toInstant(),
                rs.getString("actor")))
            .list();
        var assignments = jdbc.sql("select * from asset_assignment where asset_id = :id order by from_at desc, id desc")
            .param("id", asset.id())
            .query((rs, n) -> new AssetHistory.Assignment(AssigneeType.valueOf(rs.getString("assignee_type")),
                rs.getLong("assignee_id"), rs.getString("assignee_name"), rs.getTimestamp("from_at").toInstant(),
                rs.getTimestamp("until_at") == null ? null : rs.getTimestamp("until_at").toInstant(), rs.getString("assigned_by")))
            .list();
        return new AssetHistory(status, assignments, audit.history(AUDIT_TYPE, asset.id()));
    }

    /** The school group's model catalog, filtered by free text (manufacturer, name) and category. */
    public PageResult<ModelView> models(String q, AssetCategory category, Paging paging) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new LinkedHashMap<String, Object>();
        if (q != null && !q.isBlank()) {
            where.append(" and (m.manufacturer_key || ' ' || m.name_key) like :q escape '\\'");
            params.put("q", Text.likePattern(q));
        }
        if (category != null) {
            where.append(" and m.category = :category");
            params.put("category", category.name());
        }
        long total = jdbc.sql("select count(*) from asset_model m" + where).params(params).query(Long.class).single();
        var items = jdbc.sql("select m.*, (select count(*) from asset a where a.model_id = m.id) as assets from asset_model m"
                + where + " order by m.manufacturer_key, m.name_key limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> new ModelView(rs.getLong("id"), rs.getString("manufacturer"), rs.getString("name"),
                AssetCategory.valueOf(rs.getString("category")), rs.getLong("assets")))
            .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** Models of the catalog by id, for links from other modules (unknown ids are left out). */
    public List<ModelView> modelsById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select m.id, m.manufacturer, m.name, m.category from asset_model m where m.id in (:ids)").param("ids", ids)
            .query((rs, n) -> new ModelView(rs.getLong("id"), rs.getString("manufacturer"), rs.getString("name"),
                AssetCategory.valueOf(rs.getString("category")), 0))
            .list();
    }

    /** The statuses the asset may go to now. */
    public List<AssetStatus> nextStatuses(AssetStatus from) {
        return List.copyOf(StatusPolicy.next(from));
    }

    // ---- changing ----

    @Transactional
    public AssetView create(long schoolId, @Valid AssetForm form, Caller caller) {
        requireManage(caller, schoolId);
        try {
            return doCreate(schoolId, form, caller);
        } catch (RuntimeException e) {
            throw duplicateOr(e);
        }
    }

    private AssetView doCreate(long schoolId, AssetForm form, Caller caller) {
        var values = check(schoolId, form, null);
        String tag = values.tag() == null ? nextTag(schoolId) : values.tag();
        values = withTag(values, tag);
        AssetStatus status = form.status() == null ? AssetStatus.IN_STOCK : form.status();
        var now = clock.instant();
        String actor = Caller.currentActor();
        var asset = assets.save(Asset.create(schoolId, values, status, now, actor));
        jdbc.sql("""
                insert into asset_status_change (asset_id, from_status, to_status, reason, at, actor)
                values (:asset, null, :to, :reason, :at, :actor)""")
            .param("asset", asset.id).param("to", status.name()).param("reason", "")
            .param("at", java.sql.Timestamp.from(now)).param("actor", actor).update();
        audit.record(AUDIT_TYPE, asset.id, schoolId, Action.CREATED, asset.tag, Map.of(), auditView(asset));
        return get(schoolId, asset.id, caller);
    }

    /**
     * Creates many new assets at once, for an import: the same rules as {@link #create} for each form, but the lookups
     * done once for all and the rows written in JDBC batches (assets, their first status), each with its audit entry.
     * Any problem (a field error, a tag or serial that exists) fails the whole call, with the first problem: the
     * import then goes row by row to say which rows are wrong. Returns the tags, in the order of the forms.
     */
    @Transactional
    public List<String> createAll(long schoolId, List<@Valid AssetForm> forms, Caller caller) {
        requireManage(caller, schoolId);
        if (forms.isEmpty()) {
            return List.of();
        }
        var tags = new ArrayList<String>();
        var serials = new ArrayList<String>();
        for (AssetForm f : forms) {
            if (Text.blankToNull(f.tag()) != null) {
                tags.add(AssetTags.normalise(f.tag()));
            }
            String serial = Serials.normalise(f.serial());
            if (serial != null) {
                serials.add(serial);
            }
        }
        if (new java.util.HashSet<>(tags).size() != tags.size() || new java.util.HashSet<>(serials).size() != serials.size()) {
            throw FieldErrorsException.conflict("tag", "asset.concurrent");
        }
        for (String column : new String[] {"tag", "serial"}) {
            var keys = column.equals("tag") ? tags : serials;
            for (int i = 0; i < keys.size(); i += 1000) {
                var taken = jdbc.sql("select " + column + " from asset where school_id = :s and " + column + " in (:keys) limit 1")
                    .param("s", schoolId).param("keys", keys.subList(i, Math.min(keys.size(), i + 1000))).query(String.class)
                    .optional();
                if (taken.isPresent()) {
                    throw FieldErrorsException.conflict(column, "asset.concurrent");
                }
            }
        }
        var roomNames = new java.util.HashMap<Long, String>();
        for (var r : rooms.rooms(schoolId, be.spil.school.Rooms.RoomFilter.active())) {
            roomNames.put(r.id(), r.building() + " " + r.name());
        }
        var batch = new Batch(roomNames, new java.util.HashMap<>());
        var now = clock.instant();
        String actor = Caller.currentActor();
        var created = new ArrayList<Asset>();
        var modelTexts = new ArrayList<String>();
        for (AssetForm form : forms) {
            var values = check(schoolId, form, null, batch);
            if (values.tag() == null) {
                values = withTag(values, nextTag(schoolId));
            }
            AssetStatus status = form.status() == null ? AssetStatus.IN_STOCK : form.status();
            created.add(Asset.create(schoolId, values, status, now, actor));
            modelTexts.add(values.model() == null ? null : values.model().manufacturer + " " + values.model().name);
        }
        var ts = java.sql.Timestamp.from(now);
        var rows = new org.springframework.jdbc.core.namedparam.SqlParameterSource[created.size()];
        for (int i = 0; i < created.size(); i++) {
            Asset a = created.get(i);
            rows[i] = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("school", schoolId).addValue("tag", a.tag).addValue("serial", a.serial)
                .addValue("category", a.category.name()).addValue("model", a.modelId).addValue("status", a.status.name())
                .addValue("room", a.roomId).addValue("supplier", a.supplierId).addValue("orderReference", a.orderReference)
                .addValue("purchaseDate", a.purchaseDate).addValue("price", a.price).addValue("warrantyEnd", a.warrantyEnd)
                .addValue("hostname", a.hostname).addValue("macs", a.macAddresses).addValue("ip", a.ipAddress)
                .addValue("notes", a.notes).addValue("searchText", a.searchText).addValue("at", ts).addValue("actor", actor);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        named.batchUpdate("""
                insert into asset (school_id, tag, serial, category, model_id, status, room_id, supplier_id, order_reference,
                  purchase_date, price, warranty_end, hostname, mac_addresses, ip_address, notes, search_text, version,
                  created_at, updated_at, updated_by)
                values (:school, :tag, :serial, :category, :model, :status, :room, :supplier, :orderReference, :purchaseDate,
                  :price, :warrantyEnd, :hostname, :macs, :ip, :notes, :searchText, 0, :at, :at, :actor)""",
            rows, keys, new String[] {"id"});
        var ids = keys.getKeyList();
        var changes = new org.springframework.jdbc.core.namedparam.SqlParameterSource[created.size()];
        for (int i = 0; i < created.size(); i++) {
            Asset a = created.get(i);
            a.id = ((Number) ids.get(i).get("id")).longValue();
            a.version = 0;
            changes[i] = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("asset", a.id)
                .addValue("to", a.status.name()).addValue("at", ts).addValue("actor", actor);
        }
        named.batchUpdate("""
                insert into asset_status_change (asset_id, from_status, to_status, reason, at, actor)
                values (:asset, null, :to, '', :at, :actor)""", changes);
        for (int i = 0; i < created.size(); i++) {
            Asset a = created.get(i);
            audit.record(AUDIT_TYPE, a.id, schoolId, Action.CREATED, a.tag, Map.of(),
                a.auditView(modelTexts.get(i), a.roomId == null ? null : roomNames.get(a.roomId),
                    a.supplierId == null ? null : organisations.get(a.supplierId).name()));
        }
        return created.stream().map(a -> a.tag).toList();
    }

    /** Creates the asset and, when {@code assigneeType} is given, assigns it: all or nothing. */
    @Transactional
    public AssetView create(long schoolId, @Valid AssetForm form, AssigneeType assigneeType, Long assigneeId, Caller caller) {
        var created = create(schoolId, form, caller);
        return assigneeType == null ? created : assign(schoolId, created.id(), assigneeType, assigneeId, created.version(), caller);
    }

    /**
     * Changes the asset's data, then (when given) its status with a reason, then its assignment ({@code unassign} takes
     * it back): all or nothing, starting from the version the client read.
     */
    @Transactional
    public AssetView patch(long schoolId, long assetId, @Valid AssetForm form, AssetStatus status, String reason,
                           AssigneeType assigneeType, Long assigneeId, boolean unassign, Caller caller) {
        var asset = update(schoolId, assetId, form, caller);
        if (status != null && status != asset.status()) {
            asset = changeStatus(schoolId, assetId, status, reason, asset.version(), caller);
        }
        if (unassign) {
            asset = assign(schoolId, assetId, null, null, asset.version(), caller);
        } else if (assigneeType != null) {
            asset = assign(schoolId, assetId, assigneeType, assigneeId, asset.version(), caller);
        }
        return asset;
    }

    @Transactional
    public AssetView update(long schoolId, long assetId, @Valid AssetForm form, Caller caller) {
        requireManage(caller, schoolId);
        try {
            return doUpdate(schoolId, assetId, form, caller);
        } catch (RuntimeException e) {
            throw duplicateOr(e);
        }
    }

    private AssetView doUpdate(long schoolId, long assetId, AssetForm form, Caller caller) {
        var asset = load(schoolId, assetId);
        var current = asset;
        StaleVersionException.check(form.version(), asset.version, asset.updatedBy, asset.updatedAt, () -> auditView(current));
        var values = check(schoolId, form, asset);
        if (values.tag() == null) {
            values = withTag(values, asset.tag);
        }
        var before = auditView(asset);
        asset.change(values, clock.instant(), Caller.currentActor());
        if (!before.equals(auditView(asset))) {
            asset = save(asset);
            audit.record(AUDIT_TYPE, asset.id, schoolId, Action.UPDATED, asset.tag, before, auditView(asset));
        }
        return get(schoolId, assetId, caller);
    }

    /** Moves the asset to another status, if the policy allows it, with a reason that is kept in its history. */
    @Transactional
    public AssetView changeStatus(long schoolId, long assetId, AssetStatus to, String reason, Integer version, Caller caller) {
        requireManage(caller, schoolId);
        var asset = load(schoolId, assetId);
        var current = asset;
        StaleVersionException.check(version, asset.version, asset.updatedBy, asset.updatedAt, () -> auditView(current));
        var errors = new ArrayList<FieldError>();
        if (to == null) {
            errors.add(new FieldError("status", "asset.status.required"));
        } else if (!StatusPolicy.allowed(asset.status, to)) {
            errors.add(new FieldError("status", "asset.status.notAllowed", asset.status.name(), to.name()));
        }
        String why = Text.blankToNull(reason);
        if (why == null) {
            errors.add(new FieldError("reason", "asset.reason.required"));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "error.tooLong", 500));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        writeStatus(asset, to, why);
        return get(schoolId, assetId, caller);
    }

    private void writeStatus(Asset asset, AssetStatus to, String why) {
        var before = auditView(asset);
        var from = asset.status;
        var now = clock.instant();
        String actor = Caller.currentActor();
        asset.setStatus(to, now, actor);
        asset = save(asset);
        jdbc.sql("""
                insert into asset_status_change (asset_id, from_status, to_status, reason, at, actor)
                values (:asset, :from, :to, :reason, :at, :actor)""")
            .param("asset", asset.id).param("from", from.name()).param("to", to.name()).param("reason", why)
            .param("at", java.sql.Timestamp.from(now)).param("actor", actor).update();
        audit.record(AUDIT_TYPE, asset.id, asset.schoolId, Action.UPDATED, asset.tag + ": " + why, before, auditView(asset));
    }

    // ---- bulk actions on a selection ----

    /** The most assets one bulk action changes. */
    public static final int BULK_MAX = 500;

    /** What a bulk action did: the assets it changed and those that were already so. */
    public record BulkResult(int changed, int unchanged) {}

    /** Moves the selected assets (by tag) to a room of the school, or out of any room when {@code roomId} is null; all or nothing. */
    @Transactional
    public BulkResult moveToRoom(long schoolId, List<String> tags, Long roomId, Caller caller) {
        requireManage(caller, schoolId);
        var selected = selection(schoolId, tags);
        if (roomId != null && rooms.room(schoolId, roomId).isEmpty()) {
            throw FieldErrorsException.of("roomId", "asset.room.unknown");
        }
        int changed = 0;
        String actor = Caller.currentActor();
        for (Asset asset : selected) {
            if (java.util.Objects.equals(asset.roomId, roomId)) {
                continue;
            }
            var before = auditView(asset);
            asset.moveTo(roomId, clock.instant(), actor);
            var saved = save(asset);
            audit.record(AUDIT_TYPE, saved.id, schoolId, Action.UPDATED, saved.tag, before, auditView(saved));
            changed++;
        }
        return new BulkResult(changed, selected.size() - changed);
    }

    /**
     * Moves the selected assets (by tag) to another status with one reason. Each goes through {@link StatusPolicy}; when
     * one may not, nothing changes and the error names that asset. Assets already in that status stay as they are.
     */
    @Transactional
    public BulkResult changeStatusOf(long schoolId, List<String> tags, AssetStatus to, String reason, Caller caller) {
        requireManage(caller, schoolId);
        var selected = selection(schoolId, tags);
        String why = Text.blankToNull(reason);
        var errors = new ArrayList<FieldError>();
        if (to == null) {
            errors.add(new FieldError("status", "asset.status.required"));
        }
        if (why == null) {
            errors.add(new FieldError("reason", "asset.reason.required"));
        } else if (why.length() > 500) {
            errors.add(new FieldError("reason", "error.tooLong", 500));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        for (Asset asset : selected) {
            if (asset.status != to && !StatusPolicy.allowed(asset.status, to)) {
                throw FieldErrorsException.of("status", "asset.bulk.statusNotAllowed", asset.tag, asset.status.name(), to.name());
            }
        }
        int changed = 0;
        for (Asset asset : selected) {
            if (asset.status != to) {
                writeStatus(asset, to, why);
                changed++;
            }
        }
        return new BulkResult(changed, selected.size() - changed);
    }

    /** The ids of the school's assets with these tags, for a bulk action of another module; refused as {@link #selection}. */
    List<Long> selectionIds(long schoolId, List<String> tags) {
        return selection(schoolId, tags).stream().map(a -> a.id).toList();
    }

    /** The school's assets with these tags, in the given order; an empty or too large selection or an unknown tag is refused. */
    private List<Asset> selection(long schoolId, List<String> tags) {
        var wanted = new java.util.LinkedHashSet<String>();
        if (tags != null) {
            for (String t : tags) {
                if (t != null && !t.isBlank()) {
                    wanted.add(AssetTags.normalise(t));
                }
            }
        }
        if (wanted.isEmpty()) {
            throw FieldErrorsException.of("tags", "asset.bulk.none");
        }
        if (wanted.size() > BULK_MAX) {
            throw FieldErrorsException.of("tags", "asset.bulk.tooMany", BULK_MAX, wanted.size());
        }
        var found = new java.util.HashMap<String, Asset>();
        for (Asset a : assets.findAllById(jdbc.sql("select id from asset where school_id = :s and tag in (:tags)")
                .param("s", schoolId).param("tags", List.copyOf(wanted)).query(Long.class).list())) {
            found.put(a.tag, a);
        }
        var result = new ArrayList<Asset>();
        for (String tag : wanted) {
            var a = found.get(tag);
            if (a == null) {
                throw FieldErrorsException.of("tags", "asset.bulk.unknown", tag);
            }
            result.add(a);
        }
        return result;
    }

    /**
     * Assigns the asset to a person or class/group of the school or to one of its rooms; {@code type} null takes it
     * back. The previous assignment is closed in the assignment history.
     */
    @Transactional
    public AssetView assign(long schoolId, long assetId, AssigneeType type, Long assigneeId, Integer version, Caller caller) {
        requireManage(caller, schoolId);
        var asset = load(schoolId, assetId);
        var current = asset;
        StaleVersionException.check(version, asset.version, asset.updatedBy, asset.updatedAt, () -> auditView(current));
        String name = type == null ? null : assigneeName(schoolId, type, assigneeId, caller);
        if (type == asset.assigneeType && java.util.Objects.equals(assigneeId, asset.assigneeId)) {
            return get(schoolId, assetId, caller);
        }
        if (asset.status == AssetStatus.RETIRED || asset.status == AssetStatus.DISPOSED) {
            if (type != null) {
                throw FieldErrorsException.of("assignee", "asset.assign.retired", asset.tag);
            }
        }
        var before = auditView(asset);
        var now = clock.instant();
        String actor = Caller.currentActor();
        jdbc.sql("update asset_assignment set until_at = :now where asset_id = :asset and until_at is null")
            .param("now", java.sql.Timestamp.from(now)).param("asset", asset.id).update();
        asset.assign(type, type == null ? null : assigneeId, name, modelText(asset.modelId), now, actor);
        asset = save(asset);
        if (type != null) {
            jdbc.sql("""
                    insert into asset_assignment (asset_id, assignee_type, assignee_id, assignee_name, from_at, assigned_by)
                    values (:asset, :type, :id, :name, :at, :actor)""")
                .param("asset", asset.id).param("type", type.name()).param("id", assigneeId).param("name", name)
                .param("at", java.sql.Timestamp.from(now)).param("actor", actor).update();
        }
        audit.record(AUDIT_TYPE, asset.id, schoolId, Action.UPDATED, asset.tag, before, auditView(asset));
        return get(schoolId, assetId, caller);
    }

    // ---- helpers ----

    /**
     * A tag, serial or model that another request stored between our check and our insert breaks a unique constraint:
     * that is a conflict (409) to try again, not a server error.
     */
    private static RuntimeException duplicateOr(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.DuplicateKeyException) {
                return FieldErrorsException.conflict("tag", "asset.concurrent");
            }
        }
        return e;
    }

    private String assigneeName(long schoolId, AssigneeType type, Long id, Caller caller) {
        if (id == null) {
            throw FieldErrorsException.of("assigneeId", "asset.assignee.required");
        }
        try {
            return switch (type) {
                case PERSON -> people.get(schoolId, id, caller).name();
                case GROUP -> groups.get(schoolId, id, caller).name();
                case ROOM -> rooms.room(schoolId, id).map(r -> r.building() + " " + r.name())
                    .orElseThrow(() -> new NotFoundException("room", id));
            };
        } catch (NotFoundException e) {
            throw FieldErrorsException.of("assigneeId", "asset.assignee.unknown");
        }
    }

    /** Checks a form against the rules and the school's data; all problems at once, a duplicate as 409. */
    private Asset.Values check(long schoolId, AssetForm form, Asset self) {
        return check(schoolId, form, self, null);
    }

    /**
     * The lookups of a batch of new assets, done once for all: the school's active rooms, the models met so far; tags
     * and serials were checked against the stored ones in bulk before.
     */
    private record Batch(Map<Long, String> rooms, Map<String, AssetModel> models) {}

    private Asset.Values check(long schoolId, AssetForm form, Asset self, Batch batch) {
        var errors = new ArrayList<FieldError>();
        String tag = Text.blankToNull(form.tag()) == null ? null : AssetTags.normalise(form.tag());
        if (tag != null && !AssetTags.VALID.matcher(tag).matches()) {
            errors.add(new FieldError("tag", "asset.tag.invalid"));
        }
        String serial = Serials.normalise(form.serial());
        String manufacturer = Text.blankToNull(form.manufacturer());
        String modelName = Text.blankToNull(form.model());
        if (manufacturer != null && modelName == null) {
            errors.add(new FieldError("model", "asset.model.required"));
        }
        if (modelName != null && manufacturer == null) {
            errors.add(new FieldError("manufacturer", "asset.manufacturer.required"));
        }
        if (form.roomId() != null && (batch == null || !batch.rooms().containsKey(form.roomId()))
                && rooms.room(schoolId, form.roomId()).isEmpty()) {
            errors.add(new FieldError("roomId", "asset.room.unknown"));
        }
        if (form.supplierId() != null) {
            try {
                organisations.get(form.supplierId());
            } catch (NotFoundException e) {
                errors.add(new FieldError("supplierId", "asset.supplier.unknown"));
            }
        }
        String hostname = Text.blankToNull(form.hostname());
        if (hostname != null && !Network.hostname(hostname)) {
            errors.add(new FieldError("hostname", "asset.hostname.invalid"));
        }
        String ip = Text.blankToNull(form.ipAddress());
        if (ip != null && !Network.ip(ip)) {
            errors.add(new FieldError("ipAddress", "asset.ip.invalid"));
        }
        var badMacs = new ArrayList<String>();
        var macs = Network.macs(form.macAddresses(), badMacs);
        if (!badMacs.isEmpty()) {
            errors.add(new FieldError("macAddresses", "asset.mac.invalid", String.join(", ", badMacs)));
        }
        if (form.purchaseDate() != null && form.warrantyEnd() != null && form.warrantyEnd().isBefore(form.purchaseDate())) {
            errors.add(new FieldError("warrantyEnd", "asset.warranty.beforePurchase"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        if (tag != null && batch == null) {
            assets.findBySchoolIdAndTag(schoolId, tag).filter(a -> self == null || !a.id.equals(self.id)).ifPresent(a -> {
                throw FieldErrorsException.conflict("tag", "asset.tag.taken", a.tag, describe(a));
            });
        }
        if (serial != null && batch == null) {
            assets.findBySchoolIdAndSerial(schoolId, serial).filter(a -> self == null || !a.id.equals(self.id)).ifPresent(a -> {
                throw FieldErrorsException.conflict("serial", "asset.serial.taken", serial, a.tag, describe(a));
            });
        }
        AssetModel model = null;
        if (modelName != null) {
            model = batch == null ? model(manufacturer, modelName, form.category())
                : batch.models().computeIfAbsent(Text.searchKey(manufacturer) + "\n" + Text.searchKey(modelName),
                    k -> model(manufacturer, modelName, form.category()));
        }
        return new Asset.Values(tag, serial, form.category(), model, form.roomId(), form.supplierId(),
            Text.blankToNull(form.orderReference()), form.purchaseDate(), form.price(), form.warrantyEnd(), hostname,
            macs.isEmpty() ? null : String.join(", ", macs), ip, Text.blankToNull(form.notes()));
    }

    private String describe(Asset a) {
        String model = modelText(a.modelId);
        return model == null ? a.tag : a.tag + " (" + model + ")";
    }

    private static Asset.Values withTag(Asset.Values v, String tag) {
        return new Asset.Values(tag, v.serial(), v.category(), v.model(), v.roomId(), v.supplierId(), v.orderReference(),
            v.purchaseDate(), v.price(), v.warrantyEnd(), v.hostname(), v.macAddresses(), v.ipAddress(), v.notes());
    }

    /** The catalog's model of this manufacturer and name, added when it is new. */
    private AssetModel model(String manufacturer, String name, AssetCategory category) {
        return models.findByManufacturerKeyAndNameKey(Text.searchKey(manufacturer), Text.searchKey(name))
            .orElseGet(() -> models.save(AssetModel.create(manufacturer, name, category, clock.instant())));
    }

    private String modelText(Long modelId) {
        return modelId == null ? null : models.findById(modelId).map(m -> m.manufacturer + " " + m.name).orElse(null);
    }

    /** The school's next free automatic tag; the counter row is locked by the update until the transaction ends. */
    private String nextTag(long schoolId) {
        String prefix = AssetTags.prefix(schools.byId(schoolId).code());
        // the school's first asset makes the counter; two at once: the second insert waits for the first, then does nothing
        jdbc.sql("insert into asset_tag_counter (school_id, next_value) values (:s, 1) on conflict do nothing").param("s", schoolId).update();
        jdbc.sql("update asset_tag_counter set next_value = next_value + 1 where school_id = :s").param("s", schoolId).update();
        long number = jdbc.sql("select next_value - 1 from asset_tag_counter where school_id = :s").param("s", schoolId)
            .query(Long.class).single();
        return firstFree(schoolId, prefix, number);
    }

    private String firstFree(long schoolId, String prefix, long number) {
        long n = number;
        while (assets.findBySchoolIdAndTag(schoolId, AssetTags.format(prefix, n)).isPresent()) {
            n++;
        }
        if (n != number) {
            jdbc.sql("update asset_tag_counter set next_value = :n where school_id = :s").param("n", n + 1).param("s", schoolId)
                .update();
        }
        return AssetTags.format(prefix, n);
    }

    private Asset load(long schoolId, long assetId) {
        return assets.findById(assetId).filter(a -> a.schoolId == schoolId)
            .orElseThrow(() -> new NotFoundException("asset", assetId));
    }

    private Asset save(Asset asset) {
        try {
            return assets.save(asset);
        } catch (OptimisticLockingFailureException e) {
            var current = assets.findById(asset.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, auditView(current));
        }
    }

    private Map<String, String> auditView(Asset a) {
        String room = a.roomId == null ? null
            : rooms.room(a.schoolId, a.roomId).map(r -> r.building() + " " + r.name()).orElse(null);
        String supplier = null;
        if (a.supplierId != null) {
            try {
                supplier = organisations.get(a.supplierId).name();
            } catch (NotFoundException e) {
                supplier = String.valueOf(a.supplierId);
            }
        }
        return a.auditView(modelText(a.modelId), room, supplier);
    }

    static AssetView view(ResultSet rs) throws SQLException {
        String type = rs.getString("assignee_type");
        var assignee = type == null ? null
            : new AssetView.Assignee(AssigneeType.valueOf(type), rs.getLong("assignee_id"), rs.getString("assignee_name"));
        String macs = rs.getString("mac_addresses");
        String room = rs.getString("room_name") == null ? null : rs.getString("building_name") + " " + rs.getString("room_name");
        return new AssetView(rs.getLong("id"), rs.getString("tag"), rs.getString("serial"),
            AssetCategory.valueOf(rs.getString("category")), rs.getObject("model_id", Long.class), rs.getString("manufacturer"),
            rs.getString("model_name"), AssetStatus.valueOf(rs.getString("status")), rs.getObject("room_id", Long.class), room,
            assignee, rs.getObject("supplier_id", Long.class), rs.getString("supplier_name"), rs.getString("order_reference"),
            rs.getObject("purchase_date", LocalDate.class), rs.getBigDecimal("price"), rs.getObject("warranty_end", LocalDate.class),
            rs.getString("hostname"), macs == null ? List.of() : Arrays.asList(macs.split(",\\s*")), rs.getString("ip_address"),
            rs.getString("notes"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
