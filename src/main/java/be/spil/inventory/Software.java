package be.spil.inventory;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Organisations;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A school's software: the catalog of titles, the licences it owns and what is installed on which asset, with the
 * compliance view (seats owned against seats used, over-use, licences that end soon). Everybody of the school reads
 * it; titles and installations are changed by whoever manages the assets, licences by the ICT team (central admins,
 * ICT coordinators, directors), who alone read licence keys.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Software {
    static final String TITLE_AUDIT_TYPE = "software_title";
    static final String LICENCE_AUDIT_TYPE = "software_licence";
    /** The days ahead in which an ending licence is shown as expiring. */
    public static final int EXPIRING_DAYS = 90;

    public record TitleForm(@NotBlank @Size(max = 200) String name, @Size(max = 200) String publisher,
                            @NotNull SoftwareCategory category, @NotNull SoftwarePlatform platform, Integer version) {
        static TitleForm empty() {
            return new TitleForm(null, null, SoftwareCategory.OTHER, SoftwarePlatform.WINDOWS, null);
        }

        static TitleForm of(TitleView t) {
            return new TitleForm(t.name(), t.publisher(), t.category(), t.platform(), t.version());
        }
    }

    public record TitleView(long id, String name, String publisher, SoftwareCategory category, SoftwarePlatform platform,
                            boolean archived, long installations, long licences, int version, Instant updatedAt,
                            String updatedBy) {}

    /**
     * A licence as entered. Seats count for per-device, per-user and subscription licences; free and site licences
     * cover any number. An empty {@code licenceKey} on a change keeps the stored key unless {@code clearKey}.
     */
    public record LicenceForm(@NotNull Long titleId, @NotNull LicenceType type, @Min(1) @Max(1_000_000) Integer seats,
                              @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal cost,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate, Long supplierId,
                              @Size(max = 100) String reference, @Size(max = 1000) String licenceKey, Boolean clearKey,
                              @Size(max = 2000) String notes, Integer version) {
        static LicenceForm empty(Long titleId) {
            return new LicenceForm(titleId, LicenceType.PER_DEVICE, null, null, null, null, null, null, null, null, null, null);
        }

        static LicenceForm of(LicenceView l) {
            return new LicenceForm(l.titleId(), l.type(), l.seats(), l.cost(), l.startDate(), l.endDate(), l.supplierId(),
                l.reference(), null, null, l.notes(), l.version());
        }
    }

    /** A licence; {@code licenceKey} is null for whoever may not read it, {@code keyStored} tells that one exists. */
    public record LicenceView(long id, long titleId, String title, LicenceType type, Integer seats,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost, LocalDate startDate,
                              LocalDate endDate, Long supplierId, String supplier, String reference,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String licenceKey, boolean keyStored, String notes,
                              boolean archived, int version, Instant updatedAt, String updatedBy) {}

    public record InstallForm(@NotNull Long assetId, @NotNull Long titleId, @Size(max = 100) String versionText,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate installedOn) {}

    public record InstallationView(long id, long assetId, String assetTag, long titleId, String title, String publisher,
                                   String versionText, LocalDate installedOn, InstallationSource source, boolean removed,
                                   int version, Instant updatedAt, String updatedBy) {}

    /** Per title: seats owned by the valid licences (unlimited for free/site licences), seats used, and the excess. */
    public record ComplianceRow(long titleId, String title, String publisher, SoftwarePlatform platform, boolean unlimited,
                                long seats, long used, long licences, long overUse) {
        ComplianceRow(long titleId, String title, String publisher, SoftwarePlatform platform, boolean unlimited, long seats,
                      long used, long licences) {
            this(titleId, title, publisher, platform, unlimited, seats, used, licences, unlimited ? 0 : Math.max(0, used - seats));
        }
    }

    /** The compliance of a school today; {@code overUsed} counts the titles with more installations than seats. */
    public record Compliance(LocalDate today, List<ComplianceRow> titles, List<LicenceView> expiring, long overUsed) {
        Compliance(LocalDate today, List<ComplianceRow> titles, List<LicenceView> expiring) {
            this(today, titles, expiring, titles.stream().filter(t -> t.overUse() > 0).count());
        }
    }

    private final SoftwareTitleRepository titles;
    private final LicenceRepository licences;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Organisations organisations;

    Software(SoftwareTitleRepository titles, LicenceRepository licences, JdbcClient jdbc, AuditTrail audit, Clock clock,
             Organisations organisations) {
        this.titles = titles;
        this.licences = licences;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.organisations = organisations;
    }

    /** Whoever manages a school's assets manages its titles and installations. */
    public static boolean canManage(Caller caller, long schoolId) {
        return Assets.canManage(caller, schoolId);
    }

    /** The ICT team (central admins, ICT coordinators, directors) manages licences and reads their keys. */
    public static boolean canManageLicences(Caller caller, long schoolId) {
        return caller.canManage(schoolId);
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("not allowed");
        }
    }

    // ---- titles ----

    private static final String TITLE_SELECT = """
        select t.*,
          (select count(*) from software_installation i where i.school_id = t.school_id and i.title_id = t.id
             and i.removed_at is null) as installations,
          (select count(*) from software_licence l where l.title_id = t.id and l.archived = false) as licences
        from software_title t
        """;

    /** One page of the school's titles, by name; {@code q} searches name and publisher. */
    public PageResult<TitleView> titles(long schoolId, String q, boolean archived, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(" where t.school_id = :school and t.archived = :archived");
        params.put("school", schoolId);
        params.put("archived", archived);
        if (q != null && !q.isBlank()) {
            where.append(" and t.search_text like :q escape '\\'");
            params.put("q", Text.likePattern(q));
        }
        long total = jdbc.sql("select count(*) from software_title t" + where).params(params).query(Long.class).single();
        var items = jdbc.sql(TITLE_SELECT + where + " order by t.name_key, t.id limit :limit offset :offset").params(params)
            .param("limit", paging.size()).param("offset", paging.offset()).query((rs, n) -> titleView(rs)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    /** A title to choose from a list: id and name only. */
    public record TitleChoice(long id, String name) {}

    /** The school's active titles by name, for a choice list (no counts: cheap on the asset page). */
    public List<TitleChoice> titleChoices(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("select id, name from software_title where school_id = :school and archived = false order by name_key limit 2000")
            .param("school", schoolId).query((rs, n) -> new TitleChoice(rs.getLong("id"), rs.getString("name"))).list();
    }

    public TitleView title(long schoolId, long titleId, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql(TITLE_SELECT + " where t.school_id = :school and t.id = :id").param("school", schoolId).param("id", titleId)
            .query((rs, n) -> titleView(rs)).optional().orElseThrow(() -> new NotFoundException("software title", titleId));
    }

    @Transactional
    public TitleView createTitle(long schoolId, @Valid TitleForm form, Caller caller) {
        requireSee(schoolId, caller);
        require(canManage(caller, schoolId));
        checkTitle(schoolId, form, null);
        var title = saveTitle(SoftwareTitle.create(schoolId, form, clock.instant(), Caller.currentActor()));
        audit.record(TITLE_AUDIT_TYPE, title.id, schoolId, Action.CREATED, title.name, Map.of(), title.auditView());
        return title(schoolId, title.id, caller);
    }

    @Transactional
    public TitleView updateTitle(long schoolId, long titleId, @Valid TitleForm form, Caller caller) {
        requireSee(schoolId, caller);
        var title = loadTitle(schoolId, titleId);
        require(canManage(caller, schoolId));
        var current = title;
        StaleVersionException.check(form.version(), title.version, title.updatedBy, title.updatedAt, current::auditView);
        checkTitle(schoolId, form, title.id);
        var before = title.auditView();
        title.change(form, clock.instant(), Caller.currentActor());
        if (!before.equals(title.auditView())) {
            title = saveTitle(title);
            audit.record(TITLE_AUDIT_TYPE, title.id, schoolId, Action.UPDATED, title.name, before, title.auditView());
        }
        return title(schoolId, titleId, caller);
    }

    @Transactional
    public TitleView setTitleArchived(long schoolId, long titleId, boolean archived, Integer version, Caller caller) {
        requireSee(schoolId, caller);
        var title = loadTitle(schoolId, titleId);
        require(canManage(caller, schoolId));
        var current = title;
        StaleVersionException.check(version, title.version, title.updatedBy, title.updatedAt, current::auditView);
        if (title.archived != archived) {
            var before = title.auditView();
            title.setArchived(archived, clock.instant(), Caller.currentActor());
            title = saveTitle(title);
            audit.record(TITLE_AUDIT_TYPE, title.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, title.name, before,
                title.auditView());
        }
        return title(schoolId, titleId, caller);
    }

    public List<AuditTrail.Entry> titleHistory(long schoolId, long titleId, Caller caller) {
        title(schoolId, titleId, caller);
        return audit.history(TITLE_AUDIT_TYPE, titleId);
    }

    private void checkTitle(long schoolId, TitleForm form, Long self) {
        String key = Text.searchKey(form.name());
        if (key.isEmpty()) {
            throw FieldErrorsException.of("name", "software.name.required");
        }
        titles.findBySchoolIdAndNameKey(schoolId, key).filter(t -> !t.id.equals(self)).ifPresent(t -> {
            throw FieldErrorsException.conflict("name", "software.name.taken", t.name);
        });
    }

    private SoftwareTitle loadTitle(long schoolId, long titleId) {
        return titles.findById(titleId).filter(t -> t.schoolId == schoolId)
            .orElseThrow(() -> new NotFoundException("software title", titleId));
    }

    private SoftwareTitle saveTitle(SoftwareTitle title) {
        try {
            return titles.save(title);
        } catch (OptimisticLockingFailureException e) {
            var current = titles.findById(title.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        } catch (DuplicateKeyException e) {
            throw FieldErrorsException.conflict("name", "software.name.taken", title.name);
        }
    }

    private static TitleView titleView(ResultSet rs) throws SQLException {
        return new TitleView(rs.getLong("id"), rs.getString("name"), rs.getString("publisher"),
            SoftwareCategory.valueOf(rs.getString("category")), SoftwarePlatform.valueOf(rs.getString("platform")),
            rs.getBoolean("archived"), rs.getLong("installations"), rs.getLong("licences"), rs.getInt("version"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    // ---- licences ----

    private static final String LICENCE_SELECT = """
        select l.*, t.name as title_name, o.name as supplier_name
        from software_licence l
        join software_title t on t.id = l.title_id
        left join organisation o on o.id = l.supplier_id
        """;

    /** One page of the school's licences, of one title when given, ending first; {@code archived} shows the archived ones. */
    public PageResult<LicenceView> licences(long schoolId, Long titleId, boolean archived, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(" where l.school_id = :school and l.archived = :archived");
        params.put("school", schoolId);
        params.put("archived", archived);
        if (titleId != null) {
            where.append(" and l.title_id = :title");
            params.put("title", titleId);
        }
        long total = jdbc.sql("select count(*) from software_licence l" + where).params(params).query(Long.class).single();
        boolean key = canManageLicences(caller, schoolId);
        var items = jdbc.sql(LICENCE_SELECT + where
                + " order by case when l.end_date is null then 1 else 0 end, l.end_date, t.name_key, l.id limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> licenceView(rs, key)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public LicenceView licence(long schoolId, long licenceId, Caller caller) {
        requireSee(schoolId, caller);
        boolean key = canManageLicences(caller, schoolId);
        return jdbc.sql(LICENCE_SELECT + " where l.school_id = :school and l.id = :id").param("school", schoolId)
            .param("id", licenceId).query((rs, n) -> licenceView(rs, key)).optional()
            .orElseThrow(() -> new NotFoundException("licence", licenceId));
    }

    @Transactional
    public LicenceView createLicence(long schoolId, @Valid LicenceForm form, Caller caller) {
        requireSee(schoolId, caller);
        require(canManageLicences(caller, schoolId));
        var values = checkLicence(schoolId, form, true);
        var licence = saveLicence(Licence.create(schoolId, values, clock.instant(), Caller.currentActor()));
        audit.record(LICENCE_AUDIT_TYPE, licence.id, schoolId, Action.CREATED, titleName(licence.titleId), Map.of(), auditView(licence));
        return licence(schoolId, licence.id, caller);
    }

    @Transactional
    public LicenceView updateLicence(long schoolId, long licenceId, @Valid LicenceForm form, Caller caller) {
        requireSee(schoolId, caller);
        var licence = loadLicence(schoolId, licenceId);
        require(canManageLicences(caller, schoolId));
        var current = licence;
        StaleVersionException.check(form.version(), licence.version, licence.updatedBy, licence.updatedAt, () -> auditView(current));
        var values = checkLicence(schoolId, form, false);
        var before = auditView(licence);
        licence.change(values, clock.instant(), Caller.currentActor());
        if (!before.equals(auditView(licence))) {
            licence = saveLicence(licence);
            audit.record(LICENCE_AUDIT_TYPE, licence.id, schoolId, Action.UPDATED, titleName(licence.titleId), before, auditView(licence));
        }
        return licence(schoolId, licenceId, caller);
    }

    @Transactional
    public LicenceView setLicenceArchived(long schoolId, long licenceId, boolean archived, Integer version, Caller caller) {
        requireSee(schoolId, caller);
        var licence = loadLicence(schoolId, licenceId);
        require(canManageLicences(caller, schoolId));
        var current = licence;
        StaleVersionException.check(version, licence.version, licence.updatedBy, licence.updatedAt, () -> auditView(current));
        if (licence.archived != archived) {
            var before = auditView(licence);
            licence.setArchived(archived, clock.instant(), Caller.currentActor());
            licence = saveLicence(licence);
            audit.record(LICENCE_AUDIT_TYPE, licence.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED,
                titleName(licence.titleId), before, auditView(licence));
        }
        return licence(schoolId, licenceId, caller);
    }

    public List<AuditTrail.Entry> licenceHistory(long schoolId, long licenceId, Caller caller) {
        licence(schoolId, licenceId, caller);
        return audit.history(LICENCE_AUDIT_TYPE, licenceId);
    }

    private Licence.Values checkLicence(long schoolId, LicenceForm form, boolean creating) {
        var errors = new ArrayList<FieldError>();
        if (titles.findById(form.titleId()).filter(t -> t.schoolId == schoolId).isEmpty()) {
            errors.add(new FieldError("titleId", "software.title.unknown"));
        }
        if (!form.type().unlimited() && form.seats() == null) {
            errors.add(new FieldError("seats", "licence.seats.required"));
        }
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            errors.add(new FieldError("endDate", "licence.end.beforeStart"));
        }
        if (form.supplierId() != null) {
            try {
                organisations.get(form.supplierId());
            } catch (NotFoundException e) {
                errors.add(new FieldError("supplierId", "asset.supplier.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        String key = Text.blankToNull(form.licenceKey());
        boolean keep = !creating && key == null && !Boolean.TRUE.equals(form.clearKey());
        return new Licence.Values(form.titleId(), form.type(), form.seats(), form.cost(), form.startDate(), form.endDate(),
            form.supplierId(), Text.blankToNull(form.reference()), key, keep, Text.blankToNull(form.notes()));
    }

    private Licence loadLicence(long schoolId, long licenceId) {
        return licences.findById(licenceId).filter(l -> l.schoolId == schoolId)
            .orElseThrow(() -> new NotFoundException("licence", licenceId));
    }

    private Licence saveLicence(Licence licence) {
        try {
            return licences.save(licence);
        } catch (OptimisticLockingFailureException e) {
            var current = licences.findById(licence.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, auditView(current));
        }
    }

    private String titleName(long titleId) {
        return titles.findById(titleId).map(t -> t.name).orElse(String.valueOf(titleId));
    }

    private Map<String, String> auditView(Licence l) {
        String supplier = null;
        if (l.supplierId != null) {
            try {
                supplier = organisations.get(l.supplierId).name();
            } catch (NotFoundException e) {
                supplier = String.valueOf(l.supplierId);
            }
        }
        return l.auditView(titleName(l.titleId), supplier);
    }

    private static LicenceView licenceView(ResultSet rs, boolean withKey) throws SQLException {
        String key = rs.getString("licence_key");
        return new LicenceView(rs.getLong("id"), rs.getLong("title_id"), rs.getString("title_name"),
            LicenceType.valueOf(rs.getString("type")), rs.getObject("seats", Integer.class), rs.getBigDecimal("cost"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            rs.getObject("supplier_id", Long.class), rs.getString("supplier_name"), rs.getString("reference"),
            withKey ? key : null, key != null, rs.getString("notes"), rs.getBoolean("archived"), rs.getInt("version"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    // ---- installations ----

    private static final String INSTALLATION_SELECT = """
        select i.*, a.tag, t.name as title_name, t.publisher
        from software_installation i
        join asset a on a.id = i.asset_id
        join software_title t on t.id = i.title_id
        """;

    /** The software installed on an asset now, by title. */
    public List<InstallationView> installedOn(long schoolId, long assetId, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql(INSTALLATION_SELECT + """
                 where i.school_id = :school and i.asset_id = :asset and i.removed_at is null order by t.name_key""")
            .param("school", schoolId).param("asset", assetId).query((rs, n) -> installationView(rs)).list();
    }

    /** One page of the school's current installations, of one title and/or one asset when given, by asset tag. */
    public PageResult<InstallationView> installations(long schoolId, Long titleId, Long assetId, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(" where i.school_id = :school and i.removed_at is null");
        params.put("school", schoolId);
        if (titleId != null) {
            where.append(" and i.title_id = :title");
            params.put("title", titleId);
        }
        if (assetId != null) {
            where.append(" and i.asset_id = :asset");
            params.put("asset", assetId);
        }
        long total = jdbc.sql("select count(*) from software_installation i" + where).params(params).query(Long.class).single();
        var items = jdbc.sql(INSTALLATION_SELECT + where + " order by a.tag, t.name_key limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> installationView(rs)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public InstallationView installation(long schoolId, long installationId, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql(INSTALLATION_SELECT + " where i.school_id = :school and i.id = :id").param("school", schoolId)
            .param("id", installationId).query((rs, n) -> installationView(rs)).optional()
            .orElseThrow(() -> new NotFoundException("installation", installationId));
    }

    /** Records by hand that a title is installed on an asset; a title already installed there is a conflict (409). */
    @Transactional
    public InstallationView install(long schoolId, @Valid InstallForm form, Caller caller) {
        requireSee(schoolId, caller);
        require(canManage(caller, schoolId));
        var errors = new ArrayList<FieldError>();
        String tag = jdbc.sql("select tag from asset where school_id = :s and id = :id").param("s", schoolId)
            .param("id", form.assetId()).query(String.class).optional().orElse(null);
        if (tag == null) {
            errors.add(new FieldError("assetId", "software.asset.unknown"));
        }
        var title = titles.findById(form.titleId()).filter(t -> t.schoolId == schoolId).orElse(null);
        if (title == null) {
            errors.add(new FieldError("titleId", "software.title.unknown"));
        } else if (title.archived) {
            errors.add(new FieldError("titleId", "software.title.archived", title.name));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        var existing = jdbc.sql("select id, removed_at from software_installation where asset_id = :a and title_id = :t")
            .param("a", form.assetId()).param("t", form.titleId())
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).optional();
        if (existing.isPresent() && existing.get()[1] == null) {
            throw FieldErrorsException.conflict("titleId", "software.installed.already", title.name, tag);
        }
        var now = Timestamp.from(clock.instant());
        String actor = Caller.currentActor();
        String versionText = Text.blankToNull(form.versionText());
        long id;
        if (existing.isPresent()) {
            id = (Long) existing.get()[0];
            jdbc.sql("""
                    update software_installation set removed_at = null, version_text = :v, installed_on = :on, source = 'MANUAL',
                      version = version + 1, updated_at = :now, updated_by = :actor where id = :id""")
                .param("v", versionText).param("on", form.installedOn()).param("now", now).param("actor", actor).param("id", id)
                .update();
        } else {
            try {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into software_installation (school_id, asset_id, title_id, version_text, installed_on, source,
                          created_at, updated_at, updated_by)
                        values (:school, :asset, :title, :v, :on, 'MANUAL', :now, :now, :actor)""")
                    .param("school", schoolId).param("asset", form.assetId()).param("title", form.titleId()).param("v", versionText)
                    .param("on", form.installedOn()).param("now", now).param("actor", actor)
                    .update(keys, "id");
                id = keys.getKeyAs(Long.class);
            } catch (DuplicateKeyException e) {
                throw FieldErrorsException.conflict("titleId", "software.installed.already", title.name, tag);
            }
        }
        var after = new LinkedHashMap<String, String>();
        after.put("software", title.name + (versionText == null ? "" : " " + versionText));
        audit.record(Assets.AUDIT_TYPE, form.assetId(), schoolId, Action.UPDATED, tag, Map.of(), after);
        return installation(schoolId, id, caller);
    }

    /** Records that the title is no longer on the asset; the row stays, marked removed. */
    @Transactional
    public InstallationView uninstall(long schoolId, long installationId, Integer version, Caller caller) {
        var current = installation(schoolId, installationId, caller);
        require(canManage(caller, schoolId));
        if (version == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        if (current.removed()) {
            return current;
        }
        int n = jdbc.sql("""
                update software_installation set removed_at = :now, version = version + 1, updated_at = :now, updated_by = :actor
                where id = :id and version = :version""")
            .param("now", Timestamp.from(clock.instant())).param("actor", Caller.currentActor()).param("id", installationId)
            .param("version", version).update();
        if (n == 0) {
            var values = new LinkedHashMap<String, String>();
            values.put("software", current.title());
            throw new StaleVersionException(current.updatedBy(), current.updatedAt(), current.version(), values);
        }
        var before = new LinkedHashMap<String, String>();
        before.put("software", current.title() + (current.versionText() == null ? "" : " " + current.versionText()));
        var after = new LinkedHashMap<String, String>();
        after.put("software", null);
        audit.record(Assets.AUDIT_TYPE, current.assetId(), schoolId, Action.UPDATED, current.assetTag(), before, after);
        return installation(schoolId, installationId, caller);
    }

    private static InstallationView installationView(ResultSet rs) throws SQLException {
        return new InstallationView(rs.getLong("id"), rs.getLong("asset_id"), rs.getString("tag"), rs.getLong("title_id"),
            rs.getString("title_name"), rs.getString("publisher"), rs.getString("version_text"),
            rs.getObject("installed_on", LocalDate.class), InstallationSource.valueOf(rs.getString("source")),
            rs.getTimestamp("removed_at") != null, rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
            rs.getString("updated_by"));
    }

    // ---- compliance ----

    /**
     * Per title of the school: seats owned by the licences valid today against installations on assets still in the
     * school (not lost, stolen, retired or disposed), with over-use first; and the licences that end in the next
     * {@value #EXPIRING_DAYS} days. Two aggregate queries; no installation is loaded.
     */
    public Compliance compliance(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        LocalDate today = LocalDate.now(clock);
        var rows = jdbc.sql("""
                select t.id, t.name, t.publisher, t.platform, coalesce(o.seats, 0) as seats,
                  coalesce(o.unlimited, 0) as unlimited, coalesce(o.licences, 0) as licences, coalesce(u.used, 0) as used
                from software_title t
                left join (
                  select i.title_id, count(*) as used
                  from software_installation i join asset a on a.id = i.asset_id and a.school_id = i.school_id
                  where i.school_id = :school and a.school_id = :school and i.removed_at is null and a.status not in ('LOST', 'STOLEN', 'RETIRED', 'DISPOSED')
                  group by i.title_id) u on u.title_id = t.id
                left join (
                  select l.title_id, count(*) as licences,
                    sum(case when l.type in ('FREE', 'SITE') then 0 else coalesce(l.seats, 0) end) as seats,
                    max(case when l.type in ('FREE', 'SITE') then 1 else 0 end) as unlimited
                  from software_licence l
                  where l.school_id = :school and l.archived = false
                    and (l.start_date is null or l.start_date <= :today) and (l.end_date is null or l.end_date >= :today)
                  group by l.title_id) o on o.title_id = t.id
                where t.school_id = :school and t.archived = false and (u.title_id is not null or o.title_id is not null)
                order by case when coalesce(o.unlimited, 0) = 0 and coalesce(u.used, 0) > coalesce(o.seats, 0) then 0 else 1 end,
                  t.name_key""")
            .param("school", schoolId).param("today", today)
            .query((rs, n) -> new ComplianceRow(rs.getLong("id"), rs.getString("name"), rs.getString("publisher"),
                SoftwarePlatform.valueOf(rs.getString("platform")), rs.getInt("unlimited") == 1, rs.getLong("seats"),
                rs.getLong("used"), rs.getLong("licences")))
            .list();
        return new Compliance(today, rows, expiring(schoolId, today, caller));
    }

    /** The school's licences that end between today and {@value #EXPIRING_DAYS} days from now, soonest first. */
    public List<LicenceView> expiring(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return expiring(schoolId, LocalDate.now(clock), caller);
    }

    /** How many of the school's licences end in the next {@value #EXPIRING_DAYS} days (one count), for the home page. */
    public long countExpiring(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*) from software_licence
                where school_id = :school and archived = false and end_date between :today and :until""")
            .param("school", schoolId).param("today", today).param("until", today.plusDays(EXPIRING_DAYS)).query(Long.class).single();
    }

    private List<LicenceView> expiring(long schoolId, LocalDate today, Caller caller) {
        boolean key = canManageLicences(caller, schoolId);
        return jdbc.sql(LICENCE_SELECT + """
                 where l.school_id = :school and l.archived = false and l.end_date between :today and :until
                 order by l.end_date, t.name_key""")
            .param("school", schoolId).param("today", today).param("until", today.plusDays(EXPIRING_DAYS))
            .query((rs, n) -> licenceView(rs, key)).list();
    }
}
