package be.spil.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The division of a school year: the matrix of tasks and members, edited cell by cell, and the documents. */
public class TeamDivisionPage extends Page {
    private TeamDivisionPage(Browser browser) {
        super(browser);
    }

    public static TeamDivisionPage open(Browser browser, String school, String year) {
        browser.go("/schools/" + school + "/team/division?year=" + year);
        return new TeamDivisionPage(browser);
    }

    private WebElement cell(String task, String member) {
        return browser.find("#row-" + task + " select[aria-label='" + member + " · " + task + "']");
    }

    /** The role in a cell as shown: "V", "B" or "–". */
    public String role(String task, String member) {
        return new Select(cell(task, member)).getFirstSelectedOption().getText();
    }

    /**
     * Chooses V (responsible), B (backup) or – in a cell with the keyboard, as a person would without a mouse: focus the
     * cell, type the option's first letter, leave the cell; then waits until the server has answered with the new row.
     */
    public TeamDivisionPage choose(String task, String member, String role) {
        var before = browser.find("#row-" + task);
        var select = cell(task, member);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", select);
        new Select(select).selectByVisibleText(role);
        browser.waiting().until(ExpectedConditions.stalenessOf(before));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#row-" + task)).isEmpty());
        return this;
    }

    /** Types hours in a task's row and leaves the field (Tab), which saves the row. */
    public TeamDivisionPage hours(String task, String hours) {
        var before = browser.find("#row-" + task);
        var input = browser.find("#row-" + task + " input[name='hours_" + task + "']");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), hours, Keys.TAB);
        browser.waiting().until(ExpectedConditions.stalenessOf(before));
        return this;
    }

    /** The row's problem message, or "" when there is none. */
    public String rowProblem(String task) {
        return browser.has("#rowProblem-" + task) ? browser.find("#rowProblem-" + task).getText() : "";
    }

    /** The matrix's totals row text, after the server refreshed it. */
    public String totals() {
        return browser.find("#matrixTotals").getText();
    }

    public String pdfLink() {
        return browser.find("#divisionPdf").getAttribute("href");
    }
}
