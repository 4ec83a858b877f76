package be.spil.directory;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's API for people: list and search per school, create, change, archive, and who a person is. */
@Service
@org.springframework.validation.annotation.Validated
@Transactional(readOnly = true)
public class People {
    static final String AUDIT_TYPE = "person";
    private static final Set<Role> EXTERNAL_ROLES = EnumSet.of(Role.TECHNICIAN);

    public record Search(String q, PersonKind kind, boolean archived, String sort) {}

    private final PersonRepository people;
    private final ClassGroupRepository groups;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<SignInAccounts> accounts;

    People(PersonRepository people, ClassGroupRepository groups, JdbcClient jdbc, AuditTrail audit, Clock clock,
           ObjectProvider<SignInAccounts> accounts) {
        this.people = people;
        this.groups = groups;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.accounts = accounts;
    }

    private static final Map<String, String> SORTS = Map.of(
        "lastName", "p.last_name %1$s, p.first_name %1$s, p.id",
        "firstName", "p.first_name %1$s, p.last_name %1$s, p.id",
        "email", "p.email %1$s, p.id",
        "group", "g.name %1$s, p.last_name, p.first_name, p.id",
        "kind", "p.kind %1$s, p.last_name, p.first_name, p.id");

    /** One page of a school's people, filtered by free text (name, email, class) and kind. */
    public PageResult<PersonSummary> search(long schoolId, Search search, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var where = new StringBuilder(" where m.school_id = :school and m.archived = :archived");
        var params = new LinkedHashMap<String, Object>();
        params.put("school", schoolId);
        params.put("archived", search.archived());
        if (search.q() != null && !search.q().isBlank()) {
            where.append(" and (p.search_text like :q escape '\\' or lower(g.name) like :q escape '\\')");
            params.put("q", Text.likePattern(search.q()));
        }
        if (search.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", search.kind().name());
        }
        String from = " from membership m join person p on p.id = m.person_id left join class_group g on g.id = m.group_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        String order = orderBy(search.sort());
        var rows = jdbc.sql("select p.id, p.first_name, p.last_name, p.email, p.kind, g.name as group_name, m.archived"
                + from + where + " order by " + order + " limit :limit offset :offset")
            .params(params)
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query((rs, n) -> new PersonSummary(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), PersonKind.valueOf(rs.getString("kind")), rs.getString("group_name"), new TreeSet<>(),
                rs.getBoolean("archived")))
            .list();
        if (!rows.isEmpty()) {
            var byId = rows.stream().collect(Collectors.toMap(PersonSummary::id, r -> r));
            jdbc.sql("select person_id, role from role_grant where school_id = :school and person_id in (:ids)")
                .param("school", schoolId).param("ids", byId.keySet())
                .query((rs, n) -> byId.get(rs.getLong(1)).roles().add(Role.valueOf(rs.getString(2))))
                .list();
        }
        return new PageResult<>(rows, paging.page(), paging.size(), total);
    }

    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return String.format(SORTS.get("lastName"), "asc");
        }
        String[] parts = sort.split(",");
        String pattern = SORTS.get(parts[0].trim());
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (pattern == null || !(dir.equals("asc") || dir.equals("desc"))) {
            throw FieldErrorsException.of("sort", "error.sort.invalid", String.join(", ", new TreeSet<>(SORTS.keySet())));
        }
        return String.format(pattern, dir);
    }

    /** The active people of a school who hold any of these roles there, by name (a team: a few dozen at most). */
    public List<PersonSummary> withRoles(long schoolId, java.util.Set<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id, p.first_name, p.last_name, p.email, p.kind from person p
                join membership m on m.person_id = p.id and m.school_id = :school and m.archived = false
                where exists (select 1 from role_grant r where r.person_id = p.id and r.school_id = :school and r.role in (:roles))
                order by p.last_name, p.first_name, p.id""")
            .param("school", schoolId).param("roles", roles.stream().map(Enum::name).toList())
            .query((rs, n) -> new PersonSummary(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("email"), PersonKind.valueOf(rs.getString("kind")), null, new TreeSet<>(), false))
            .list();
    }

    /** The organisation each of these people works for (an external technician's firm), by person id; people of none are left out. */
    public Map<Long, String> organisationNames(java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        jdbc.sql("select p.id, o.name from person p join organisation o on o.id = p.organisation_id where p.id in (:ids)")
            .param("ids", personIds).query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        return names;
    }

    private String organisationName(Long organisationId) {
        return organisationId == null ? null
            : jdbc.sql("select name from organisation where id = :id").param("id", organisationId).query(String.class).optional().orElse(null);
    }

    /** A person of this school; 404 when they are not (and never were) in it. */
    public PersonView get(long schoolId, long personId, Caller caller) {
        requireSee(schoolId, caller);
        return view(load(schoolId, personId), schoolId);
    }

    @Transactional
    public PersonView create(long schoolId, @jakarta.validation.Valid PersonForm form, Caller caller) {
        caller.requireManage(schoolId);
        if (form.password() != null && !form.password().isEmpty() && !caller.canSetPasswords(schoolId)) {
            throw new AccessDeniedException("only central admins and ICT coordinators set passwords");
        }
        check(schoolId, form, caller);
        Long groupId = groupId(schoolId, form.group());
        String email = Person.normaliseEmail(form.email());
        var existing = email == null ? Optional.<Person>empty() : people.findByEmail(email);
        var now = clock.instant();
        String actor = Caller.currentActor();
        Person person;
        Map<String, String> before;
        if (existing.isPresent()) {
            person = existing.get();
            if (person.membership(schoolId).isPresent()) {
                throw FieldErrorsException.conflict("email", "person.email.inSchool", email);
            }
            if (hasPassword(form) && !caller.centralAdmin()) {
                throw FieldErrorsException.of("password", "person.password.otherAccount");
            }
            before = person.auditView(schoolId, null);
        } else {
            person = Person.create(form.firstName(), form.lastName(), email, form.kind(), now, actor);
            before = Map.of();
        }
        person.joinSchool(schoolId, groupId, now, actor);
        person.setRolesIn(schoolId, form.roles(), now, actor);
        if (form.organisationId() != null) {
            person.worksFor(form.organisationId(), now, actor);
        }
        if (form.roles().contains(Role.CENTRAL_ADMIN)) {
            person.setCentralAdmin(true, now, actor);
        }
        person = people.save(person);
        audit.record(AUDIT_TYPE, person.id, schoolId, Action.CREATED, person.name(), before,
            person.auditView(schoolId, form.group()));
        if (form.password() != null && !form.password().isEmpty()) {
            accounts.getObject().setPassword(person.id, form.password(), false);
        }
        return view(person, schoolId);
    }

    @Transactional
    public PersonView update(long schoolId, long personId, @jakarta.validation.Valid PersonForm form, Caller caller) {
        caller.requireManage(schoolId);
        var person = load(schoolId, personId);
        String currentGroup = groupName(person.membership(schoolId).map(Membership::groupId).orElse(null));
        var current = person;
        StaleVersionException.check(form.version(), person.version, person.updatedBy, person.updatedAt,
            () -> current.auditView(schoolId, currentGroup));
        if (form.password() != null && !form.password().isEmpty() && !caller.canSetPasswords(schoolId)) {
            throw new AccessDeniedException("only central admins and ICT coordinators set passwords");
        }
        check(schoolId, form, caller);
        String email = Person.normaliseEmail(form.email());
        if (!caller.centralAdmin() && guardsOthers(person, schoolId)) {
            if (hasPassword(form)) {
                throw FieldErrorsException.of("password", "person.password.otherAccount");
            }
            if (!java.util.Objects.equals(email, person.email)) {
                throw FieldErrorsException.of("email", "person.email.otherAccount");
            }
        }
        if (email != null && !email.equals(person.email) && people.findByEmail(email).isPresent()) {
            throw FieldErrorsException.conflict("email", "person.email.taken", email);
        }
        var before = person.auditView(schoolId, currentGroup);
        var now = clock.instant();
        String actor = Caller.currentActor();
        person.rename(form.firstName(), form.lastName(), email, form.kind(), now, actor);
        boolean archived = person.membership(schoolId).map(Membership::archived).orElse(false);
        person.joinSchool(schoolId, groupId(schoolId, form.group()), now, actor);
        if (archived) {
            person.setArchivedIn(schoolId, true, now, actor);
        }
        person.setRolesIn(schoolId, form.roles(), now, actor);
        person.worksFor(form.organisationId(), now, actor);
        if (caller.centralAdmin()) {
            person.setCentralAdmin(form.roles().contains(Role.CENTRAL_ADMIN), now, actor);
        }
        person = save(person, schoolId, currentGroup);
        audit.record(AUDIT_TYPE, person.id, schoolId, Action.UPDATED, person.name(), before,
            person.auditView(schoolId, Text.blankToNull(form.group())));
        if (form.password() != null && !form.password().isEmpty()) {
            accounts.getObject().setPassword(person.id, form.password(), false);
        }
        return view(person, schoolId);
    }

    /** Archives a person in this school (they leave it) or brings them back; sign-in ends when no school is left. */
    @Transactional
    public PersonView setArchived(long schoolId, long personId, boolean archived, Caller caller) {
        caller.requireManage(schoolId);
        var person = load(schoolId, personId);
        String group = groupName(person.membership(schoolId).map(Membership::groupId).orElse(null));
        var before = person.auditView(schoolId, group);
        person.setArchivedIn(schoolId, archived, clock.instant(), Caller.currentActor());
        person = save(person, schoolId, group);
        audit.record(AUDIT_TYPE, person.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, person.name(), before,
            person.auditView(schoolId, group));
        accounts.getObject().setEnabled(person.id, person.activeAnywhere());
        return view(person, schoolId);
    }

    public List<AuditTrail.Entry> history(long schoolId, long personId, Caller caller) {
        requireSee(schoolId, caller);
        load(schoolId, personId);
        return audit.history(AUDIT_TYPE, personId).stream()
            .filter(e -> caller.centralAdmin() || e.schoolId() == null || caller.canSee(e.schoolId()))
            .toList();
    }

    /** Everything Spil keeps about a person, for a request under GDPR articles 15 and 20. */
    public record Export(long id, String firstName, String lastName, String email, PersonKind kind, String externalId,
                         boolean centralAdmin, List<Map<String, Object>> schools, List<AuditTrail.Entry> history,
                         java.time.Instant createdAt, java.time.Instant exportedAt) {}

    @Transactional
    public Export export(long schoolId, long personId, Caller caller) {
        caller.requireManage(schoolId);
        var p = load(schoolId, personId);
        var schools = new ArrayList<Map<String, Object>>();
        for (var m : p.memberships) {
            var row = new LinkedHashMap<String, Object>();
            row.put("schoolId", m.schoolId());
            row.put("group", groupName(m.groupId()));
            row.put("roles", p.rolesIn(m.schoolId()));
            row.put("archived", m.archived());
            schools.add(row);
        }
        var export = new Export(p.id, p.firstName, p.lastName, p.email, p.kind, p.externalId, p.isCentralAdmin(), schools,
            audit.history(AUDIT_TYPE, personId), p.createdAt, clock.instant());
        audit.note(AUDIT_TYPE, personId, schoolId, Action.SECURITY, "personal data exported");
        return export;
    }

    // --- identities, for the security module ---

    public Optional<Identity> identityByEmail(String email) {
        String e = Person.normaliseEmail(email);
        return e == null ? Optional.empty() : people.findByEmail(e).map(this::identity);
    }

    public Optional<Identity> identityById(long personId) {
        return people.findById(personId).map(this::identity);
    }

    public Optional<Identity> identityByExternalId(String externalId) {
        return externalId == null ? Optional.empty() : people.findByExternalId(externalId).map(this::identity);
    }

    /** Remembers the id an OpenID provider gives this person, so later sign-ins match without email. */
    @Transactional
    public void linkExternalId(long personId, String externalId) {
        var person = people.findById(personId).orElseThrow(() -> new NotFoundException("person", personId));
        person.linkExternalId(externalId, clock.instant(), "system");
        people.save(person);
    }

    /** Creates the school group's first central admin (first start). */
    @Transactional
    public long createCentralAdmin(String firstName, String lastName, String email) {
        var now = clock.instant();
        var person = Person.create(firstName, lastName, email, PersonKind.STAFF, now, "system");
        person.setCentralAdmin(true, now, "system");
        person = people.save(person);
        audit.record(AUDIT_TYPE, person.id, null, Action.CREATED, person.name(), Map.of(), person.auditView(-1, null));
        return person.id;
    }

    public long count() {
        return people.count();
    }

    /** How many active people of each kind a school has (one query). */
    public Map<PersonKind, Long> countByKind(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var counts = new java.util.EnumMap<PersonKind, Long>(PersonKind.class);
        for (PersonKind k : PersonKind.values()) {
            counts.put(k, 0L);
        }
        jdbc.sql("""
                select p.kind, count(*) from membership m join person p on p.id = m.person_id
                where m.school_id = :school and m.archived = false group by p.kind""")
            .param("school", schoolId)
            .query((rs, n) -> counts.put(PersonKind.valueOf(rs.getString(1)), rs.getLong(2)))
            .list();
        return counts;
    }

    private Identity identity(Person p) {
        var bySchool = new HashMap<Long, Set<Role>>();
        p.memberships.stream().filter(m -> !m.archived())
            .forEach(m -> bySchool.put(m.schoolId(), Set.copyOf(p.rolesIn(m.schoolId()))));
        return new Identity(p.id, p.email, p.name(), p.isCentralAdmin(), Map.copyOf(bySchool), p.activeAnywhere());
    }

    private void check(long schoolId, PersonForm form, Caller caller) {
        var errors = new ArrayList<FieldError>();
        if (form.kind() == PersonKind.PUPIL && !form.roles().isEmpty()) {
            errors.add(new FieldError("roles", "person.roles.pupil"));
        }
        if (form.kind() == PersonKind.EXTERNAL && !EXTERNAL_ROLES.containsAll(form.roles())) {
            errors.add(new FieldError("roles", "person.roles.external"));
        }
        if (form.roles().contains(Role.CENTRAL_ADMIN) && !caller.centralAdmin()) {
            errors.add(new FieldError("roles", "person.roles.centralAdmin"));
        }
        String group = Text.blankToNull(form.group());
        if (group != null && groups.findBySchoolIdAndName(schoolId, group).filter(g -> !g.archived).isEmpty()) {
            errors.add(new FieldError("group", "person.group.unknown", group));
        }
        if (form.organisationId() != null && jdbc.sql("select count(*) from organisation where id = :id and archived = false")
                .param("id", form.organisationId()).query(Long.class).single() == 0) {
            errors.add(new FieldError("organisationId", "person.organisation.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    private static boolean hasPassword(PersonForm form) {
        return form.password() != null && !form.password().isEmpty();
    }

    /**
     * Whether changing this person's sign-in (password, email) from one school could take over an account that is
     * not only that school's: a central admin, someone who also belongs to another school, or a coordinator or
     * director. Only central admins may do that; it stops a coordinator from taking over a colleague's account.
     */
    private static boolean guardsOthers(Person person, long schoolId) {
        return person.isCentralAdmin()
            || person.memberships.stream().anyMatch(m -> m.schoolId() != schoolId)
            || person.rolesIn(schoolId).stream().anyMatch(r -> r == Role.ICT_COORDINATOR || r == Role.DIRECTOR);
    }

    private Long groupId(long schoolId, String name) {
        String group = Text.blankToNull(name);
        return group == null ? null : groups.findBySchoolIdAndName(schoolId, group).map(g -> g.id).orElse(null);
    }

    private String groupName(Long groupId) {
        return groupId == null ? null : groups.findById(groupId).map(g -> g.name).orElse(null);
    }

    private Person load(long schoolId, long personId) {
        return people.findById(personId)
            .filter(p -> p.membership(schoolId).isPresent())
            .orElseThrow(() -> new NotFoundException("person", personId));
    }

    private Person save(Person person, long schoolId, String group) {
        try {
            return people.save(person);
        } catch (OptimisticLockingFailureException e) {
            var current = people.findById(person.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView(schoolId, group));
        }
    }

    private PersonView view(Person p, long schoolId) {
        var m = p.membership(schoolId);
        String group = groupName(m.map(Membership::groupId).orElse(null));
        boolean signIn = accounts.getIfAvailable() != null && accounts.getObject().hasPassword(p.id);
        return new PersonView(p.id, p.firstName, p.lastName, p.email, p.kind, p.rolesIn(schoolId), p.isCentralAdmin(), group,
            m.map(Membership::archived).orElse(false), signIn, p.version, p.updatedAt, p.updatedBy, p.organisationId,
            organisationName(p.organisationId));
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    static List<String> sortFields() {
        return Arrays.asList("lastName", "firstName", "email", "group", "kind");
    }
}
