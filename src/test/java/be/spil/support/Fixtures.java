package be.spil.support;

import be.spil.directory.GroupForm;
import be.spil.directory.Groups;
import be.spil.directory.People;
import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.directory.PersonView;
import be.spil.school.SchoolForm;
import be.spil.school.SchoolLevel;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/** Makes test data through the modules' own services, as a central admin: schools, groups, people who can sign in. */
@TestComponent
public class Fixtures {
    /** The password every person made here signs in with. */
    public static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final Caller ADMIN = new Caller(0, "fixtures@test.spil.be", "Fixtures", true, Map.of());

    private final Schools schools;
    private final People people;
    private final Groups groups;

    Fixtures(Schools schools, People people, Groups groups) {
        this.schools = schools;
        this.people = people;
        this.groups = groups;
    }

    /** A unique suffix, so tests sharing one database never collide. */
    public static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    public SchoolView school() {
        return school(SchoolLevel.BASIS);
    }

    public SchoolView school(SchoolLevel level) {
        String code = "s-" + unique();
        return schools.create(new SchoolForm(code, "School " + code, "Kerkstraat 1", "9000", "Gent", "123456", level, null), ADMIN);
    }

    public long group(SchoolView school, String name, int grade) {
        return groups.create(school.id(), new GroupForm(name, grade, null), ADMIN).id();
    }

    /** A person of the school with these roles and a password; their email is returned in the view. */
    public PersonView user(SchoolView school, Role... roles) {
        String email = "u-" + unique() + "@test.spil.be";
        return people.create(school.id(), new PersonForm("Test", "User " + email.substring(2, 8), email, PersonKind.STAFF,
            Set.of(roles), PASSWORD, null, null), ADMIN);
    }

    public PersonView pupil(SchoolView school, String firstName, String lastName, String group) {
        return people.create(school.id(), new PersonForm(firstName, lastName, null, PersonKind.PUPIL, Set.of(), null, group, null), ADMIN);
    }

    public PersonView person(SchoolView school, PersonForm form) {
        return people.create(school.id(), form, ADMIN);
    }
}
