package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class PolicyPlanApiTest {
    private static final AtomicInteger YEARS = new AtomicInteger(2060);

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;

    SchoolView school;
    PersonView coordinator;
    PersonView director;
    SchoolYearView year;
    String base;

    /** A school year of its own for each test: the first one from 2060 on that no other test has taken. */
    static synchronized SchoolYearView freshYear(SchoolCalendar calendar) {
        var taken = calendar.schoolYears().stream().map(SchoolYearView::name).collect(java.util.stream.Collectors.toSet());
        int first = YEARS.getAndIncrement();
        while (taken.contains(first + "-" + (first + 1))) {
            first = YEARS.getAndIncrement();
        }
        return calendar.createSchoolYear(new SchoolYearForm(first + "-" + (first + 1), null, null, null), Fixtures.ADMIN);
    }

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        director = fixtures.user(school, Role.DIRECTOR);
        year = freshYear(calendar);
        base = "/api/v1/schools/" + school.code() + "/policy-plan";
    }

    private ResultActions putPlan(String json, String user) throws Exception {
        return mvc.perform(put(base + "?year=" + year.name()).with(httpBasic(user, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions getAs(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    private String plan(String vision, Integer version, String goals) {
        return "{\"vision\":\"" + vision + "\",\"startingSituation\":\"Elke klas heeft een digibord.\",\"goals\":[" + goals + "]"
            + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private String goal(String title, String actions) {
        return "{\"domain\":\"INFRASTRUCTURE\",\"kind\":\"TECHNICAL\",\"title\":\"" + title + "\",\"actions\":[" + actions + "]}";
    }

    @Test
    void theTeamWritesThePlanWithGoalsAndActionsAndNothingIsLost() throws Exception {
        getAs(base + "?year=" + year.name(), coordinator.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.id").isEmpty()).andExpect(jsonPath("$.goals").isEmpty());
        putPlan(plan("ICT ondersteunt zelfstandig leren.", null, goal("Wifi in elke klas",
                "{\"title\":\"Access points plaatsen\",\"owner\":" + coordinator.id() + ",\"deadline\":\"2099-12-01\",\"status\":\"IN_PROGRESS\"},"
                + "{\"title\":\"Bekabeling nakijken\",\"status\":\"DONE\"}")), coordinator.email())
            .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(0))
            .andExpect(jsonPath("$.vision").value("ICT ondersteunt zelfstandig leren."))
            .andExpect(jsonPath("$.goals[0].actions[0].ownerName").value(coordinator.firstName() + " " + coordinator.lastName()))
            .andExpect(jsonPath("$.goals[0].actions[1].status").value("DONE"));
        // a stale version is refused and changes nothing
        putPlan(plan("Andere visie", null, ""), coordinator.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        var body = getAs(base + "?year=" + year.name(), director.email()).andReturn().getResponse().getContentAsString();
        long goalId = Long.parseLong(body.replaceAll("(?s).*\"goals\":\\[\\{\"id\":(\\d+).*", "$1"));
        long actionId = Long.parseLong(body.replaceAll("(?s).*\"actions\":\\[\\{\"id\":(\\d+).*", "$1"));
        // the second action left out is archived, the first kept and changed, a new goal added
        putPlan(plan("ICT ondersteunt zelfstandig leren.", 0, "{\"id\":" + goalId + ",\"domain\":\"INFRASTRUCTURE\",\"kind\":\"TECHNICAL\","
                + "\"title\":\"Wifi overal\",\"actions\":[{\"id\":" + actionId + ",\"title\":\"Access points plaatsen\",\"status\":\"DONE\"}]},"
                + goal("Leerlijn mediawijsheid", "")), coordinator.email())
            .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.goals.length()").value(2)).andExpect(jsonPath("$.goals[0].title").value("Wifi overal"))
            .andExpect(jsonPath("$.goals[0].actions.length()").value(1))
            .andExpect(jsonPath("$.goals[0].progress").value(100));
        putPlan(plan("x", 0, ""), coordinator.email()).andExpect(status().isConflict());
        getAs(base + "/history?year=" + year.name(), coordinator.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[1].action").value("CREATED"));
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        putPlan(plan("Eerste visie", null, goal("Doel", "")), coordinator.email()).andExpect(status().isOk());
        String before = getAs(base + "?year=" + year.name(), coordinator.email()).andReturn().getResponse().getContentAsString();
        putPlan(plan("x".repeat(20001), 0, ""), coordinator.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("vision"));
        putPlan(plan("v", 0, goal("", "")), coordinator.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("goals[0].title"));
        putPlan(plan("v", 0, "{\"domain\":\"SPACE\",\"kind\":\"TECHNICAL\",\"title\":\"t\"}"), coordinator.email())
            .andExpect(status().isBadRequest());
        putPlan(plan("v", 0, goal("t", "{\"title\":\"a\",\"deadline\":\"gisteren\"}")), coordinator.email())
            .andExpect(status().isBadRequest());
        putPlan("{\"vision\": ", coordinator.email()).andExpect(status().isBadRequest());
        // an owner of another school, a goal of another plan
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.STAFF);
        putPlan(plan("v", 0, goal("t", "{\"title\":\"a\",\"owner\":" + outsider.id() + "}")), coordinator.email())
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("goals[0].actions[0].owner"));
        putPlan(plan("v", 0, "{\"id\":999999999,\"domain\":\"INFRASTRUCTURE\",\"kind\":\"TECHNICAL\",\"title\":\"t\"}"), coordinator.email())
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("goals[0].id"));
        putPlan(plan("v", null, "").replace("?", ""), "nobody@test.spil.be").andExpect(status().isUnauthorized());
        assertThat(getAs(base + "?year=" + year.name(), coordinator.email()).andReturn().getResponse().getContentAsString())
            .isEqualTo(before);
        getAs(base + "?year=1900-1901", coordinator.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void theDirectorApprovesVersionsThatAreKeptAsTheyWere() throws Exception {
        putPlan(plan("Visie één", null, goal("Wifi", "")), coordinator.email()).andExpect(status().isOk());
        String approve = base + "/approvals?year=" + year.name();
        mvc.perform(post(approve).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\":0}")).andExpect(status().isForbidden());
        mvc.perform(post(approve).with(httpBasic(director.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"version\":7}")).andExpect(status().isConflict());
        mvc.perform(post(approve).with(httpBasic(director.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isCreated())
            .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/policy-plan/approvals/1?year=" + year.name())))
            .andExpect(jsonPath("$.number").value(1))
            .andExpect(jsonPath("$.document").value(org.hamcrest.Matchers.containsString("Visie één")))
            .andExpect(jsonPath("$.document").value(org.hamcrest.Matchers.containsString("Goedgekeurde versie 1")));
        putPlan(plan("Visie twee", 0, ""), coordinator.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.approved").value(1));
        getAs(base + "/approvals/1?year=" + year.name(), fixtures.user(school, Role.STAFF).email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.document").value(org.hamcrest.Matchers.containsString("Visie één")));
        getAs(base + "/approvals/2?year=" + year.name(), director.email()).andExpect(status().isNotFound());
    }

    @Test
    void thePlanPrintsAsPdfAndMarkdownWithLiveSectionsThatSayWhenTheyAreEmpty() throws Exception {
        putPlan(plan("Onze visie op <script>alert(1)</script> ICT", null, goal("Wifi | overal", "{\"title\":\"Plaatsen\"}")),
            coordinator.email()).andExpect(status().isOk());
        var md = getAs(base + ".md?year=" + year.name(), fixtures.user(school, Role.STAFF).email()).andExpect(status().isOk())
            .andReturn().getResponse();
        String text = new String(md.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("# ICT-beleidsplan " + school.name() + " " + year.name())
            .contains("De inventaris van deze school bevat nog geen toestellen.")
            .contains("Voor dit schooljaar is nog geen ICT-team beschreven.").contains("De school heeft nog geen leerlijn in Spil.")
            .contains("Er zijn nog geen meldingen in de helpdesk van deze school.")
            .contains("### Doel 1: Wifi | overal").contains("| Plaatsen | – | – | Gepland |");
        var pdf = getAs(base + ".pdf?year=" + year.name(), coordinator.email()).andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var reader = new PdfReader(pdf);
        var extractor = new PdfTextExtractor(reader);
        assertThat(extractor.getTextFromPage(1)).contains("ICT-beleidsplan").contains("Inhoud");
        assertThat(extractor.getTextFromPage(2)).contains("Onze visie op <script>alert(1)</script> ICT");
        mvc.perform(get(base + ".pdf?year=" + year.name()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).param("lang", "en"))
            .andExpect(status().isOk());
        // Word: a zip whose document part is well-formed XML holding the texts, script tags as text
        var docx = getAs(base + ".docx?year=" + year.name(), coordinator.email()).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();
        String documentXml = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    documentXml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(documentXml).isNotNull();
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var parsed = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(documentXml.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getDocumentElement().getTextContent()).contains("Onze visie op <script>alert(1)</script> ICT")
            .contains("Wifi | overal");
        // names outside Windows-1252 print as written (the font is embedded)
        putPlan(plan("Łukasz, Şükrü en Nguyễn Thị Minh Khai werken samen", 0, ""), coordinator.email()).andExpect(status().isOk());
        var unicodePdf = getAs(base + ".pdf?year=" + year.name(), coordinator.email()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new PdfTextExtractor(new PdfReader(unicodePdf)).getTextFromPage(2)).contains("Łukasz, Şükrü en Nguyễn Thị Minh Khai");
    }

    @Test
    void theLiveSectionsCountDevicesByAgeAndPupilsPerDevice() throws Exception {
        fixtures.group(school, "1A", 1);
        for (int i = 0; i < 3; i++) {
            fixtures.pupil(school, "Leerling", "Nr" + i, "1A");
        }
        for (var date : new java.time.LocalDate[] {java.time.LocalDate.now().minusYears(7), java.time.LocalDate.now().minusMonths(3)}) {
            mvc.perform(post("/api/v1/schools/" + school.code() + "/assets").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"LAPTOP\",\"status\":\"IN_USE\",\"purchaseDate\":\"" + date + "\",\"price\":\"450.50\"}"))
                .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/schools/" + school.code() + "/tickets").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Beamer geeft geen beeld\"}")).andExpect(status().isCreated());
        String md = getAs(base + ".md?year=" + year.name(), coordinator.email()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("Schooljaar " + year.name() + ": 0 meldingen, 0 opgelost (0 binnen de termijn); nu 1 open, waarvan 0 te laat.");
        assertThat(md).contains("| Laptop | 2 | 2 | 1 | 0 | 0 | 1 | 0 |")
            .contains("3 leerlingen en 2 leerlingtoestellen in gebruik (laptop, chromebook, tablet): 1,5 leerlingen per toestel.")
            .contains("901.00 euro");
        // licences with their cost in the plan's year: a two-year licence counts for the days in this year
        String titleJson = mvc.perform(post("/api/v1/schools/" + school.code() + "/software/titles").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Smartschool\",\"category\":\"OFFICE\",\"platform\":\"WEB\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int title = com.jayway.jsonpath.JsonPath.read(titleJson, "$.id");
        for (String licence : new String[] {
                "{\"type\":\"SUBSCRIPTION\",\"seats\":20,\"cost\":\"500\",\"startDate\":\"" + year.startDate() + "\",\"endDate\":\"" + year.endDate() + "\"}",
                "{\"type\":\"PER_USER\",\"seats\":5,\"cost\":\"80\"}"}) {
            mvc.perform(post("/api/v1/schools/" + school.code() + "/software/licences").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(licence.replace("{", "{\"titleId\":" + title + ",")))
                .andExpect(status().isCreated());
        }
        md = getAs(base + ".md?year=" + year.name(), coordinator.email()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("### Licenties en hun kost dit schooljaar").contains("| Smartschool | Abonnement | 20 | 500.00 |")
            .contains("1 licentie met een kost heeft geen begindatum en telt niet mee.");
        var pdf = getAs(base + ".pdf?year=" + year.name(), coordinator.email()).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsByteArray();
        var reader = new PdfReader(pdf);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text.toString()).contains("Licenties en hun kost dit schooljaar").contains("Totale kost per soort toestel");
        // the charts are drawn as form XObjects holding their titles
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/Subtype/Form");
        int forms = 0;
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            var xobjects = reader.getPageN(page).getAsDict(com.lowagie.text.pdf.PdfName.RESOURCES)
                .getAsDict(com.lowagie.text.pdf.PdfName.XOBJECT);
            forms += xobjects == null ? 0 : xobjects.size();
        }
        assertThat(forms).isGreaterThanOrEqualTo(2);
    }

    @Test
    void overdueActionsAreListedForTheOwnerAndTheManagers() throws Exception {
        var teacher = fixtures.user(school, Role.STAFF);
        putPlan(plan("v", null, goal("Doel", "{\"title\":\"Te laat\",\"owner\":" + teacher.id() + ",\"deadline\":\"2020-01-01\"},"
            + "{\"title\":\"Klaar\",\"owner\":" + teacher.id() + ",\"deadline\":\"2020-01-01\",\"status\":\"DONE\"},"
            + "{\"title\":\"Later\",\"deadline\":\"2999-01-01\"}")), coordinator.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.goals[0].actions[0].overdue").value(true))
            .andExpect(jsonPath("$.goals[0].actions[1].overdue").value(false));
        getAs("/api/v1/schools/" + school.code() + "/policy-plan/overdue", teacher.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].title").value("Te laat"));
        getAs("/api/v1/schools/" + school.code() + "/policy-plan/overdue", fixtures.user(school, Role.STAFF).email())
            .andExpect(jsonPath("$").isEmpty());
        getAs("/api/v1/schools/" + school.code() + "/policy-plan/overdue", director.email())
            .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anotherSchoolNeverSeesOrChangesThePlan() throws Exception {
        putPlan(plan("Geheim", null, ""), coordinator.email()).andExpect(status().isOk());
        var other = fixtures.school();
        String y = "?year=" + year.name();
        TenancyCheck.api(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(fixtures.user(school, Role.STAFF).email())
            .manager(coordinator.email())
            .unchanged(base + y)
            .read(base + y).read(base + ".pdf" + y).read(base + ".md" + y).read(base + "/approvals" + y)
            .read(base + "/history" + y).read(base + "/overdue")
            .admin(HttpMethod.PUT, base + y, plan("Gewijzigd", 0, ""))
            .verify();
    }
}
