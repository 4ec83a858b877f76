package be.spil.browser;

import java.util.List;
import org.openqa.selenium.By;

/** One person: the edit form, the conflict message when somebody else saved first, and the history. */
public final class PersonPage extends Page {
    PersonPage(Browser browser) {
        super(browser);
    }

    public static PersonPage open(Browser browser, String schoolCode, long id) {
        browser.go("/schools/" + schoolCode + "/people/" + id);
        browser.waiting().until(d -> browser.has("#personForm"));
        return new PersonPage(browser);
    }

    public long id() {
        String path = browser.path();
        String tail = path.substring(path.lastIndexOf('/') + 1);
        int query = tail.indexOf('?');
        return Long.parseLong(query < 0 ? tail : tail.substring(0, query));
    }

    public String value(String fieldId) {
        return browser.find("#" + fieldId).getAttribute("value");
    }

    public PersonPage firstName(String value) {
        type("firstName", value);
        return this;
    }

    public PersonPage lastName(String value) {
        type("lastName", value);
        return this;
    }

    public PersonPage email(String value) {
        type("email", value);
        return this;
    }

    /** Saves; afterwards the page shows either the "saved" message or the conflict block. */
    public PersonPage save() {
        // the old page may show the previous save's message: wait for the new page first
        browser.clickAndWaitForNewPage("#personForm button[type=submit]");
        browser.waiting().until(d -> browser.has("main > .alert-success") || browser.has("#conflict") || browser.has(".is-invalid"));
        return this;
    }

    public boolean hasConflict() {
        return browser.has("#conflict");
    }

    /** The text of the conflict block: who changed the record, when, and the newer values. */
    public String conflict() {
        return browser.find("#conflict").getText();
    }

    /** Field label → newer value, as the conflict block lists them. */
    public java.util.Map<String, String> conflictValues() {
        var map = new java.util.LinkedHashMap<String, String>();
        for (var row : browser.driver().findElements(By.cssSelector("#conflict tbody tr"))) {
            map.put(row.findElement(By.tagName("th")).getText(), row.findElement(By.tagName("td")).getText());
        }
        return map;
    }

    /** One line per history entry: action, when, who and the changes as "field: from → to". */
    public List<String> history() {
        return browser.driver().findElements(By.cssSelector("section[aria-labelledby=historyTitle] ol > li")).stream()
            .map(li -> li.getText().replaceAll("\\s+", " ")).toList();
    }
}
