package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competence frameworks: the ones shipped with Spil (loaded at start-up from {@code learning/frameworks/*.json}, once
 * per code and version), the ones the central admin imports for the whole group and a school's own. Frameworks are
 * versioned and never changed in place: a new text is a new version. Everybody signed in reads the group's frameworks;
 * a school's own only who sees that school.
 */
@Service
@Transactional(readOnly = true)
public class Frameworks {
    static final String AUDIT_TYPE = "learning-framework";
    private static final Logger log = LoggerFactory.getLogger(Frameworks.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    Frameworks(JdbcClient jdbc, AuditTrail audit, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The frameworks this caller may use: the group's and those of the schools they see; audience PUPIL/TEACHER or null. */
    public List<FrameworkView> list(Caller caller, String audience) {
        var ids = caller.centralAdmin() ? null : new ArrayList<>(caller.schoolIds());
        String sql = """
            select f.*, s.code as school_code, (select count(*) from learning_competence c where c.framework_id = f.id) as n
            from learning_framework f left join school s on s.id = f.school_id
            where (f.school_id is null""" + (ids == null ? " or true" : ids.isEmpty() ? "" : " or f.school_id in (:ids)") + ")"
            + (audience == null ? "" : " and f.audience = :audience") + " order by f.school_id nulls first, f.code, f.version";
        var spec = jdbc.sql(sql);
        if (ids != null && !ids.isEmpty()) {
            spec = spec.param("ids", ids);
        }
        if (audience != null) {
            spec = spec.param("audience", audience);
        }
        return spec.query((rs, n) -> view(rs, rs.getInt("n"), List.of())).list();
    }

    /** One framework with its competences; 404 for another school's own framework. */
    public FrameworkView get(long id, Caller caller) {
        var f = find(id).orElseThrow(() -> new NotFoundException("framework", id));
        if (f.schoolId() != null && !caller.canSee(f.schoolId())) {
            throw new NotFoundException("framework", id);
        }
        return f.view();
    }

    /** For other parts of this module: the framework without a caller check. */
    FrameworkView byId(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("framework", id)).view();
    }

    private record Found(Long schoolId, FrameworkView view) {}

    private java.util.Optional<Found> find(long id) {
        var competences = jdbc.sql("select * from learning_competence where framework_id = :id order by sort_order")
            .param("id", id)
            .query((rs, n) -> new FrameworkView.CompetenceView(rs.getString("code"), rs.getString("parent_code"),
                rs.getString("level"), rs.getString("name_nl"), rs.getString("name_en")))
            .list();
        return jdbc.sql("select f.*, s.code as school_code from learning_framework f left join school s on s.id = f.school_id where f.id = :id")
            .param("id", id)
            .query((rs, n) -> new Found((Long) rs.getObject("school_id", Long.class), view(rs, competences.size(), competences)))
            .optional();
    }

    private static FrameworkView view(ResultSet rs, int count, List<FrameworkView.CompetenceView> competences) throws SQLException {
        return new FrameworkView(rs.getLong("id"), rs.getString("code"), rs.getString("version"), rs.getString("name_nl"),
            rs.getString("name_en"), rs.getString("audience"), Arrays.asList(rs.getString("levels").split("\\|")),
            rs.getString("source"), rs.getString("licence"), rs.getString("attribution"), rs.getString("note"),
            rs.getString("school_code"), count, competences);
    }

    /** The framework as data, for export. */
    FrameworkFile.Data data(FrameworkView f) {
        var items = new ArrayList<FrameworkFile.Item>();
        int row = 1;
        for (var c : f.competences()) {
            items.add(new FrameworkFile.Item(++row, c.code(), c.parent(), c.level(), c.name(), c.nameEn()));
        }
        return new FrameworkFile.Data(f.code(), f.version(), f.name(), f.nameEn(), FrameworkFile.Audience.valueOf(f.audience()),
            f.levels(), f.source(), f.licence(), f.attribution(), f.note(), items);
    }

    public byte[] exportCsv(long id, boolean english, Caller caller) {
        return FrameworkFile.toCsv(data(get(id, caller)).items(), english);
    }

    public byte[] exportJson(long id, Caller caller) {
        return FrameworkFile.toJson(data(get(id, caller)));
    }

    /** What changed from one framework version to another, by code (added, removed, renamed). */
    FrameworkFile.Changes compare(long fromId, long toId, Caller caller) {
        return FrameworkFile.compare(data(get(fromId, caller)).items(), data(get(toId, caller)).items());
    }

    /**
     * Imports a framework: for a school (schoolId; its managers) or for the whole group (schoolId null; central admins).
     * Every problem is reported per row; with any problem, or on a dry run, nothing is written. The same code and version
     * in the same scope is refused (409): a changed text is a new version.
     */
    /**
     * The metadata of a CSV import (a JSON file carries its own): code, version, names, audience (PUPIL or TEACHER),
     * levels separated by commas, semicolons or '|', source, licence and attribution.
     */
    public record Meta(String code, String version, String name, String nameEn, String audience, String levels, String source,
                       String licence, String attribution) {}

    /** Imports a framework file: JSON as it is, CSV with the metadata given. See {@link #importFramework}. */
    @Transactional
    public ImportResult importFile(Long schoolId, byte[] bytes, Meta meta, boolean dryRun, Locale locale, Caller caller) {
        if (schoolId == null) {
            caller.requireCentralAdmin();
        } else {
            caller.requireManage(schoolId);
        }
        FrameworkFile.Data data;
        try {
            if (FrameworkFile.looksLikeJson(bytes)) {
                data = FrameworkFile.json(bytes);
            } else {
                var items = FrameworkFile.csv(bytes);
                FrameworkFile.Audience audience = null;
                if (meta.audience() != null && !meta.audience().isBlank()) {
                    try {
                        audience = FrameworkFile.Audience.valueOf(meta.audience().strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw FieldErrorsException.of("audience", "learning.framework.audience.invalid");
                    }
                }
                var levels = meta.levels() == null ? List.<String>of()
                    : Arrays.stream(meta.levels().split("[,;|]")).map(String::strip).filter(l -> !l.isEmpty()).toList();
                data = new FrameworkFile.Data(meta.code(), meta.version(), meta.name(), meta.nameEn(), audience, levels,
                    meta.source(), meta.licence(), meta.attribution(), null, items);
            }
        } catch (FrameworkFile.Unreadable e) {
            throw FieldErrorsException.of("file", e.code, e.args);
        }
        return importFramework(schoolId, data, dryRun, locale, caller);
    }

    @Transactional
    ImportResult importFramework(Long schoolId, FrameworkFile.Data data, boolean dryRun, Locale locale, Caller caller) {
        if (schoolId == null) {
            caller.requireCentralAdmin();
        } else {
            caller.requireManage(schoolId);
        }
        var errors = FrameworkFile.check(data);
        if (errors.isEmpty() && exists(schoolId == null ? 0 : schoolId, data.code().strip(), data.version().strip())) {
            throw FieldErrorsException.conflict("version", "learning.framework.exists", data.code().strip(), data.version().strip());
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, 0, 0, errors.stream().map(e -> error(e, locale)).toList(), dryRun, null);
        }
        if (dryRun) {
            return new ImportResult(data.items().size(), 0, 0, List.of(), true, null);
        }
        long id = insert(schoolId, data, Caller.currentActor());
        audit.record(AUDIT_TYPE, id, schoolId, Action.CREATED, data.code() + " " + data.version(), Map.of(),
            Map.of("code", data.code(), "version", data.version(), "name", data.name(), "competences",
                Integer.toString(data.items().size())));
        return new ImportResult(data.items().size(), 0, 0, List.of(), false, id);
    }

    private ImportResult.Error error(FrameworkFile.RowError e, Locale locale) {
        return new ImportResult.Error(e.row(), e.field(), messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
    }

    private boolean exists(long scope, String code, String version) {
        return jdbc.sql("select count(*) from learning_framework where scope_id = :scope and code = :code and version = :version")
            .param("scope", scope).param("code", code).param("version", version).query(Long.class).single() > 0;
    }

    private long insert(Long schoolId, FrameworkFile.Data d, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_framework (scope_id, school_id, code, version, name_nl, name_en, audience, levels, source,
                  licence, attribution, note, created_at, created_by)
                values (:scope, :school, :code, :version, :name, :nameEn, :audience, :levels, :source, :licence, :attribution,
                  :note, :now, :by)""")
            .param("scope", schoolId == null ? 0 : schoolId).param("school", schoolId).param("code", d.code().strip())
            .param("version", d.version().strip()).param("name", d.name().strip())
            .param("nameEn", blank(d.nameEn()) ? d.name().strip() : d.nameEn().strip()).param("audience", d.audience().name())
            .param("levels", String.join("|", d.levels().stream().map(String::strip).toList()))
            .param("source", strip(d.source())).param("licence", strip(d.licence())).param("attribution", strip(d.attribution()))
            .param("note", strip(d.note())).param("now", Timestamp.from(clock.instant())).param("by", by)
            .update(keys, "id");
        long id = keys.getKey().longValue();
        int order = 0;
        for (var i : d.items()) {
            jdbc.sql("""
                    insert into learning_competence (framework_id, code, parent_code, level, name_nl, name_en, sort_order)
                    values (:f, :code, :parent, :level, :name, :nameEn, :order)""")
                .param("f", id).param("code", i.code().strip()).param("parent", strip(i.parent())).param("level", strip(i.level()))
                .param("name", i.name().strip()).param("nameEn", blank(i.nameEn()) ? i.name().strip() : i.nameEn().strip())
                .param("order", ++order).update();
        }
        return id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Loads the frameworks shipped with Spil that are not in the database yet (by code and version); returns how many. */
    @Transactional
    public int loadShipped() {
        int loaded = 0;
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources("classpath:learning/frameworks/*.json");
            Arrays.sort(resources, java.util.Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (var r : resources) {
                FrameworkFile.Data d;
                try (var in = r.getInputStream()) {
                    d = FrameworkFile.json(in.readAllBytes());
                }
                var errors = FrameworkFile.check(d);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("shipped framework " + r.getFilename() + " is invalid: " + errors);
                }
                if (!exists(0, d.code(), d.version())) {
                    insert(null, d, "system");
                    loaded++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped frameworks", e);
        }
        if (loaded > 0) {
            log.info("Loaded {} competence framework(s) shipped with Spil", loaded);
        }
        return loaded;
    }

    /** The shipped framework of this code, newest version first; used to start a learning line. */
    java.util.Optional<Long> shipped(String code) {
        return jdbc.sql("select id from learning_framework where scope_id = 0 and code = :code order by id desc")
            .param("code", code).query(Long.class).list().stream().findFirst();
    }

    /** Other versions of the same framework (same code) a school may adopt, newest first: group-wide or the school's own. */
    List<FrameworkView> otherVersions(long frameworkId, long schoolId) {
        return jdbc.sql("""
                select f.*, s.code as school_code, 0 as n from learning_framework f left join school s on s.id = f.school_id
                where f.code = (select code from learning_framework where id = :id) and f.id <> :id
                and (f.school_id is null or f.school_id = :school) and f.audience = 'PUPIL' order by f.id desc""")
            .param("id", frameworkId).param("school", schoolId)
            .query((rs, n) -> view(rs, 0, List.of())).list();
    }

    /** Whether this caller may use this framework (group-wide or of a school they see) for a school's line. */
    boolean usableBy(long frameworkId, long schoolId) {
        return jdbc.sql("select count(*) from learning_framework where id = :id and (school_id is null or school_id = :school)")
            .param("id", frameworkId).param("school", schoolId).query(Long.class).single() > 0;
    }
}
