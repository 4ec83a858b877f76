package be.spil.lending;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.inventory.AssetView;
import be.spil.inventory.Assets;
import be.spil.inventory.AssigneeType;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * 1:1 devices: a device with accessories lent to a pupil for a school year, recorded in the inventory as assigned to the
 * pupil; returned at the end of the year or when the pupil leaves; damaged or missing ones go to repair.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class PupilDevices {
    static final String AUDIT_TYPE = "device-loan";
    private static final String SELECT = """
        select l.*, pe.first_name, pe.last_name, g.name as group_name, a.tag, a.serial, m.manufacturer, m.name as model_name,
          y.name as year_name
        from device_loan l
        join person pe on pe.id = l.pupil_id
        left join membership ms on ms.person_id = l.pupil_id and ms.school_id = l.school_id
        left join class_group g on g.id = ms.group_id
        join asset a on a.id = l.asset_id
        left join asset_model m on m.id = a.model_id
        join school_year y on y.id = l.school_year_id
        """;

    private final JdbcClient jdbc;
    private final People people;
    private final Assets assets;
    private final Loans loans;
    private final SchoolCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    PupilDevices(JdbcClient jdbc, People people, Assets assets, Loans loans, SchoolCalendar calendar, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.assets = assets;
        this.loans = loans;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The 1:1 devices of a school year (the current one when null), by class and pupil; {@code out} only those still out. */
    public List<PupilDeviceView> list(long schoolId, Long schoolYearId, boolean out, Caller caller) {
        Pools.requireSee(schoolId, caller);
        Long year = schoolYearId != null ? schoolYearId : calendar.currentSchoolYear().map(y -> y.id()).orElse(null);
        var params = new HashMap<String, Object>();
        params.put("school", schoolId);
        var sql = new StringBuilder(SELECT).append(" where l.school_id = :school");
        if (year != null) {
            sql.append(" and l.school_year_id = :year");
            params.put("year", year);
        }
        if (out) {
            sql.append(" and l.returned_on is null");
        }
        sql.append(" order by g.name, pe.last_name, pe.first_name, l.id limit 5000");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> view(rs)).list();
    }

    public PupilDeviceView get(long schoolId, long id, Caller caller) {
        Pools.requireSee(schoolId, caller);
        return find(schoolId, id);
    }

    private PupilDeviceView find(long schoolId, long id) {
        return jdbc.sql(SELECT + " where l.school_id = :school and l.id = :id").param("school", schoolId).param("id", id)
            .query((rs, n) -> view(rs)).optional().orElseThrow(() -> new NotFoundException("pupil device", id));
    }

    @Transactional
    public PupilDeviceView assign(long schoolId, @Valid PupilDeviceForm form, Caller caller) {
        Pools.requireManage(schoolId, caller);
        var pupil = pupil(schoolId, form.pupil(), caller);
        AssetView asset;
        try {
            asset = assets.byTag(schoolId, form.tag(), caller);
        } catch (NotFoundException e) {
            throw FieldErrorsException.of("tag", "loan1.asset.unknown", form.tag().trim());
        }
        var taken = jdbc.sql("""
                select pe.first_name || ' ' || pe.last_name from device_loan l join person pe on pe.id = l.pupil_id
                where l.asset_id = :a and l.returned_on is null""").param("a", asset.id()).query(String.class).optional();
        if (taken.isPresent()) {
            throw FieldErrorsException.conflict("tag", "loan1.asset.taken", asset.tag(), taken.get());
        }
        var inPool = jdbc.sql("select p.name from pool_device d join device_pool p on p.id = d.pool_id where d.asset_id = :a")
            .param("a", asset.id()).query(String.class).optional();
        if (inPool.isPresent()) {
            throw FieldErrorsException.of("tag", "loan1.asset.inPool", asset.tag(), inPool.get());
        }
        if (!Pools.LENDABLE.contains(asset.status().name())) {
            throw FieldErrorsException.of("tag", "loan.notLendable", asset.tag(), asset.status().name());
        }
        LocalDate on = form.handedOverOn() == null ? calendar.today() : form.handedOverOn();
        var year = calendar.schoolYearOn(on).orElseThrow(() -> FieldErrorsException.of("handedOverOn", "loan1.noYear"));
        var now = clock.instant();
        String actor = Caller.currentActor();
        jdbc.sql("""
                insert into device_loan (school_id, school_year_id, pupil_id, asset_id, accessories, deposit, handed_over_on, note,
                  version, created_at, updated_at, updated_by)
                values (:school, :year, :pupil, :asset, :acc, :deposit, :on, :note, 0, :now, :now, :by)""")
            .param("school", schoolId).param("year", year.id()).param("pupil", pupil.id()).param("asset", asset.id())
            .param("acc", Text.blankToNull(form.accessories())).param("deposit", form.deposit()).param("on", on)
            .param("note", Text.blankToNull(form.note())).param("now", Timestamp.from(now)).param("by", actor).update();
        long id = jdbc.sql("select max(id) from device_loan where asset_id = :a and returned_on is null").param("a", asset.id())
            .query(Long.class).single();
        assets.assign(schoolId, asset.id(), AssigneeType.PERSON, pupil.id(), asset.version(), caller);
        var view = find(schoolId, id);
        audit.record(AUDIT_TYPE, id, schoolId, Action.CREATED, view.tag() + " → " + view.pupil(), Map.of(), auditView(view));
        return view;
    }

    /** Takes the device back; damaged or missing goes to repair with the note; the inventory no longer assigns it to the pupil. */
    @Transactional
    public PupilDeviceView giveBack(long schoolId, long id, Condition condition, String note, LocalDate on, Integer version, Caller caller) {
        Pools.requireManage(schoolId, caller);
        var loan = find(schoolId, id);
        var stamp = jdbc.sql("select updated_by, updated_at from device_loan where id = :id").param("id", id)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant())).single();
        StaleVersionException.check(version, loan.version(), stamp.getKey(), stamp.getValue(), () -> auditView(loan));
        if (loan.returnedOn() != null) {
            throw FieldErrorsException.of("returnedOn", "loan1.alreadyReturned");
        }
        var c = condition == null ? Condition.OK : condition;
        String why = Text.blankToNull(note);
        if (c != Condition.OK && why == null) {
            throw FieldErrorsException.of("note", "loan.noteRequired", loan.tag());
        }
        LocalDate day = on == null ? calendar.today() : on;
        if (day.isBefore(loan.handedOverOn())) {
            throw FieldErrorsException.of("returnedOn", "error.endBeforeStart");
        }
        int updated = jdbc.sql("""
                update device_loan set returned_on = :on, return_condition = :c, note = coalesce(:note, note), version = version + 1,
                  updated_at = :now, updated_by = :by where id = :id and version = :version""")
            .param("on", day).param("c", c.name()).param("note", why).param("now", Timestamp.from(clock.instant()))
            .param("by", Caller.currentActor()).param("id", id).param("version", loan.version()).update();
        if (updated == 0) {
            throw FieldErrorsException.conflict("version", "error.version.required");
        }
        var asset = assets.get(schoolId, loan.assetId(), caller);
        if (asset.assignedTo() != null && asset.assignedTo().type() == AssigneeType.PERSON && asset.assignedTo().id() == loan.pupilId()) {
            assets.assign(schoolId, asset.id(), null, null, asset.version(), caller);
        }
        if (c != Condition.OK) {
            loans.toRepair(schoolId, loan.assetId(), loan.tag(), c, why, caller);
        }
        var after = find(schoolId, id);
        audit.record(AUDIT_TYPE, id, schoolId, Action.UPDATED, after.tag() + " ← " + after.pupil(), auditView(loan), auditView(after));
        return after;
    }

    private be.spil.directory.PersonView pupil(long schoolId, Long pupilId, Caller caller) {
        try {
            var p = people.get(schoolId, pupilId, caller);
            if (p.kind() != PersonKind.PUPIL || p.archived()) {
                throw FieldErrorsException.of("pupil", "loan1.pupil.unknown");
            }
            return p;
        } catch (NotFoundException e) {
            throw FieldErrorsException.of("pupil", "loan1.pupil.unknown");
        }
    }

    private static Map<String, String> auditView(PupilDeviceView v) {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("tag", v.tag());
        m.put("accessories", v.accessories());
        m.put("deposit", v.deposit() == null ? null : v.deposit().toPlainString());
        m.put("returnedOn", v.returnedOn() == null ? null : v.returnedOn().toString());
        m.put("returnCondition", v.returnCondition() == null ? null : v.returnCondition().name());
        m.put("note", v.note());
        return m;
    }

    private static PupilDeviceView view(ResultSet rs) throws SQLException {
        return new PupilDeviceView(rs.getLong("id"), rs.getLong("pupil_id"), rs.getString("first_name") + " " + rs.getString("last_name"),
            rs.getString("group_name"), rs.getLong("asset_id"), rs.getString("tag"),
            rs.getString("model_name") == null ? null : rs.getString("manufacturer") + " " + rs.getString("model_name"),
            rs.getString("serial"), rs.getString("accessories"), rs.getBigDecimal("deposit"), rs.getString("year_name"),
            rs.getObject("handed_over_on", LocalDate.class), rs.getObject("returned_on", LocalDate.class),
            rs.getString("return_condition") == null ? null : Condition.valueOf(rs.getString("return_condition")), rs.getString("note"),
            rs.getInt("version"));
    }
}
