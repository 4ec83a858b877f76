package be.spil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.helpdesk.ReportForm;
import be.spil.helpdesk.Tickets;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/** The ICT team works the helpdesk queue from the keyboard in a real browser: search, move, tick, bulk assign, open. */
class QueueKeyboardJourneyTest extends BrowserJourney {
    @Autowired Tickets tickets;

    @Test
    void theQueueWorksFromTheKeyboard() {
        var school = fixtures.school();
        var teacher = fixtures.user(school, Role.STAFF);
        var reporter = new Caller(teacher.id(), teacher.email(), teacher.name(), false, Map.of(school.id(), Set.of(Role.STAFF)));
        for (String subject : new String[] {"Wifi valt weg", "Printer papierstoring", "Beamer flikkert"}) {
            tickets.report(school.id(), new ReportForm(subject, "", null, null, null, null, null), reporter);
        }
        var browser = signedInCoordinator(school);
        browser.go("/schools/" + school.code() + "/tickets");
        var keys = new Actions(browser.driver());

        keys.sendKeys("j").perform();
        assertThat(focusedText(browser)).as("j: the first row (newest first)").isEqualTo("#3");
        keys.sendKeys("j").sendKeys("j").sendKeys("j").perform();
        assertThat(focusedText(browser)).as("stops at the last row").isEqualTo("#1");
        keys.sendKeys("k").perform();
        assertThat(focusedText(browser)).isEqualTo("#2");
        keys.sendKeys("x").perform();
        assertThat(browser.find("#sel2").isSelected()).as("x ticks the row").isTrue();
        assertThat(browser.find("#sel1").isSelected()).isFalse();
        assertThat(browser.find("#ticketTable").getText()).as("ticking does not reload the list").contains("Printer papierstoring");
        browser.screenshot("queue-keyboard");

        keys.sendKeys("/").perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        keys.sendKeys("jk").perform();
        assertThat(browser.find("#q").getAttribute("value")).as("typing in the search field is typing").isEqualTo("jk");
        browser.find("#q").clear();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#ticketTable tbody tr")).size() == 3);
        keys.sendKeys(Keys.ESCAPE).sendKeys("j").sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> browser.path().endsWith("/tickets/3"));
    }

    private static String focusedText(Browser browser) {
        return browser.driver().switchTo().activeElement().getText();
    }
}
