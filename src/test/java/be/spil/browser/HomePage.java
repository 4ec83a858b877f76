package be.spil.browser;

/** The home page (dashboard) with its cards. */
public final class HomePage extends Page {
    HomePage(Browser browser) {
        super(browser);
    }

    public static HomePage open(Browser browser) {
        browser.go("/");
        return new HomePage(browser);
    }

    public int cards() {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#cards .card")).size();
    }

    public boolean signedIn() {
        return browser.has("#userMenu");
    }
}
