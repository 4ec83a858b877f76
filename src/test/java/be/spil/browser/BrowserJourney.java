package be.spil.browser;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running application (random port, real PostgreSQL) and real headless Chromium windows on it. Browsers opened
 * with {@link #browser()} live for the test class and are closed after it.
 */
@SpilIntegrationTest
abstract class BrowserJourney {
    private static final List<Browser> OPEN = new ArrayList<>();

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    /** A new browser window with its own cookies (another person, another session). */
    protected Browser browser() {
        var browser = Browser.open(port);
        synchronized (OPEN) {
            OPEN.add(browser);
        }
        return browser;
    }

    /** A new browser signed in as a fresh ICT coordinator of the school. */
    protected Browser signedInCoordinator(SchoolView school) {
        var browser = browser();
        SignInPage.open(browser).signIn(fixtures.user(school, Role.ICT_COORDINATOR).email(), Fixtures.PASSWORD);
        return browser;
    }

    @AfterAll
    static void closeBrowsers() {
        synchronized (OPEN) {
            OPEN.forEach(Browser::close);
            OPEN.clear();
        }
    }
}
