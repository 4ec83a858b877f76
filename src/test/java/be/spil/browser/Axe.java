package be.spil.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core (from its webjar on the test classpath) injected into the page under test, run for WCAG 2.1 A and AA.
 * A failure lists every violated rule with its impact and the elements at fault.
 */
public final class Axe {
    private static final String SOURCE = load();
    private static final String RUN = """
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
          .then(function (r) {
            done(r.violations.map(function (v) {
              return {id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.map(function (n) { return n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '); })};
            }));
          })
          .catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
        """;

    private Axe() {}

    /** axe.min.js of the webjar on the classpath, whichever version the build names. */
    private static String load() {
        var pom = new java.util.Properties();
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the axe-core webjar (org.webjars.npm:axe-core) is not on the test classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = "META-INF/resources/webjars/axe-core/" + pom.getProperty("version") + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core not on the test classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations on the current page, one readable line (plus its elements) per rule; empty when none. */
    @SuppressWarnings("unchecked")
    public static String violations(Browser browser) {
        var driver = browser.driver();
        if (!(Boolean) driver.executeScript("return typeof window.axe !== 'undefined';")) {
            driver.executeScript(SOURCE);
        }
        var result = (List<Map<String, Object>>) driver.executeAsyncScript(RUN);
        return result.stream()
            .map(v -> "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n"
                + ((List<String>) v.get("nodes")).stream().map(n -> "    " + n).collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n"));
    }

    /** Fails with the list of violations when the current page breaks a WCAG 2.1 AA rule axe can check. */
    public static void check(Browser browser, String page) {
        String found = violations(browser);
        if (!found.isEmpty()) {
            fail("WCAG 2.1 AA violations on %s (%s):%n%s", page, browser.path(), found);
        }
    }
}
