package be.spil.browser;

import java.util.List;
import org.openqa.selenium.By;

/** The people of one school: search and the list. */
public final class PeoplePage extends Page {
    private PeoplePage(Browser browser) {
        super(browser);
    }

    public static PeoplePage open(Browser browser, String schoolCode) {
        browser.go("/schools/" + schoolCode + "/people");
        return new PeoplePage(browser);
    }

    public PersonFormPage newPerson() {
        browser.click("main a[href$='/people/new']");
        browser.waiting().until(d -> browser.has("#firstName"));
        return new PersonFormPage(browser);
    }

    /** Types a search and waits for the list (htmx) to show the new results. */
    public PeoplePage search(String text) {
        type("q", text);
        browser.waiting().until(d -> browser.path().contains("q=" + text));
        return this;
    }

    public String count() {
        return browser.find("#results > p").getText();
    }

    /** "Last, First" of every row shown. */
    public List<String> names() {
        return browser.driver().findElements(By.cssSelector("#peopleTable tbody tr td:first-child a")).stream()
            .map(e -> e.getText()).toList();
    }

    public PersonPage openPerson(String lastFirst) {
        browser.click(browser.driver().findElement(By.linkText(lastFirst)));
        browser.waiting().until(d -> browser.has("#personForm"));
        return new PersonPage(browser);
    }
}
