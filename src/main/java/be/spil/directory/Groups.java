package be.spil.directory;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's API for classes/groups of a school. */
@Service
@org.springframework.validation.annotation.Validated
@Transactional(readOnly = true)
public class Groups {
    static final String AUDIT_TYPE = "group";
    private final ClassGroupRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    Groups(ClassGroupRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public List<GroupView> list(long schoolId, boolean includeArchived, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return repository.findBySchoolIdOrderByGradeAscNameAsc(schoolId).stream()
            .filter(g -> includeArchived || !g.archived)
            .map(ClassGroup::view)
            .toList();
    }

    public GroupView get(long schoolId, long groupId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return load(schoolId, groupId).view();
    }

    @Transactional
    public GroupView create(long schoolId, @jakarta.validation.Valid GroupForm form, Caller caller) {
        caller.requireManage(schoolId);
        if (repository.findBySchoolIdAndName(schoolId, form.name().trim()).isPresent()) {
            throw FieldErrorsException.conflict("name", "group.name.taken", form.name().trim());
        }
        var group = repository.save(ClassGroup.create(schoolId, form.name(), form.grade(), clock.instant(), Caller.currentActor()));
        audit.record(AUDIT_TYPE, group.id, schoolId, Action.CREATED, group.name, Map.of(), group.auditView());
        return group.view();
    }

    @Transactional
    public GroupView update(long schoolId, long groupId, @jakarta.validation.Valid GroupForm form, Caller caller) {
        caller.requireManage(schoolId);
        var group = load(schoolId, groupId);
        StaleVersionException.check(form.version(), group.version, group.updatedBy, group.updatedAt, group::auditView);
        var other = repository.findBySchoolIdAndName(schoolId, form.name().trim());
        if (other.isPresent() && !other.get().id.equals(group.id)) {
            throw FieldErrorsException.conflict("name", "group.name.taken", form.name().trim());
        }
        var before = group.auditView();
        group.change(form.name(), form.grade(), clock.instant(), Caller.currentActor());
        group = save(group);
        audit.record(AUDIT_TYPE, group.id, schoolId, Action.UPDATED, group.name, before, group.auditView());
        return group.view();
    }

    @Transactional
    public GroupView setArchived(long schoolId, long groupId, boolean archived, Caller caller) {
        caller.requireManage(schoolId);
        var group = load(schoolId, groupId);
        var before = group.auditView();
        group.setArchived(archived, clock.instant(), Caller.currentActor());
        group = save(group);
        audit.record(AUDIT_TYPE, group.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, group.name, before, group.auditView());
        return group.view();
    }

    private ClassGroup load(long schoolId, long groupId) {
        return repository.findById(groupId).filter(g -> g.schoolId == schoolId)
            .orElseThrow(() -> new NotFoundException("group", groupId));
    }

    private ClassGroup save(ClassGroup group) {
        try {
            return repository.save(group);
        } catch (OptimisticLockingFailureException e) {
            var current = repository.findById(group.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }
}
