package be.spil.browser;

import org.openqa.selenium.support.ui.Select;

/** The team of a school year: the members' table and the form to add a member. */
public class TeamMembersPage extends Page {
    private TeamMembersPage(Browser browser) {
        super(browser);
    }

    public static TeamMembersPage open(Browser browser, String school, String year) {
        browser.go("/schools/" + school + "/team?year=" + year);
        return new TeamMembersPage(browser);
    }

    /** Adds a person of the school with ICT hours per week; waits for the page after saving. */
    public TeamMembersPage addPerson(String name, String ictHoursPerWeek) {
        new Select(browser.find("#person")).selectByVisibleText(name);
        type("ictHours", ictHoursPerWeek);
        new Select(browser.find("#unit")).selectByValue("WEEK");
        browser.clickAndWaitForNewPage("form[action*='/team/members'] button[type=submit]");
        return this;
    }

    public String tableText() {
        return browser.find("main table").getText();
    }
}
