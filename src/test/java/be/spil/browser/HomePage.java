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

    /** The titles of the cards, in their order on the page. */
    public java.util.List<String> cardTitles() {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#cards .card .card-title")).stream()
            .map(org.openqa.selenium.WebElement::getText).toList();
    }

    public int cards() {
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#cards .card")).size();
    }

    public boolean signedIn() {
        return browser.has("#userMenu");
    }
}
