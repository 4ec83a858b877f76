package be.spil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.directory.People;
import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetForm;
import be.spil.inventory.Assets;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every main page passes axe-core's WCAG 2.1 A/AA rules in a real browser, in Dutch and in English, on a desktop
 * and on a phone; each checked page is also kept as a screenshot in target/screenshots.
 */
class AccessibilityTest extends BrowserJourney {
    private static SchoolView school;
    private static Browser coordinator;

    @Autowired People people;
    @Autowired Assets assets;
    @Autowired be.spil.inventory.Software software;

    @BeforeEach
    void setUp() {
        if (school == null || coordinator == null) {
            school = fixtures.school();
            fixtures.group(school, "1A", 1);
            fixtures.group(school, "6B", 6);
            fixtures.pupil(school, "Noor", "Claes", "1A");
            fixtures.pupil(school, "Mehdi", "El Amrani", "6B");
            fixtures.user(school, Role.STAFF, Role.DIRECTOR);
            coordinator = signedInCoordinator(school);
        }
        coordinator.desktop();
        coordinator.go("/?lang=nl");
    }

    @org.junit.jupiter.api.AfterAll
    static void forget() {
        school = null;
        coordinator = null;
    }

    private void check(Browser browser, String name) {
        browser.screenshot(name);
        Axe.check(browser, name);
    }

    /** The page as it is now, on a desktop and on a phone. */
    private void checkBoth(Browser browser, String name) {
        check(browser, name + "-desktop");
        browser.phone();
        try {
            check(browser, name + "-phone");
        } finally {
            browser.desktop();
        }
    }

    @Test
    void screenshotsAreTakenAtPhoneAndDesktopSizes() {
        coordinator.phone();
        assertThat(coordinator.driver().executeScript("return [window.innerWidth, window.innerHeight];")).asString().isEqualTo("[390, 844]");
        coordinator.desktop();
        assertThat(coordinator.driver().executeScript("return [window.innerWidth, window.innerHeight];")).asString().isEqualTo("[1280, 900]");
    }

    @Test
    void signInPage() {
        var browser = browser();
        SignInPage.open(browser);
        checkBoth(browser, "login");
        SignInPage.at(browser).signInFailing("nobody@example.be", "wrong password here");
        check(browser, "login-error-desktop");
    }

    @Test
    void homeSchoolsAndSchoolPages() {
        coordinator.go("/");
        checkBoth(coordinator, "home");
        coordinator.go("/schools");
        checkBoth(coordinator, "schools");
        coordinator.go("/schools/" + school.code());
        checkBoth(coordinator, "school");
    }

    @Test
    void peopleListOnDesktopAndPhone() {
        PeoplePage.open(coordinator, school.code());
        check(coordinator, "people-desktop");
        coordinator.phone();
        coordinator.go("/schools/" + school.code() + "/people");
        check(coordinator, "people-phone");
        coordinator.find("header .navbar-toggler").click();
        coordinator.waiting().until(d -> coordinator.find("#mainNav").isDisplayed() && !coordinator.has("#mainNav.collapsing"));
        check(coordinator, "people-phone-menu");
    }

    @Test
    void newPersonFormWithErrors() {
        var form = PersonFormPage.open(coordinator, school.code());
        check(coordinator, "person-new-desktop");
        form.firstName("").lastName("x".repeat(101)).email("not an email").saveExpectingErrors();
        assertThat(form.descriptionOf("firstName")).isNotBlank();
        checkBoth(coordinator, "person-new-errors");
    }

    @Test
    void personPageWithHistoryAndWithTheConflictMessage() {
        var person = fixtures.person(school, new PersonForm("Ine", "Wouters", "ine." + Fixtures.unique() + "@example.be",
            PersonKind.STAFF, Set.of(Role.STAFF), null, null, null));
        var page = PersonPage.open(coordinator, school.code(), person.id());
        page.lastName("Wouters-Claes").save();
        assertThat(page.history()).hasSize(2);
        checkBoth(coordinator, "person-history");

        people.update(school.id(), person.id(), new PersonForm("Ine", "Wouters", person.email(), PersonKind.STAFF,
            Set.of(Role.STAFF, Role.ICT_COORDINATOR), null, null, people.get(school.id(), person.id(), Fixtures.ADMIN).version()), Fixtures.ADMIN);
        page.firstName("Ines").save();
        assertThat(page.hasConflict()).isTrue();
        checkBoth(coordinator, "person-conflict");
    }

    @Test
    void groupsAndProfilePages() {
        coordinator.go("/schools/" + school.code() + "/groups");
        checkBoth(coordinator, "groups");
        coordinator.find("#name").sendKeys("1A");
        coordinator.click("main form button[type=submit]");
        coordinator.waiting().until(d -> coordinator.has(".is-invalid"));
        check(coordinator, "groups-error-desktop");
        coordinator.go("/profile");
        checkBoth(coordinator, "profile");
    }

    @Test
    void notFoundPages() {
        coordinator.go("/schools/no-such-school-" + Fixtures.unique() + "/people");
        assertThat(Page.current(coordinator).heading()).isEqualTo("Niet gevonden");
        checkBoth(coordinator, "not-found");
        coordinator.go("/no/such/page");
        assertThat(Page.current(coordinator).heading()).isEqualTo("Niet gevonden");
        check(coordinator, "not-found-unknown-url-desktop");
    }

    @Test
    void forbiddenPageAndReadOnlyPersonForStaff() {
        var staff = browser();
        SignInPage.open(staff).signIn(fixtures.user(school, Role.STAFF).email(), Fixtures.PASSWORD);
        staff.go("/schools/" + school.code() + "/people/new");
        assertThat(Page.current(staff).heading()).isEqualTo("Geen toegang");
        assertThat(Page.current(staff).menu()).as("the header keeps its menu").contains("Personen");
        checkBoth(staff, "forbidden");

        var someone = fixtures.pupil(school, "Lina", "Janssens", "1A");
        PersonPage.open(staff, school.code(), someone.id());
        assertThat(staff.has("#personForm button[type=submit]")).as("staff only read").isFalse();
        checkBoth(staff, "person-read-only");
    }

    @Test
    void theSkipLinkIsTheFirstKeyboardStopAndLeadsToTheContent() {
        coordinator.go("/schools/" + school.code() + "/people");
        coordinator.find("body").sendKeys(org.openqa.selenium.Keys.TAB);
        var first = coordinator.driver().switchTo().activeElement();
        assertThat(first.getAttribute("href")).endsWith("#main");
        assertThat(first.getText()).isEqualTo("Naar de inhoud");
        assertThat(first.isDisplayed()).as("visible when focused").isTrue();
        first.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(coordinator.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void pagesInEnglish() {
        coordinator.go("/schools/" + school.code() + "/people?lang=en");
        assertThat(Page.current(coordinator).language()).isEqualTo("en");
        check(coordinator, "people-english-desktop");
        coordinator.go("/schools/no-such-school/people");
        assertThat(Page.current(coordinator).heading()).isEqualTo("Not found");
        check(coordinator, "not-found-english-desktop");
        coordinator.go("/?lang=nl");
    }

    @Test
    void roomsCalendarOrganisationsAndSecondFactorPages() {
        coordinator.go("/schools/" + school.code() + "/rooms");
        checkBoth(coordinator, "rooms");
        coordinator.go("/schools/" + school.code() + "/calendar");
        checkBoth(coordinator, "calendar");
        coordinator.go("/organisations");
        checkBoth(coordinator, "organisations");
        coordinator.go("/organisations/new");
        check(coordinator, "organisation-new-desktop");
        coordinator.go("/profile/totp");
        check(coordinator, "totp-desktop");
    }

    @Test
    void inventoryListAndAssetPage() {
        var asset = assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, "Dell", "Latitude 5440", null, "A11Y-" + Fixtures.unique(),
            null, null, null, "PO-1", null, null, null, "lt-a11y", "aa:bb:cc:dd:ee:01", null, "Axe", null), Fixtures.ADMIN);
        coordinator.go("/schools/" + school.code() + "/assets");
        checkBoth(coordinator, "assets");
        coordinator.go("/schools/" + school.code() + "/assets/" + asset.id());
        checkBoth(coordinator, "asset");
        coordinator.go("/schools/" + school.code() + "/assets/new");
        check(coordinator, "asset-new-desktop");
        coordinator.go("/schools/" + school.code() + "/assets/import");
        checkBoth(coordinator, "asset-import");
        var title = software.createTitle(school.id(), new be.spil.inventory.Software.TitleForm("GeoGebra", "GeoGebra GmbH",
            be.spil.inventory.SoftwareCategory.EDUCATIONAL, be.spil.inventory.SoftwarePlatform.WEB, null), Fixtures.ADMIN);
        var licence = software.createLicence(school.id(), new be.spil.inventory.Software.LicenceForm(title.id(),
            be.spil.inventory.LicenceType.PER_DEVICE, 5, null, null, null, null, null, "KEY-1", null, null, null), Fixtures.ADMIN);
        coordinator.go("/schools/" + school.code() + "/software");
        checkBoth(coordinator, "software");
        coordinator.go("/schools/" + school.code() + "/software/titles/" + title.id());
        checkBoth(coordinator, "software-title");
        coordinator.go("/schools/" + school.code() + "/software/licences/" + licence.id());
        checkBoth(coordinator, "licence");
        coordinator.go("/schools/" + school.code() + "/software/compliance");
        checkBoth(coordinator, "compliance");
        coordinator.go("/schools/" + school.code() + "/assets/" + asset.tag() + "/computer");
        checkBoth(coordinator, "asset-computer");
        coordinator.go("/schools/" + school.code() + "/agents");
        checkBoth(coordinator, "agents");
        coordinator.go("/schools/" + school.code() + "/agent-keys");
        checkBoth(coordinator, "agent-keys");
    }

    @Test
    void lendingPages(@Autowired be.spil.school.SchoolCalendar calendar, @Autowired be.spil.lending.Pools pools,
                      @Autowired be.spil.lending.Reservations reservations) {
        var taken = calendar.schoolYears().stream().map(be.spil.school.SchoolYearView::name).toList();
        var year = taken.contains("2190-2191") ? calendar.schoolYearOn(java.time.LocalDate.of(2190, 10, 1)).orElseThrow()
            : calendar.createSchoolYear(new be.spil.school.SchoolYearForm("2190-2191", null, null, null), Fixtures.ADMIN);
        if (calendar.lessonPeriods(school.id()).periods().isEmpty()) {
            calendar.replaceLessonPeriods(school.id(), new be.spil.school.LessonPeriodsForm(java.util.List.of(
                new be.spil.school.LessonPeriodForm(1, null, java.time.LocalTime.of(8, 25), java.time.LocalTime.of(9, 15), null),
                new be.spil.school.LessonPeriodForm(2, null, java.time.LocalTime.of(9, 15), java.time.LocalTime.of(10, 5), null)),
                calendar.lessonPeriods(school.id()).version()), Fixtures.ADMIN);
        }
        var tag = assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, "Dell", "Latitude 3440", null, null, null, null, null,
            null, null, null, null, null, null, null, null, null), Fixtures.ADMIN).tag();
        var pool = pools.create(school.id(), new be.spil.lending.PoolForm("Kar " + Fixtures.unique(), null, null, null, null, false,
            java.util.List.of(tag), null), Fixtures.ADMIN);
        var day = year.startDate().withMonth(10).withDayOfMonth(8).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        var r = reservations.reserve(school.id(), new be.spil.lending.ReservationForm(pool.id(), day, java.util.List.of(1), 1, null, null,
            null, null, null), Fixtures.ADMIN);
        coordinator.go("/schools/" + school.code() + "/pools");
        checkBoth(coordinator, "pools");
        coordinator.go("/schools/" + school.code() + "/pools/" + pool.id() + "?date=" + day);
        checkBoth(coordinator, "pool-week");
        coordinator.go("/schools/" + school.code() + "/pools/" + pool.id() + "/reserve?date=" + day);
        checkBoth(coordinator, "pool-reserve");
        coordinator.go("/schools/" + school.code() + "/reservations/" + r.id());
        checkBoth(coordinator, "reservation-kiosk");
        coordinator.go("/schools/" + school.code() + "/pupil-devices");
        checkBoth(coordinator, "pupil-devices");
        coordinator.go("/schools/" + school.code() + "/pools/figures?year=" + year.name());
        checkBoth(coordinator, "lending-figures");
    }

    @Test
    void teamPages(@Autowired be.spil.team.Team team, @Autowired be.spil.school.SchoolCalendar calendar) {
        var taken = calendar.schoolYears().stream().map(be.spil.school.SchoolYearView::name).toList();
        int first = 1991;
        while (taken.contains(first + "-" + (first + 1))) {
            first++;
        }
        var year = calendar.createSchoolYear(new be.spil.school.SchoolYearForm(first + "-" + (first + 1), null, null, null),
            be.spil.support.Fixtures.ADMIN);
        var person = fixtures.user(school, Role.STAFF);
        var member = team.createMember(school.id(), year.id(), new be.spil.team.MemberForm(person.id(), null,
            java.util.Set.of(be.spil.team.Cluster.PEDAGOGICAL), be.spil.team.Education.TEACHER, 10.0, 0.0, 0.0, 0.0, 0.0,
            be.spil.team.MemberForm.HoursUnit.YEAR, null), be.spil.support.Fixtures.ADMIN);
        team.createAssignment(school.id(), year.id(), new be.spil.team.AssignmentForm("T01", member.id(), java.util.List.of(),
            be.spil.team.Level.CORE, be.spil.team.FundingSource.ICT_HOURS, 14.0, null), be.spil.support.Fixtures.ADMIN);
        String base = "/schools/" + school.code() + "/team";
        String y = "?year=" + year.name();
        coordinator.go(base + y);
        checkBoth(coordinator, "team-members");
        coordinator.go(base + "/members/" + member.id());
        check(coordinator, "team-member-desktop");
        coordinator.go(base + "/catalog");
        checkBoth(coordinator, "team-catalog");
        coordinator.go(base + "/division" + y);
        checkBoth(coordinator, "team-division");
        coordinator.go(base + "/coverage" + y);
        checkBoth(coordinator, "team-coverage");
        coordinator.go(base + "/compare?from=" + year.name() + "&to=" + year.name());
        check(coordinator, "team-compare-desktop");
        coordinator.go(base + "/members/" + member.id() + "/job-description");
        checkBoth(coordinator, "team-job-description");
        coordinator.go(base + "/division" + y + "&member=" + member.id());
        check(coordinator, "team-division-member-desktop");
    }

    @Test
    void policyPlanPages(@Autowired be.spil.policy.PolicyPlans plans, @Autowired be.spil.policy.Surveys surveys,
                         @Autowired be.spil.school.SchoolCalendar calendar) {
        var taken = calendar.schoolYears().stream().map(be.spil.school.SchoolYearView::name).toList();
        int first = 1991;
        while (taken.contains(first + "-" + (first + 1))) {
            first++;
        }
        var year = calendar.createSchoolYear(new be.spil.school.SchoolYearForm(first + "-" + (first + 1), null, null, null),
            Fixtures.ADMIN);
        var plan = plans.replace(school.id(), year, new be.spil.policy.PlanForms.Whole("Visie", null, null, null, java.util.List.of(
            new be.spil.policy.PlanForms.WholeGoal(null, be.spil.policy.GoalDomain.INFRASTRUCTURE, be.spil.policy.GoalKind.TECHNICAL,
                "Wifi", "Overal", java.util.List.of(new be.spil.policy.PlanForms.WholeAction(null, "Meten", null,
                    java.time.LocalDate.of(2000, 1, 1), null, null, be.spil.policy.ActionStatus.PLANNED)))), null), Fixtures.ADMIN);
        plans.approve(school.id(), year, plan.version(), "# Plan\nVisie\n", Fixtures.ADMIN);
        String base = "/schools/" + school.code() + "/policy";
        String y = "?year=" + year.name();
        coordinator.go(base + y);
        checkBoth(coordinator, "policy-plan");
        coordinator.go(base + "/board" + y);
        checkBoth(coordinator, "policy-board");
        coordinator.go(base + "/versions" + y + "&from=1");
        checkBoth(coordinator, "policy-versions");
        coordinator.go(base + "/budget");
        checkBoth(coordinator, "policy-budget");
        coordinator.go(base + "/rules");
        checkBoth(coordinator, "policy-rules");
        var survey = surveys.create(school.id(), "Noden", be.spil.policy.UsageRules.Audience.STAFF, true, java.util.Locale.forLanguageTag("nl"),
            Fixtures.ADMIN);
        surveys.setStatus(school.id(), survey.id(), be.spil.policy.Surveys.Status.OPEN, survey.version(), Fixtures.ADMIN);
        coordinator.go(base + "/surveys");
        checkBoth(coordinator, "policy-surveys");
        coordinator.go(base + "/surveys/" + survey.id());
        checkBoth(coordinator, "policy-survey");
    }

    @Test
    void learningLinePages(@Autowired be.spil.learning.LearningLines lines, @Autowired be.spil.learning.Frameworks frameworks,
                           @Autowired be.spil.learning.Trainings trainings, @Autowired be.spil.school.SchoolCalendar calendar) {
        var own = fixtures.school();
        var browser = signedInCoordinator(own);
        String base = "/schools/" + own.code() + "/learning";
        browser.go(base);
        checkBoth(browser, "learning-start");
        var digcomp = frameworks.list(Fixtures.ADMIN, "PUPIL").stream().filter(f -> f.code().equals("digcomp")).findFirst().orElseThrow();
        lines.setUp(own.id(), digcomp.id(), java.util.List.of("Wiskunde", "Taal"), null, Fixtures.ADMIN);
        var a = lines.createActivity(own.id(), new be.spil.learning.ActivityForm("1.1", be.spil.learning.Grade.L1, "Taal",
            "Zoeken in een kinderzoekmachine", "Tablet", be.spil.learning.Step.INTRODUCE, be.spil.learning.WorkForm.PARTNER, null, null),
            Fixtures.ADMIN);
        browser.go(base);
        checkBoth(browser, "learning-line");
        browser.go(base + "/grades/L1");
        checkBoth(browser, "learning-grade");
        browser.go(base + "/competences/1.1");
        check(browser, "learning-competence-desktop");
        browser.go(base + "/activities/" + a.id());
        check(browser, "learning-activity-desktop");
        browser.go(base + "/import");
        check(browser, "learning-import-desktop");
        browser.go("/frameworks/" + digcomp.id() + "?lang=en");
        check(browser, "learning-framework-en-desktop");
        var taken = calendar.schoolYears().stream().map(be.spil.school.SchoolYearView::name).toList();
        var year = taken.contains("2191-2192") ? calendar.schoolYearOn(java.time.LocalDate.of(2191, 10, 1)).orElseThrow()
            : calendar.createSchoolYear(new be.spil.school.SchoolYearForm("2191-2192", null, null, null), Fixtures.ADMIN);
        var training = trainings.create(own.id(), new be.spil.learning.TrainingForm("Het leerplatform", null, true,
            year.startDate().plusDays(30), null, new java.math.BigDecimal("2"), null, java.util.List.of("2.1"), null, null), Fixtures.ADMIN);
        browser.go(base + "/trainings?year=2191-2192");
        checkBoth(browser, "learning-trainings");
        browser.go(base + "/trainings/" + training.id());
        check(browser, "learning-training-desktop");
        browser.go(base + "/training-plan?year=2191-2192");
        check(browser, "learning-training-plan-desktop");
        var basis = frameworks.list(Fixtures.ADMIN, "PUPIL").stream().filter(f -> f.code().equals("vl-basis-ict")).findFirst().orElseThrow();
        browser.go(base + "/adopt?framework=" + basis.id());
        check(browser, "learning-adopt-desktop");
    }

    @Test
    void helpdeskAndKnowledgePages(@Autowired be.spil.helpdesk.Tickets tickets, @Autowired be.spil.knowledge.Articles articles) {
        var ticket = tickets.report(school.id(), new be.spil.helpdesk.ReportForm("Beamer B.12 geeft geen beeld", "Sinds vanochtend",
            null, null, null, null, null), Fixtures.ADMIN);
        tickets.comment(school.id(), ticket.number(), "We komen kijken.", false, Fixtures.ADMIN);
        var article = articles.create(school.id(), new be.spil.knowledge.ArticleForm("Beamer: geen beeld", "Kies **HDMI 1**.\n\n- kabel\n- stroom",
            be.spil.knowledge.BodyFormat.MARKDOWN, be.spil.knowledge.Audience.TEACHERS, false, null), Fixtures.ADMIN);
        String base = "/schools/" + school.code();
        coordinator.go(base + "/tickets/new");
        checkBoth(coordinator, "ticket-new");
        coordinator.go(base + "/tickets");
        checkBoth(coordinator, "tickets");
        coordinator.go(base + "/tickets/" + ticket.number());
        checkBoth(coordinator, "ticket");
        coordinator.go(base + "/helpdesk/figures");
        checkBoth(coordinator, "helpdesk-figures");
        coordinator.go(base + "/knowledge");
        checkBoth(coordinator, "knowledge");
        coordinator.go(base + "/knowledge/" + article.id());
        checkBoth(coordinator, "article");
        coordinator.go(base + "/knowledge/new");
        check(coordinator, "article-new-desktop");
        coordinator.go(base + "/helpdesk/settings");
        checkBoth(coordinator, "helpdesk-settings");
    }

    @Test
    void helpdeskRequestsFilesAndMerging(@Autowired be.spil.helpdesk.Requests requests,
                                         @Autowired be.spil.helpdesk.TicketAttachments attachments) {
        long purchase = requests.types(school.id(), false, Fixtures.ADMIN).stream().filter(t -> "purchase".equals(t.code())).findFirst()
            .orElseThrow().id();
        var ticket = requests.submit(school.id(), purchase, java.util.Map.of("item", "Koptelefoons", "quantity", "25", "reason",
            "Luistertoetsen"), Fixtures.ADMIN);
        byte[] png = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var other = requests.submit(school.id(), purchase, java.util.Map.of("item", "Scherm", "quantity", "1", "reason", "Kapot"),
            Fixtures.ADMIN);
        attachments.add(school.id(), other.number(), false, java.util.List.of(new be.spil.helpdesk.TicketAttachments.Upload("foto.png",
            png.length, png)), Fixtures.ADMIN);
        String base = "/schools/" + school.code();
        coordinator.go(base + "/requests/new");
        checkBoth(coordinator, "requests");
        coordinator.go(base + "/requests/new?type=" + purchase);
        checkBoth(coordinator, "request-form");
        coordinator.go(base + "/request-types");
        checkBoth(coordinator, "request-types");
        coordinator.go(base + "/tickets/" + ticket.number());
        checkBoth(coordinator, "ticket-request");
        coordinator.go(base + "/tickets/" + other.number());
        checkBoth(coordinator, "ticket-attachment");
    }

    @Test
    void knowledgeBaseVersionsAndPublicPages(@Autowired be.spil.knowledge.Articles articles) {
        var form = new be.spil.knowledge.ArticleForm("Wifi voor ouders", "Het netwerk heet **Gast**.", be.spil.knowledge.BodyFormat.MARKDOWN,
            be.spil.knowledge.Audience.PUBLIC, false, null);
        var article = articles.create(school.id(), form, Fixtures.ADMIN);
        articles.update(school.id(), article.id(), new be.spil.knowledge.ArticleForm("Wifi voor ouders en bezoekers", "Netwerk **Gast**.",
            be.spil.knowledge.BodyFormat.MARKDOWN, be.spil.knowledge.Audience.PUBLIC, false, article.version()), null, Fixtures.ADMIN);
        String base = "/schools/" + school.code() + "/knowledge";
        coordinator.go(base + "/" + article.id());
        checkBoth(coordinator, "article-versions");
        coordinator.go(base + "/" + article.id() + "/versions/0");
        checkBoth(coordinator, "article-version");
        var anonymous = browser();
        anonymous.desktop();
        anonymous.go("/kb/" + school.code());
        checkBoth(anonymous, "kb-public");
        anonymous.go("/kb/" + school.code() + "/" + article.id());
        checkBoth(anonymous, "kb-public-article");
    }

    @Test
    void auditLogForTheCentralAdmin() {
        var admin = browser();
        SignInPage.open(admin).signIn("admin@test.spil.be", Fixtures.PASSWORD);
        admin.go("/audit");
        checkBoth(admin, "audit");
        admin.go("/tickets");
        checkBoth(admin, "group-queue");
        admin.go("/schools/new");
        check(admin, "school-new-desktop");
        admin.go("/school-years");
        check(admin, "school-years-desktop");
        admin.go("/admin/settings");
        check(admin, "settings-desktop");
        admin.go("/helpdesk/setup");
        checkBoth(admin, "helpdesk-setup");
        admin.go("/team/catalog");
        check(admin, "team-group-catalog-desktop");
    }
}
