package be.spil.browser;

import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sign-in form. */
public final class SignInPage extends Page {
    private SignInPage(Browser browser) {
        super(browser);
    }

    public static SignInPage open(Browser browser) {
        browser.go("/login");
        return new SignInPage(browser);
    }

    /** The sign-in page the browser was sent to. */
    public static SignInPage at(Browser browser) {
        return new SignInPage(browser);
    }

    /** Signs in; lands on the page asked for before, or on the home page. */
    public Page signIn(String email, String password) {
        submit(email, password);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.id("userMenu")));
        return Page.current(browser);
    }

    /** Signs in with a wrong password and stays here. */
    public SignInPage signInFailing(String email, String password) {
        submit(email, password);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("main .alert-danger")));
        return this;
    }

    public String alert() {
        return browser.find("main .alert").getText();
    }

    private void submit(String email, String password) {
        type("email", email);
        type("password", password);
        browser.click("main form button[type=submit]");
    }
}
