package be.spil.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What every Spil page has: the header with the language switch, a title (h1), a flash message. */
public abstract class Page {
    protected final Browser browser;

    protected Page(Browser browser) {
        this.browser = browser;
    }

    /** Whatever page the browser shows now. */
    public static Page current(Browser browser) {
        return new Page(browser) {};
    }

    public Browser browser() {
        return browser;
    }

    public String heading() {
        return browser.find("main h1").getText();
    }

    /** The language the page declares ({@code <html lang>}). */
    public String language() {
        return browser.find("html").getAttribute("lang");
    }

    /** Clicks the language link in the header (English ↔ Nederlands) and waits for the new page. */
    public void switchLanguage() {
        String before = language();
        WebElement link = browser.find("header a[hreflang]");
        if (!link.isDisplayed()) {
            browser.find("header .navbar-toggler").click();
            browser.waiting().until(ExpectedConditions.visibilityOf(link));
        }
        link.click();
        browser.waiting().until(d -> !before.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    public String languageLinkText() {
        return browser.find("header a[hreflang]").getAttribute("textContent").trim();
    }

    /** The green "saved" message after a redirect, or "" when there is none. */
    public String flash() {
        return browser.has("main > .alert-success") ? browser.find("main > .alert-success").getText() : "";
    }

    /** The menu entries of the header, as shown. */
    public java.util.List<String> menu() {
        return browser.driver().findElements(By.cssSelector("#mainNav .navbar-nav.me-auto .nav-link:not(.dropdown-toggle), #mainNav .navbar-nav.me-auto .dropdown-item")).stream()
            .map(e -> e.getAttribute("textContent").trim()).toList();
    }

    /** Signs out through the person's menu in the header. */
    public SignInPage signOut() {
        browser.click("#userMenu");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signOut")));
        browser.click("#signOut");
        browser.waiting().until(d -> browser.path().startsWith("/login"));
        return SignInPage.at(browser);
    }

    /** The menu entries marked as the current page (aria-current), as shown. */
    public java.util.List<String> currentMenu() {
        return browser.driver().findElements(By.cssSelector("#mainNav .nav-link[aria-current=page], #mainNav .dropdown-item[aria-current=page]")).stream()
            .map(e -> e.getAttribute("textContent").trim()).toList();
    }

    protected void type(String id, String value) {
        WebElement input = browser.find("#" + id);
        input.clear();
        input.sendKeys(value);
    }

    /**
     * What a screen reader reads out with a form field besides its label: the texts its aria-describedby points to
     * (its error, its hint), joined; "" when there are none.
     */
    public String descriptionOf(String fieldId) {
        String describedBy = browser.find("#" + fieldId).getAttribute("aria-describedby");
        if (describedBy == null || describedBy.isBlank()) {
            return "";
        }
        return java.util.Arrays.stream(describedBy.trim().split("\\s+")).map(id -> browser.find("#" + id).getText())
            .collect(java.util.stream.Collectors.joining(" "));
    }
}
