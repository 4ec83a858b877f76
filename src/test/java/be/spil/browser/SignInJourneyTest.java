package be.spil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Signing in, and choosing the language in the header, in a real browser. */
class SignInJourneyTest extends BrowserJourney {

    @Test
    void signsInAfterAWrongPasswordAndSeesTheHomePageInDutch() {
        var school = fixtures.school();
        var user = fixtures.user(school, Role.ICT_COORDINATOR);
        var browser = browser();

        browser.go("/schools");
        assertThat(browser.path()).as("a page needs sign-in first").isEqualTo("/login");
        var signIn = SignInPage.at(browser);
        assertThat(signIn.language()).isEqualTo("nl");
        assertThat(signIn.heading()).isEqualTo("Aanmelden");
        browser.screenshot("login-desktop");

        signIn.signInFailing(user.email(), "not-the-password");
        assertThat(signIn.alert()).isEqualTo("Het e-mailadres of het wachtwoord klopt niet.");
        assertThat(browser.find("#email").getAttribute("value")).as("the email stays filled in").isEqualTo(user.email());

        var schools = signIn.signIn(user.email(), Fixtures.PASSWORD);
        assertThat(browser.path()).as("back to the page asked for").startsWith("/schools");
        assertThat(schools.heading()).isEqualTo("Scholen");
        var home = HomePage.open(browser);
        assertThat(home.signedIn()).isTrue();
        assertThat(home.heading()).isEqualTo("Welkom, " + user.name());
        assertThat(home.menu()).contains("Start", "Probleem melden", "Scholen", "Personen", "Klassen").doesNotContain("Logboek");
        assertThat(home.cardTitles()).as("cards for the school, its calendar, its inventory and (a coordinator) its latest changes")
            .contains("Kalender", "Inventaris", "Laatste wijzigingen").hasSize(home.cards());
        browser.screenshot("home-desktop");

        var signedOut = home.signOut();
        assertThat(signedOut.alert()).isEqualTo("U bent afgemeld.");
        browser.phone();
        browser.screenshot("login-signed-out-phone");
        browser.desktop();
        browser.go("/");
        assertThat(browser.path()).as("signed out for real").isEqualTo("/login");
    }

    @Test
    void switchesToEnglishInTheHeaderAndRemembersItOnTheNextPages() {
        var school = fixtures.school();
        var user = fixtures.user(school, Role.ICT_COORDINATOR);
        var browser = browser();
        var signIn = SignInPage.open(browser);
        assertThat(signIn.languageLinkText()).isEqualTo("English");
        browser.phone();
        assertThat(browser.find("header a[hreflang]").isDisplayed()).as("before sign-in, in sight on a phone").isTrue();
        signIn.switchLanguage();
        assertThat(signIn.language()).isEqualTo("en");
        assertThat(signIn.heading()).isEqualTo("Sign in");
        browser.screenshot("login-english-phone");
        browser.desktop();

        var home = signIn.signIn(user.email(), Fixtures.PASSWORD);
        assertThat(home.language()).as("remembered through the sign-in").isEqualTo("en");
        assertThat(home.heading()).startsWith("Welcome, ");
        assertThat(home.languageLinkText()).isEqualTo("Nederlands");

        var people = PeoplePage.open(browser, school.code());
        assertThat(people.language()).as("remembered on the next page").isEqualTo("en");
        assertThat(people.heading()).startsWith("People");
        assertThat(people.menu()).contains("Home", "Schools", "People", "Classes");
        browser.screenshot("people-english-desktop");

        browser.phone();
        people.switchLanguage();
        assertThat(people.language()).as("the switch works from the phone menu too").isEqualTo("nl");
        assertThat(people.heading()).startsWith("Personen");
        browser.desktop();
        browser.go("/schools");
        assertThat(Page.current(browser).language()).isEqualTo("nl");
    }
}
