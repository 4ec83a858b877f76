package be.spil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.support.Fixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two coordinators edit the same person at the same time, each in their own browser. */
class ConflictJourneyTest extends BrowserJourney {

    @Test
    void theSecondSaveIsRefusedWithWhoChangedItAndTheNewerValues() {
        var school = fixtures.school();
        var person = fixtures.person(school, new PersonForm("Sofie", "Maes", "sofie." + Fixtures.unique() + "@example.be",
            PersonKind.STAFF, Set.of(), null, null, null));
        var anBrowser = signedInCoordinator(school);
        var bartBrowser = signedInCoordinator(school);
        String an = anBrowser.find("#userMenu").getText();

        var anPage = PersonPage.open(anBrowser, school.code(), person.id());
        var bartPage = PersonPage.open(bartBrowser, school.code(), person.id());

        anPage.lastName("Maes-De Smet").save();
        assertThat(anPage.flash()).isEqualTo("De wijzigingen zijn opgeslagen.");

        bartPage.firstName("Sofia").save();
        assertThat(bartPage.hasConflict()).isTrue();
        assertThat(bartBrowser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the message").isEqualTo("conflict");
        assertThat(bartPage.flash()).isEmpty();
        assertThat(bartPage.conflict())
            .contains("Iemand anders heeft dit intussen gewijzigd")
            .contains(an + " <").contains("> heeft dit record gewijzigd op")
            .contains("Uw wijziging is niet opgeslagen.");
        assertThat(bartPage.conflictValues()).containsEntry("Familienaam", "Maes-De Smet").containsEntry("Voornaam", "Sofie")
            .containsEntry("Soort", "Personeel").containsEntry("Gearchiveerd", "Nee");
        assertThat(bartPage.value("firstName")).as("Bart's input is kept").isEqualTo("Sofia");
        bartBrowser.screenshot("person-conflict-desktop");
        bartBrowser.phone();
        bartBrowser.screenshot("person-conflict-phone");
        bartBrowser.desktop();

        bartPage.lastName("Maes-De Smet").save();
        assertThat(bartPage.hasConflict()).isFalse();
        assertThat(bartPage.flash()).isEqualTo("De wijzigingen zijn opgeslagen.");
        assertThat(PersonPage.open(anBrowser, school.code(), person.id()).value("firstName")).isEqualTo("Sofia");
    }
}
