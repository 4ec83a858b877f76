package be.spil.directory;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The school group's small directory of organisations (suppliers, external firms, the umbrella organisation) and
 * their contacts. Every signed-in person reads it; central admins, ICT coordinators and directors keep it.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Organisations {
    static final String AUDIT_TYPE = "organisation";
    public record Summary(long id, String name, OrganisationKind kind, String email, String phone, int contacts, boolean archived) {}

    private final OrganisationRepository repository;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Organisations(OrganisationRepository repository, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    static boolean mayManage(Caller caller) {
        return caller.centralAdmin() || caller.rolesBySchool().values().stream()
            .anyMatch(roles -> roles.contains(Role.ICT_COORDINATOR) || roles.contains(Role.DIRECTOR));
    }

    private static void requireManage(Caller caller) {
        if (!mayManage(caller)) {
            throw new AccessDeniedException("not allowed");
        }
    }

    public PageResult<Summary> search(String q, OrganisationKind kind, boolean archived, Paging paging) {
        var where = new StringBuilder(" where o.archived = :archived");
        var params = new LinkedHashMap<String, Object>();
        params.put("archived", archived);
        if (q != null && !q.isBlank()) {
            where.append(" and o.search_text like :q escape '\\'");
            params.put("q", Text.likePattern(q));
        }
        if (kind != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", kind.name());
        }
        long total = jdbc.sql("select count(*) from organisation o" + where).params(params).query(Long.class).single();
        var items = jdbc.sql("""
                select o.id, o.name, o.kind, o.email, o.phone, o.archived,
                       (select count(*) from organisation_contact c where c.organisation_id = o.id) as contacts
                from organisation o""" + where + " order by lower(o.name), o.id limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> new Summary(rs.getLong("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("email"), rs.getString("phone"), rs.getInt("contacts"), rs.getBoolean("archived")))
            .list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    public OrganisationView get(long id) {
        return load(id).view();
    }

    @Transactional
    public OrganisationView create(@jakarta.validation.Valid OrganisationForm form, Caller caller) {
        requireManage(caller);
        if (repository.findByNameIgnoreCase(form.name().trim()).isPresent()) {
            throw FieldErrorsException.conflict("name", "organisation.name.taken", form.name().trim());
        }
        var o = repository.save(Organisation.create(form, clock.instant(), Caller.currentActor()));
        audit.record(AUDIT_TYPE, o.id, null, Action.CREATED, o.name, Map.of(), o.auditView());
        return o.view();
    }

    @Transactional
    public OrganisationView update(long id, @jakarta.validation.Valid OrganisationForm form, Caller caller) {
        requireManage(caller);
        var o = load(id);
        StaleVersionException.check(form.version(), o.version, o.updatedBy, o.updatedAt, o::auditView);
        var same = repository.findByNameIgnoreCase(form.name().trim());
        if (same.isPresent() && !same.get().id.equals(o.id)) {
            throw FieldErrorsException.conflict("name", "organisation.name.taken", form.name().trim());
        }
        var before = o.auditView();
        o.change(form, clock.instant(), Caller.currentActor());
        o = save(o);
        audit.record(AUDIT_TYPE, o.id, null, Action.UPDATED, o.name, before, o.auditView());
        return o.view();
    }

    @Transactional
    public OrganisationView setArchived(long id, boolean archived, Caller caller) {
        requireManage(caller);
        var o = load(id);
        var before = o.auditView();
        o.setArchived(archived, clock.instant(), Caller.currentActor());
        o = save(o);
        audit.record(AUDIT_TYPE, o.id, null, archived ? Action.ARCHIVED : Action.RESTORED, o.name, before, o.auditView());
        return o.view();
    }

    public List<AuditTrail.Entry> history(long id) {
        load(id);
        return audit.history(AUDIT_TYPE, id);
    }

    private Organisation load(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("organisation", id));
    }

    private Organisation save(Organisation o) {
        try {
            return repository.save(o);
        } catch (OptimisticLockingFailureException e) {
            var current = load(o.id);
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }
}
