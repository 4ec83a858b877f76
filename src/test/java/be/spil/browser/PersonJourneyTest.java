package be.spil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.support.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A coordinator adds a person through the form and follows the person's history, in a real browser. */
class PersonJourneyTest extends BrowserJourney {

    @Test
    void createsAPersonAfterCorrectingTheErrorsShownNextToTheFields() {
        var school = fixtures.school();
        fixtures.group(school, "3B", 3);
        var browser = signedInCoordinator(school);
        var people = PeoplePage.open(browser, school.code());
        assertThat(people.currentMenu()).containsExactly("Personen");
        browser.screenshot("people-desktop");

        var form = people.newPerson().firstName("Lotte").lastName("").email("lotte-at-school").kind("Leerling").group("3B")
            .saveExpectingErrors();
        assertThat(form.invalid("lastName")).isTrue();
        assertThat(form.descriptionOf("lastName")).isEqualTo("Vul dit veld in.");
        assertThat(form.invalid("email")).isTrue();
        assertThat(form.descriptionOf("email")).isEqualTo("Dit is geen geldig e-mailadres.");
        assertThat(form.invalid("firstName")).as("a correct field is not marked").isFalse();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the first field in error")
            .isEqualTo("lastName");
        assertThat(form.descriptionOf("password")).as("the password rules are tied to the password field").startsWith("Minstens 12 tekens");
        browser.screenshot("person-new-errors-desktop");
        browser.phone();
        browser.screenshot("person-new-errors-phone");
        browser.desktop();

        var person = form.lastName("Vermeulen").email("lotte.vermeulen@example.be").save();
        assertThat(person.flash()).isEqualTo("De persoon is toegevoegd.");
        assertThat(person.heading()).contains("Lotte Vermeulen");
        assertThat(person.value("group")).isEqualTo("3B");

        var list = PeoplePage.open(browser, school.code()).search("vermeulen");
        assertThat(list.names()).containsExactly("Vermeulen, Lotte");
        assertThat(list.openPerson("Vermeulen, Lotte").id()).isEqualTo(person.id());
    }

    @Test
    void showsWhoChangedWhatInTheHistoryAfterAnEdit() {
        var school = fixtures.school();
        var pupil = fixtures.person(school, new PersonForm("Jonas", "Peeters", "jonas." + Fixtures.unique() + "@example.be",
            PersonKind.PUPIL, Set.of(), null, null, null));
        var browser = signedInCoordinator(school);
        String me = browser.find("#userMenu").getText();

        var page = PersonPage.open(browser, school.code(), pupil.id());
        assertThat(page.history()).hasSize(1).first().asString().startsWith("Aangemaakt");

        page.lastName("Peeters-Janssens").save();
        assertThat(page.flash()).isEqualTo("De wijzigingen zijn opgeslagen.");
        assertThat(page.value("lastName")).isEqualTo("Peeters-Janssens");
        assertThat(page.history()).hasSize(2);
        assertThat(page.history().get(0))
            .startsWith("Gewijzigd")
            .contains("door " + me)
            .contains("Familienaam Peeters Peeters-Janssens");
        browser.screenshot("person-history-desktop");
        browser.phone();
        browser.screenshot("person-history-phone");
        browser.desktop();

        page.firstName("<script>window.spilHacked = true</script>Jonas").save();
        assertThat(page.heading()).as("markup in text is shown as text").startsWith("<script>window.spilHacked = true</script>Jonas");
        assertThat(page.history().get(0)).contains("Voornaam Jonas <script>");
        assertThat(browser.driver().executeScript("return window.spilHacked === undefined;")).as("and never runs").isEqualTo(true);
    }
}
