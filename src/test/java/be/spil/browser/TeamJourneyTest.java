package be.spil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearForm;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator builds a small team, divides tasks in the matrix and downloads the division as PDF, in a real browser. */
class TeamJourneyTest extends BrowserJourney {
    @Autowired SchoolCalendar calendar;

    @Test
    void buildsATeamDividesTasksInTheMatrixAndDownloadsThePdf() throws Exception {
        var school = fixtures.school();
        var taken = calendar.schoolYears().stream().map(be.spil.school.SchoolYearView::name).toList();
        int first = 2061;
        while (taken.contains(first + "-" + (first + 1))) {
            first++;
        }
        var year = calendar.createSchoolYear(new SchoolYearForm(first + "-" + (first + 1), null, null, null), Fixtures.ADMIN).name();
        var kim = fixtures.user(school, Role.ICT_COORDINATOR);
        var jo = fixtures.user(school, Role.STAFF);
        var browser = browser();
        SignInPage.open(browser).signIn(kim.email(), Fixtures.PASSWORD);

        var members = TeamMembersPage.open(browser, school.code(), year).addPerson(kim.name(), "4").addPerson(jo.name(), "2");
        assertThat(members.flash()).isNotEmpty();
        assertThat(members.tableText()).contains(kim.name(), jo.name(), "148,0", "74,0");

        var division = TeamDivisionPage.open(browser, school.code(), year);
        division.choose("T01", kim.name(), "V").choose("T01", jo.name(), "B").hours("T01", "40");
        assertThat(division.role("T01", kim.name())).isEqualTo("V");
        assertThat(division.role("T01", jo.name())).isEqualTo("B");
        browser.waiting().until(d -> division.totals().contains("40,0 / 148,0"));
        division.choose("P01", jo.name(), "V");
        // a second responsible in the same row is refused next to the row, and nothing changes
        division.choose("P01", kim.name(), "V");
        assertThat(division.rowProblem("P01")).contains("maar één verantwoordelijke");
        division.hours("T03", "5000");
        assertThat(division.rowProblem("T03")).contains("2.000");
        browser.screenshot("team-matrix-desktop");
        browser.phone();
        browser.screenshot("team-matrix-phone");
        String widths = (String) browser.driver().executeScript("var r = document.querySelector('.team-matrix');"
            + " return r.scrollWidth + ' ' + r.clientWidth + ' ' + window.innerWidth + ' ' + getComputedStyle(r).overflowX;");
        assertThat(widths).as("on a phone the matrix scrolls sideways inside its region (scroll, client, window, overflow)")
            .matches(w -> Integer.parseInt(w.split(" ")[0]) > Integer.parseInt(w.split(" ")[1]) && w.endsWith("auto"));
        assertThat((Boolean) browser.driver().executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
            .as("the page itself does not scroll sideways").isTrue();
        browser.desktop();

        // download the PDF with the browser's own session
        var reopened = TeamDivisionPage.open(browser, school.code(), year);
        assertThat(reopened.role("P01", jo.name())).isEqualTo("V");
        assertThat(reopened.role("P01", kim.name())).isEqualTo("–");
        String cookie = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(reopened.pdfLink()))
            .header("Cookie", "JSESSIONID=" + cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains(kim.name(), jo.name(), school.name(), year);
    }
}
