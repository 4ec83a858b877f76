package be.spil.browser;

import org.openqa.selenium.support.ui.Select;

/** The form for a new person. */
public final class PersonFormPage extends Page {
    PersonFormPage(Browser browser) {
        super(browser);
    }

    public static PersonFormPage open(Browser browser, String schoolCode) {
        browser.go("/schools/" + schoolCode + "/people/new");
        return new PersonFormPage(browser);
    }

    public PersonFormPage firstName(String value) {
        type("firstName", value);
        return this;
    }

    public PersonFormPage lastName(String value) {
        type("lastName", value);
        return this;
    }

    public PersonFormPage email(String value) {
        type("email", value);
        return this;
    }

    /** Chooses the kind by its visible (translated) text, e.g. "Leerling". */
    public PersonFormPage kind(String visibleText) {
        new Select(browser.find("#kind")).selectByVisibleText(visibleText);
        return this;
    }

    public PersonFormPage group(String name) {
        new Select(browser.find("#group")).selectByVisibleText(name);
        return this;
    }

    /** Ticks a role by its visible label, e.g. "Personeel". */
    public PersonFormPage role(String label) {
        browser.click(browser.driver().findElement(org.openqa.selenium.By.xpath("//label[normalize-space()='" + label + "']")));
        return this;
    }

    /** Saves with an error in the form: the same form comes back with the message next to the field. */
    public PersonFormPage saveExpectingErrors() {
        browser.clickAndWaitForNewPage("main form button[type=submit]");
        browser.waiting().until(d -> browser.has(".is-invalid"));
        return this;
    }

    public PersonPage save() {
        browser.clickAndWaitForNewPage("main form button[type=submit]");
        browser.waiting().until(d -> browser.has("#personForm"));
        return new PersonPage(browser);
    }

    public boolean invalid(String fieldId) {
        return "true".equals(browser.find("#" + fieldId).getAttribute("aria-invalid"));
    }
}
