package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The school module's API: find the schools a caller may see; central admins create and change them. */
@Service
@org.springframework.validation.annotation.Validated
@Transactional(readOnly = true)
public class Schools {
    static final String AUDIT_TYPE = "school";
    private final SchoolRepository repository;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Schools(SchoolRepository repository, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The school with this code if the caller may see it; otherwise 404 (also for archived schools of others). */
    public SchoolView visible(String code, Caller caller) {
        var school = repository.findByCode(code == null ? "" : code.toLowerCase(Locale.ROOT))
            .filter(s -> caller.canSee(s.id))
            .orElseThrow(() -> new NotFoundException("school", code));
        return school.view();
    }

    /** The schools the caller may see, by name; archived ones only when asked. */
    public List<SchoolView> visibleSchools(Caller caller, boolean includeArchived) {
        // a central admin sees the group's schools (tens); anybody else only fetches their own
        var candidates = caller.centralAdmin() ? repository.findAll() : repository.findAllById(caller.schoolIds());
        return candidates.stream()
            .filter(s -> includeArchived || !s.archived)
            .sorted(java.util.Comparator.comparing(s -> s.name.toLowerCase(Locale.ROOT)))
            .map(School::view)
            .toList();
    }

    public SchoolView byId(long id) {
        return repository.findById(id).map(School::view).orElseThrow(() -> new NotFoundException("school", id));
    }

    /** Codes of schools by id, for showing roles; unknown ids are left out. */
    public java.util.Map<Long, String> codes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        var out = new java.util.HashMap<Long, String>();
        jdbc.sql("select id, code from school where id in (:ids)").param("ids", ids)
            .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    public java.util.Optional<Long> idOfCode(String code) {
        return repository.findByCode(code.toLowerCase(Locale.ROOT)).map(s -> s.id);
    }

    public long count() {
        return repository.count();
    }

    @Transactional
    public SchoolView create(@jakarta.validation.Valid SchoolForm form, Caller caller) {
        caller.requireCentralAdmin();
        if (repository.findByCode(form.code().trim().toLowerCase(Locale.ROOT)).isPresent()) {
            throw FieldErrorsException.conflict("code", "school.code.taken", form.code());
        }
        var school = repository.save(School.create(form, clock.instant(), Caller.currentActor()));
        audit.record(AUDIT_TYPE, school.id, school.id, Action.CREATED, school.name, java.util.Map.of(), school.auditView());
        return school.view();
    }

    @Transactional
    public SchoolView update(String code, @jakarta.validation.Valid SchoolForm form, Caller caller) {
        caller.requireCentralAdmin();
        var school = repository.findByCode(code).orElseThrow(() -> new NotFoundException("school", code));
        StaleVersionException.check(form.version(), school.version, school.updatedBy, school.updatedAt, school::auditView);
        if (!school.code.equals(form.code().trim().toLowerCase(Locale.ROOT))) {
            throw FieldErrorsException.of("code", "school.code.fixed");
        }
        var before = school.auditView();
        school.apply(form, clock.instant(), Caller.currentActor());
        save(school);
        audit.record(AUDIT_TYPE, school.id, school.id, Action.UPDATED, school.name, before, school.auditView());
        return school.view();
    }

    @Transactional
    public SchoolView setArchived(String code, boolean archived, Caller caller) {
        caller.requireCentralAdmin();
        var school = repository.findByCode(code).orElseThrow(() -> new NotFoundException("school", code));
        var before = school.auditView();
        if (archived) {
            school.archive(clock.instant(), Caller.currentActor());
        } else {
            school.restore(clock.instant(), Caller.currentActor());
        }
        save(school);
        audit.record(AUDIT_TYPE, school.id, school.id, archived ? Action.ARCHIVED : Action.RESTORED, school.name, before, school.auditView());
        return school.view();
    }

    private void save(School school) {
        try {
            repository.save(school);
        } catch (OptimisticLockingFailureException e) {
            var current = repository.findById(school.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }
}
