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
    }

    @Test
    void auditLogForTheCentralAdmin() {
        var admin = browser();
        SignInPage.open(admin).signIn("admin@test.spil.be", Fixtures.PASSWORD);
        admin.go("/audit");
        checkBoth(admin, "audit");
        admin.go("/schools/new");
        check(admin, "school-new-desktop");
        admin.go("/school-years");
        check(admin, "school-years-desktop");
        admin.go("/admin/settings");
        check(admin, "settings-desktop");
    }
}
