package be.spil.demo;

import be.spil.directory.GroupForm;
import be.spil.directory.Groups;
import be.spil.directory.People;
import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetForm;
import be.spil.inventory.AssetStatus;
import be.spil.inventory.Assets;
import be.spil.school.BuildingForm;
import be.spil.school.HolidayForm;
import be.spil.school.LessonPeriodForm;
import be.spil.school.LessonPeriodsForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolForm;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolLevel;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import be.spil.shared.Text;
import be.spil.team.AssignmentForm;
import be.spil.team.Cluster;
import be.spil.team.Education;
import be.spil.team.FundingSource;
import be.spil.team.Level;
import be.spil.team.MemberForm;
import be.spil.team.Team;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code demo} profile: on an empty database (no schools yet), creates a fictional school group through the
 * modules' own services — a basisschool and a secundaire school, ~40 staff with their roles, an external
 * technician of an ICT firm who works for both, and ~300 pupils in classes 1A–6B. Everything is made in one
 * transaction, so a failed fill leaves the database empty and the next start tries again.
 * <p>
 * The coordinator, director and a teacher of each school and the technician get a local sign-in; their emails and
 * the password (from {@code SPIL_DEMO_PASSWORD}, otherwise generated) are printed in the log.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** The demo acts as a central admin of the school group, as a script with an admin's rights would. */
    static final Caller SYSTEM = new Caller(0, "demo@spil.invalid", "Demo", true, Map.of());
    static final long SEED = 20260901L;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A fictional school: where it is, its email domain, how many teachers and pupils per class it gets. */
    record SchoolSpec(String code, String name, String street, String postalCode, String city, String institutionNumber,
                      SchoolLevel level, String domain, int teachers, int minPupils, int maxPupils, List<String> support) {}

    /** A demo sign-in, for the log. */
    record DemoAccount(String school, String role, String name, String email) {}

    static final SchoolSpec DE_LINDE = new SchoolSpec("de-linde", "Basisschool De Linde", "Lindelaan 12", "2800",
        "Mechelen", "012351", SchoolLevel.BASIS, "delinde.example", 12, 12, 14, List.of("Zorgcoördinator", "Secretariaat"));
    static final SchoolSpec SINT_JAN = new SchoolSpec("sint-jan", "Sint-Jansinstituut", "Kasteelstraat 5", "2800",
        "Mechelen", "045674", SchoolLevel.SECUNDAIR, "sintjan.example", 20, 11, 13, List.of("Secretariaat"));
    static final String FIRM_DOMAIN = "bitwerk-ict.example";

    private final Schools schools;
    private final Groups groups;
    private final People people;
    private final Rooms rooms;
    private final SchoolCalendar calendar;
    private final Assets assets;
    private final Team team;
    private final PolicyDemo policy;
    private final LearningDemo learning;
    private final HelpdeskDemo helpdesk;
    private final LendingDemo lending;
    private final AgentsDemo agents;
    private final KnowledgeDemo knowledge;
    private final be.spil.directory.Organisations organisations;
    private final TransactionTemplate transaction;
    private final String configuredPassword;

    DemoData(Schools schools, Groups groups, People people, Rooms rooms, SchoolCalendar calendar, Assets assets, Team team,
             PolicyDemo policy, LearningDemo learning, HelpdeskDemo helpdesk, LendingDemo lending, AgentsDemo agents,
             KnowledgeDemo knowledge, be.spil.directory.Organisations organisations,
             PlatformTransactionManager transactions, @Value("${spil.demo.password:}") String configuredPassword) {
        this.agents = agents;
        this.learning = learning;
        this.helpdesk = helpdesk;
        this.lending = lending;
        this.knowledge = knowledge;
        this.organisations = organisations;
        this.schools = schools;
        this.groups = groups;
        this.people = people;
        this.rooms = rooms;
        this.calendar = calendar;
        this.assets = assets;
        this.team = team;
        this.policy = policy;
        this.transaction = new TransactionTemplate(transactions);
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (schools.count() > 0) {
            log.info("Demo profile: the database already has schools; no demo data added");
            return;
        }
        long start = System.nanoTime();
        String password = configuredPassword.isBlank() ? generatePassword() : configuredPassword;
        var made = transaction.execute(status -> fill(password));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String list = made.accounts().stream()
            .map(a -> String.format("   %-10s %-16s %-28s %s", a.school(), a.role(), a.name(), a.email()))
            .collect(Collectors.joining(System.lineSeparator()));
        log.warn("""

            ==========================================================================
             Demo data: {} schools, {} staff, {} pupils in {} classes ({} ms).
             Demo sign-ins, all with the password {}
            {}
            ==========================================================================""",
            made.schools(), made.staff(), made.pupils(), made.classes(), millis,
            configuredPassword.isBlank() ? password : "set in SPIL_DEMO_PASSWORD", list);
    }

    record Made(int schools, int staff, int pupils, int classes, List<DemoAccount> accounts) {}

    private Made fill(String password) {
        var names = new FlemishNames(SEED);
        var emails = new HashSet<String>();
        var accounts = new ArrayList<DemoAccount>();
        var counts = new int[3];
        schoolYears();
        var linde = fillSchool(DE_LINDE, names, emails, password, accounts, counts);
        var sintJan = fillSchool(SINT_JAN, names, emails, password, accounts, counts);
        sharedPeople(List.of(linde, sintJan), names, emails, password, accounts, counts);
        for (var school : List.of(linde, sintJan)) {
            inventory(school);
            ictTeam(school, accounts);
            learning.learningLine(school, SYSTEM);
            lending.cart(school);
            agents.computers(school);
        }
        helpdesk.fill(List.of(linde, sintJan));
        knowledge.fill(List.of(linde, sintJan));
        return new Made(2, counts[0], counts[1], counts[2], List.copyOf(accounts));
    }

    /** One school with its buildings and rooms, lesson periods, classes, staff and pupils. */
    private SchoolView fillSchool(SchoolSpec spec, FlemishNames names, Set<String> emails, String password,
                                  List<DemoAccount> accounts, int[] counts) {
        var school = schools.create(new SchoolForm(spec.code(), spec.name(), spec.street(), spec.postalCode(), spec.city(),
            spec.institutionNumber(), spec.level(), null), SYSTEM);
        List<String> classes = classes(school);
        counts[2] += classes.size();
        buildingsAndRooms(school, classes);
        lessonPeriods(school);
        staff(school, spec, names, emails, password, accounts, counts);
        pupils(school, spec, classes, names, counts);
        return school;
    }

    /**
     * The current school year and the next (1 September – 31 August) with the Flemish school holidays of the current
     * one, for every school of the group.
     */
    private void schoolYears() {
        LocalDate today = calendar.today();
        int first = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        for (int y = first; y <= first + 1; y++) {
            calendar.createSchoolYear(new SchoolYearForm(y + "-" + (y + 1), null, null, null), SYSTEM);
        }
        holiday("Herfstvakantie", LocalDate.of(first, 10, 26), LocalDate.of(first, 11, 8));
        holiday("Kerstvakantie", LocalDate.of(first, 12, 21), LocalDate.of(first + 1, 1, 3));
        holiday("Krokusvakantie", LocalDate.of(first + 1, 2, 15), LocalDate.of(first + 1, 2, 28));
        holiday("Paasvakantie", LocalDate.of(first + 1, 4, 5), LocalDate.of(first + 1, 4, 18));
        holiday("Zomervakantie", LocalDate.of(first + 1, 7, 3), LocalDate.of(first + 1, 8, 23));
    }

    private void holiday(String name, LocalDate firstDay, LocalDate lastDay) {
        calendar.createHoliday(null, new HolidayForm(name, firstDay, lastDay, null), SYSTEM);
    }

    /** A main building with a classroom per class, a computer room, offices and a store for the ICT material. */
    private void buildingsAndRooms(SchoolView school, List<String> classes) {
        long main = rooms.createBuilding(school.id(), new BuildingForm("Hoofdgebouw", school.street(), null), SYSTEM).id();
        for (int i = 0; i < classes.size(); i++) {
            int floor = i < classes.size() / 2 ? 0 : 1;
            rooms.createRoom(school.id(), new RoomForm(main, "Klas " + classes.get(i), RoomType.CLASSROOM, floor, 28, null), SYSTEM);
        }
        rooms.createRoom(school.id(), new RoomForm(main, "ICT-lokaal", RoomType.COMPUTER_ROOM, 1, 26, null), SYSTEM);
        rooms.createRoom(school.id(), new RoomForm(main, "Secretariaat", RoomType.OFFICE, 0, null, null), SYSTEM);
        rooms.createRoom(school.id(), new RoomForm(main, "Directie", RoomType.OFFICE, 0, null, null), SYSTEM);
        rooms.createRoom(school.id(), new RoomForm(main, "Berging ICT", RoomType.STORAGE, -1, null, null), SYSTEM);
        if (school.level() == SchoolLevel.SECUNDAIR) {
            long labs = rooms.createBuilding(school.id(), new BuildingForm("Blok B", null, null), SYSTEM).id();
            rooms.createRoom(school.id(), new RoomForm(labs, "STEM-lab", RoomType.COMPUTER_ROOM, 0, 24, null), SYSTEM);
            rooms.createRoom(school.id(), new RoomForm(labs, "Serverlokaal", RoomType.OTHER, 0, null, null), SYSTEM);
        }
    }

    /** Lesuren: 50 minutes, no afternoon on Wednesday. */
    private void lessonPeriods(SchoolView school) {
        var weekdaysOnly = java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        String[][] times = school.level() == SchoolLevel.BASIS
            ? new String[][] {{"08:30", "09:20"}, {"09:20", "10:10"}, {"10:25", "11:15"}, {"11:15", "12:05"},
                {"13:15", "14:05"}, {"14:05", "14:55"}, {"15:05", "15:55"}}
            : new String[][] {{"08:25", "09:15"}, {"09:15", "10:05"}, {"10:20", "11:10"}, {"11:10", "12:00"},
                {"12:50", "13:40"}, {"13:40", "14:30"}, {"14:45", "15:35"}, {"15:35", "16:25"}};
        var periods = new ArrayList<LessonPeriodForm>();
        for (int i = 0; i < times.length; i++) {
            boolean afternoon = LocalTime.parse(times[i][0]).isAfter(LocalTime.NOON);
            periods.add(new LessonPeriodForm(i + 1, (i + 1) + "e lesuur", LocalTime.parse(times[i][0]), LocalTime.parse(times[i][1]),
                afternoon ? weekdaysOnly : null));
        }
        calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(periods, 0), SYSTEM);
    }

    /** Chromebooks in the computer room, staff laptops (some with a warranty ending soon), displays, network gear. */
    private void inventory(SchoolView school) {
        var rooms = this.rooms.rooms(school.id(), Rooms.RoomFilter.active());
        Long ictRoom = rooms.stream().filter(r -> r.name().equals("ICT-lokaal")).map(r -> r.id()).findFirst().orElse(null);
        Long office = rooms.stream().filter(r -> r.name().equals("Secretariaat")).map(r -> r.id()).findFirst().orElse(null);
        Long store = rooms.stream().filter(r -> r.name().equals("Berging ICT")).map(r -> r.id()).findFirst().orElse(null);
        LocalDate today = calendar.today();
        LocalDate bought = LocalDate.of(today.getYear() - 2, 9, 1);
        String code = school.code().toUpperCase(java.util.Locale.ROOT);
        for (int i = 1; i <= 20; i++) {
            asset(school, AssetCategory.CHROMEBOOK, "Acer", "Chromebook 314", code + "-CB-" + i, AssetStatus.IN_USE, ictRoom,
                bought, "329.00", bought.plusYears(3));
        }
        for (int i = 1; i <= 6; i++) {
            asset(school, AssetCategory.LAPTOP, "Dell", "Latitude 3540", code + "-LT-" + i, i == 6 ? AssetStatus.IN_REPAIR : AssetStatus.IN_USE,
                null, today.minusYears(3).plusDays(60), "849.99", today.plusDays(60));
        }
        rooms.stream().filter(r -> r.type() == be.spil.school.RoomType.CLASSROOM).limit(4).forEach(r -> asset(school,
            AssetCategory.INTERACTIVE_DISPLAY, "Promethean", "ActivPanel 9 75\"", code + "-IB-" + r.id(), AssetStatus.IN_USE, r.id(),
            bought, "2890.00", bought.plusYears(5)));
        asset(school, AssetCategory.PRINTER, "Canon", "imageRUNNER C3226i", code + "-PR-1", AssetStatus.IN_USE, office, bought, "2450.00", bought.plusYears(3));
        asset(school, AssetCategory.SWITCH, "HPE Aruba", "Instant On 1930 48G", code + "-SW-1", AssetStatus.IN_USE, store, bought, "610.00", bought.plusYears(5));
        asset(school, AssetCategory.ACCESS_POINT, "HPE Aruba", "Instant On AP22", code + "-AP-1", AssetStatus.IN_STOCK, store, bought, "189.00", bought.plusYears(5));
    }

    private void asset(SchoolView school, AssetCategory category, String manufacturer, String model, String serial, AssetStatus status,
                       Long roomId, LocalDate purchased, String price, LocalDate warrantyEnd) {
        assets.create(school.id(), new AssetForm(category, manufacturer, model, null, serial, status, roomId, null, null, purchased,
            new java.math.BigDecimal(price), warrantyEnd, null, null, null, null, null), SYSTEM);
    }

    /**
     * A small ICT team for the current school year: the coordinator carries most tasks, the director the policy, the
     * firm's technician the hardware — so the coverage page has something to say (tasks without backup, the load on
     * the coordinator).
     */
    private void ictTeam(SchoolView school, List<DemoAccount> accounts) {
        var year = calendar.currentSchoolYear().orElseThrow();
        long coordinator = member(school, year.id(), accounts, school.code(), "ICT_COORDINATOR",
            java.util.EnumSet.of(Cluster.TECHNICAL, Cluster.PEDAGOGICAL, Cluster.POLICY), Education.TEACHER, 4.0, 0.0);
        long director = member(school, year.id(), accounts, school.code(), "DIRECTOR",
            java.util.EnumSet.of(Cluster.POLICY, Cluster.ADMINISTRATIVE), Education.MASTER, 0.0, 1.0);
        long technician = member(school, year.id(), accounts, "(both)", "TECHNICIAN",
            java.util.EnumSet.of(Cluster.TECHNICAL), Education.BACHELOR_ICT, 0.0, 2.0);
        assign(school, year.id(), "T01", technician, List.of(coordinator), Level.OTHER, FundingSource.OPERATING_FUNDS, 60);
        assign(school, year.id(), "T02", coordinator, List.of(), Level.CORE, FundingSource.ICT_HOURS, 30);
        assign(school, year.id(), "T03", coordinator, List.of(), Level.CORE, FundingSource.ICT_HOURS, 40);
        assign(school, year.id(), "P01", coordinator, List.of(), Level.CORE, FundingSource.ICT_HOURS, 30);
        assign(school, year.id(), "B01", director, List.of(coordinator), Level.CORE, FundingSource.OTHER, 20);
        assign(school, year.id(), "A01", coordinator, List.of(), Level.CORE, FundingSource.ICT_HOURS, 25);
        policy.plan(school, year, personOf(accounts, school.code(), "ICT_COORDINATOR"), personOf(accounts, school.code(), "DIRECTOR"),
            SYSTEM);
    }

    private long personOf(List<DemoAccount> accounts, String accountSchool, String role) {
        String email = accounts.stream().filter(a -> a.school().equals(accountSchool) && a.role().equals(role))
            .map(DemoAccount::email).findFirst().orElseThrow();
        return people.identityByEmail(email).orElseThrow().personId();
    }

    private long member(SchoolView school, long yearId, List<DemoAccount> accounts, String accountSchool, String role,
                        Set<Cluster> profile, Education education, double ictHoursPerWeek, double otherHoursPerWeek) {
        long personId = personOf(accounts, accountSchool, role);
        boolean firm = role.equals("TECHNICIAN");
        return team.createMember(school.id(), yearId, new MemberForm(personId, null, profile, education,
            ictHoursPerWeek, 0.0, firm ? otherHoursPerWeek : 0.0, 0.0, firm ? 0.0 : otherHoursPerWeek, MemberForm.HoursUnit.WEEK, null),
            SYSTEM).id();
    }

    private void assign(SchoolView school, long yearId, String task, long responsible, List<Long> backups, Level level,
                        FundingSource funding, double hours) {
        team.createAssignment(school.id(), yearId, new AssignmentForm(task, responsible, backups, level, funding, hours, null), SYSTEM);
    }

    /** Classes 1A to 6B: leerjaar 1–6 in the basisschool, jaar 1–6 in the secundaire school. */
    private List<String> classes(SchoolView school) {
        var made = new ArrayList<String>();
        for (int grade = 1; grade <= 6; grade++) {
            for (String parallel : List.of("A", "B")) {
                made.add(groups.create(school.id(), new GroupForm(grade + parallel, grade, null), SYSTEM).name());
            }
        }
        return made;
    }

    private void staff(SchoolView school, SchoolSpec spec, FlemishNames names, Set<String> emails, String password,
                       List<DemoAccount> accounts, int[] counts) {
        var director = person(school, names.adult(), spec.domain(), PersonKind.STAFF, EnumSet.of(Role.DIRECTOR), password, emails);
        accounts.add(new DemoAccount(school.code(), "DIRECTOR", director.name(), director.email()));
        var coordinator = person(school, names.adult(), spec.domain(), PersonKind.STAFF,
            EnumSet.of(Role.ICT_COORDINATOR, Role.STAFF), password, emails);
        accounts.add(new DemoAccount(school.code(), "ICT_COORDINATOR", coordinator.name(), coordinator.email()));
        counts[0] += 2;
        for (int i = 0; i < spec.teachers(); i++) {
            var teacher = person(school, names.adult(), spec.domain(), PersonKind.STAFF, EnumSet.of(Role.STAFF),
                i == 0 ? password : null, emails);
            if (i == 0) {
                accounts.add(new DemoAccount(school.code(), "STAFF", teacher.name(), teacher.email()));
            }
            counts[0]++;
        }
        for (int i = 0; i < spec.support().size(); i++) {
            person(school, names.adult(), spec.domain(), PersonKind.STAFF, EnumSet.of(Role.STAFF), null, emails);
            counts[0]++;
        }
    }

    private void pupils(SchoolView school, SchoolSpec spec, List<String> classes, FlemishNames names, int[] counts) {
        for (String group : classes) {
            int size = spec.minPupils() + names.nextInt(spec.maxPupils() - spec.minPupils() + 1);
            for (int i = 0; i < size; i++) {
                var name = names.child();
                people.create(school.id(), new PersonForm(name.firstName(), name.lastName(), null, PersonKind.PUPIL, Set.of(),
                    null, group, null), SYSTEM);
                counts[1]++;
            }
        }
    }

    /** People who work for more than one school: the ICT firm's technician and a teacher shared by both schools. */
    private void sharedPeople(List<SchoolView> all, FlemishNames names, Set<String> emails, String password,
                              List<DemoAccount> accounts, int[] counts) {
        var technician = names.adult();
        String email = email(technician, FIRM_DOMAIN, emails);
        long firm = organisations.create(new be.spil.directory.OrganisationForm("Bitwerk ICT", be.spil.directory.OrganisationKind.FIRM, "",
            "helpdesk@" + FIRM_DOMAIN, "09 123 45 67", "https://www." + FIRM_DOMAIN, "Industrieweg 12, 9000 Gent",
            "Onderhoudscontract pc's en netwerk", List.of(), null), SYSTEM).id();
        var teacher = names.adult();
        String teacherEmail = email(teacher, DE_LINDE.domain(), emails);
        for (int i = 0; i < all.size(); i++) {
            var school = all.get(i);
            people.create(school.id(), new PersonForm(technician.firstName(), technician.lastName(), email, PersonKind.EXTERNAL,
                EnumSet.of(Role.TECHNICIAN), i == 0 ? password : null, null, null, firm), SYSTEM);
            people.create(school.id(), new PersonForm(teacher.firstName(), teacher.lastName(), teacherEmail, PersonKind.STAFF,
                EnumSet.of(Role.STAFF), null, null, null), SYSTEM);
        }
        accounts.add(new DemoAccount("(both)", "TECHNICIAN", technician.firstName() + " " + technician.lastName(), email));
        counts[0] += 2;
    }

    private be.spil.directory.PersonView person(SchoolView school, FlemishNames.Name name, String domain, PersonKind kind,
                                                Set<Role> roles, String password, Set<String> emails) {
        return people.create(school.id(), new PersonForm(name.firstName(), name.lastName(), email(name, domain, emails), kind,
            roles, password, null, null), SYSTEM);
    }

    /** voornaam.achternaam@domain, without accents, spaces or apostrophes; a digit is added when it is taken. */
    static String email(FlemishNames.Name name, String domain, Set<String> taken) {
        String local = clean(name.firstName()) + "." + clean(name.lastName());
        String email = local + "@" + domain;
        for (int n = 2; !taken.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }

    private static String clean(String s) {
        return Text.searchKey(s).replaceAll("[^a-z0-9]", "");
    }

    private static String generatePassword() {
        var random = new SecureRandom();
        var sb = new StringBuilder("Demo");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
