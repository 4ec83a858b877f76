package be.spil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.Assets;
import be.spil.school.SchoolView;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Full text, visibility and the public page, links to models and titles, versions, categories and tags, votes. */
@SpilIntegrationTest
class KnowledgeBaseTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Articles articles;

    /** The school's own articles of a list (group articles of other tests show in every school). */
    static final String OWN = "$.items[?(@.group == false)]";

    SchoolView school;
    String coordinator;
    String teacher;
    String technician;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF).email();
        technician = fixtures.user(school, Role.TECHNICIAN).email();
        base = "/api/v1/schools/" + school.code() + "/articles";
    }

    ResultActions send(HttpMethod method, String path, String json, String user) throws Exception {
        var builder = method == HttpMethod.POST ? post(base + path) : method == HttpMethod.PATCH ? patch(base + path) : put(base + path);
        return mvc.perform(builder.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    static long id(ResultActions r) throws Exception {
        return Long.parseLong(r.andReturn().getResponse().getContentAsString().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    long article(String title, String body, String audience) throws Exception {
        return id(send(HttpMethod.POST, "", "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"format\":\"MARKDOWN\",\"audience\":\""
            + audience + "\"}", coordinator).andExpect(status().isCreated()));
    }

    @Test
    void dutchFullTextFindsStemmedWordsAndPutsTitleMatchesFirst() throws Exception {
        long inBody = article("Toner vervangen", "Open de klep van de printer en neem de oude toner uit. De printer piept daarna.", "STAFF");
        long inTitle = article("Printer staat offline", "Herstart het toestel.", "STAFF");
        article("Wifi op de speelplaats", "Kies het netwerk Gast.", "STAFF");
        getJson("?q=printers", teacher).andExpect(status().isOk())
            .andExpect(jsonPath(OWN + ".id").value(org.hamcrest.Matchers.contains((int) inTitle, (int) inBody)));
        // parts of words still match (substring), and search words in any order
        getJson("?q=speelpl", teacher).andExpect(jsonPath(OWN, hasSize(1)));
        getJson("?q=offline printer", teacher).andExpect(jsonPath("$.items[0].id").value(inTitle));
        getJson("?q=" + "%22printer%22 -toner", teacher).andExpect(status().isOk());
        getJson("?q=" + "x".repeat(500), teacher).andExpect(status().isOk()).andExpect(jsonPath(OWN, hasSize(0)));
    }

    @Test
    void visibilityDecidesWhoReadsAndThePublicPageShowsOnlyPublicArticles() throws Exception {
        long pub = article("Gastwifi voor ouders " + Fixtures.unique(), "Het netwerk heet **Gast**.", "PUBLIC");
        long everyone = article("Voor iedereen", "tekst", "EVERYONE");
        long staff = article("Voor personeel", "tekst", "TEACHERS");
        long team = article("Voor het team", "tekst", "ICT_TEAM");
        getJson("/" + staff, coordinator).andExpect(jsonPath("$.audience").value("STAFF"));
        getJson("", teacher).andExpect(jsonPath(OWN, hasSize(3)));
        getJson("", coordinator).andExpect(jsonPath(OWN, hasSize(4)));
        // a technician is of the ICT team; a user of the school without staff role is not modelled: see EVERYONE via canSee
        getJson("/" + team, technician).andExpect(status().isOk());
        getJson("/" + team, teacher).andExpect(status().isNotFound());

        String page = mvc.perform(get("/kb/" + school.code())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Gastwifi voor ouders").doesNotContain("Voor iedereen", "Voor personeel", "Voor het team");
        String one = mvc.perform(get("/kb/" + school.code() + "/" + pub)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(one).contains("<strong>Gast</strong>");
        for (long hidden : new long[] {everyone, staff, team}) {
            mvc.perform(get("/kb/" + school.code() + "/" + hidden)).andExpect(status().isNotFound());
        }
        // a public article of one school is not on another school's public page
        var other = fixtures.school();
        mvc.perform(get("/kb/" + other.code() + "/" + pub)).andExpect(status().isNotFound());
        mvc.perform(get("/kb/no-such-school")).andExpect(status().isNotFound());
        mvc.perform(get("/kb/" + school.code() + "/abc")).andExpect(status().is4xxClientError());
        // archived: gone from the public page
        send(HttpMethod.PATCH, "/" + pub, "{\"archived\":true,\"version\":0}", coordinator).andExpect(status().isOk());
        mvc.perform(get("/kb/" + school.code() + "/" + pub)).andExpect(status().isNotFound());
        // the rest of the web UI still needs a sign-in
        mvc.perform(get("/schools/" + school.code() + "/knowledge").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        send(HttpMethod.POST, "", "{\"title\":\"t\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"EVERYBODY\"}", coordinator)
            .andExpect(status().isBadRequest());
    }

    @Test
    void articlesLinkToModelsAndTitlesAndAreListedForThem() throws Exception {
        String modelName = "Latitude KB " + Fixtures.unique();
        long asset = id(mvc.perform(post("/api/v1/schools/" + school.code() + "/assets").with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"LAPTOP\",\"manufacturer\":\"Dell\",\"model\":\"" + modelName + "\"}"))
            .andExpect(status().isCreated()));
        long model = assets.models(modelName, null, new Paging(0, 5)).items().get(0).id();
        long title = id(mvc.perform(post("/api/v1/schools/" + school.code() + "/software/titles").with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"GeoGebra " + Fixtures.unique() + "\",\"category\":\"OFFICE\",\"platform\":\"WINDOWS\"}")));
        long id = id(send(HttpMethod.POST, "", "{\"title\":\"Handleiding laptop\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\","
            + "\"modelIds\":[" + model + "],\"titleIds\":[" + title + "]}", coordinator).andExpect(status().isCreated())
            .andExpect(jsonPath("$.links", hasSize(2))));
        getJson("?model=" + model, teacher).andExpect(jsonPath(OWN, hasSize(1))).andExpect(jsonPath("$.items[0].id").value(id));
        getJson("?title=" + title, teacher).andExpect(jsonPath(OWN, hasSize(1)));
        assertThat(articles.forModel(school.id(), model, Fixtures.ADMIN)).extracting(ArticleView::id).containsExactly(id);
        String page = mvc.perform(get("/schools/" + school.code() + "/knowledge/" + id).session(TenancyCheck.signIn(mvc, teacher)))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"articleLinks\"", "Dell " + modelName);
        String manuals = mvc.perform(get("/schools/" + school.code() + "/knowledge/manuals").param("model", String.valueOf(model))
                .session(TenancyCheck.signIn(mvc, teacher))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(manuals).contains("id=\"manualList\"", "Handleiding laptop");
        // the asset's own page shows its model's manuals
        String assetPage = mvc.perform(get("/schools/" + school.code() + "/assets/" + asset).session(TenancyCheck.signIn(mvc, coordinator)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(assetPage).contains("id=\"assetManuals\"", "Handleiding laptop");
        // unknown model, another school's title, a title on a group article: field errors, nothing written
        send(HttpMethod.POST, "", "{\"title\":\"x\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"modelIds\":[999999999]}", coordinator)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("modelIds"));
        var other = fixtures.school();
        long otherTitle = id(mvc.perform(post("/api/v1/schools/" + other.code() + "/software/titles").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Other " + Fixtures.unique() + "\",\"category\":\"OFFICE\",\"platform\":\"WINDOWS\"}")));
        send(HttpMethod.POST, "", "{\"title\":\"x\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"titleIds\":[" + otherTitle + "]}", coordinator)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("titleIds"));
        send(HttpMethod.POST, "", "{\"title\":\"x\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"group\":true,\"titleIds\":[" + title + "]}",
            "admin@test.spil.be").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("titleIds"));
        getJson("", coordinator).andExpect(jsonPath(OWN, hasSize(1)));
    }

    @Test
    void everySaveKeepsThePreviousTextAsAVersion() throws Exception {
        long id = article("Beamer", "Eerste tekst", "STAFF");
        send(HttpMethod.PATCH, "/" + id, "{\"body\":\"Tweede tekst\",\"version\":0}", coordinator).andExpect(status().isOk());
        send(HttpMethod.PATCH, "/" + id, "{\"title\":\"Beamer en digibord\",\"version\":1}", coordinator).andExpect(status().isOk());
        send(HttpMethod.PATCH, "/" + id, "{\"title\":\"Stale\",\"version\":1}", coordinator).andExpect(status().isConflict());
        // tags only: no new version of the text
        send(HttpMethod.PATCH, "/" + id, "{\"tags\":[\"beamer\"],\"version\":2}", coordinator).andExpect(status().isOk());
        getJson("/" + id + "/versions", coordinator).andExpect(jsonPath("$", hasSize(2)))
            .andExpect(jsonPath("$[0].version").value(1)).andExpect(jsonPath("$[0].body").value("Tweede tekst"))
            .andExpect(jsonPath("$[1].version").value(0)).andExpect(jsonPath("$[1].body").value("Eerste tekst"));
        getJson("/" + id + "/versions/0", coordinator).andExpect(jsonPath("$.title").value("Beamer"));
        getJson("/" + id + "/versions/9", coordinator).andExpect(status().isNotFound());
        getJson("/" + id + "/versions", teacher).andExpect(status().isForbidden());
        var session = TenancyCheck.signIn(mvc, coordinator);
        String page = mvc.perform(get("/schools/" + school.code() + "/knowledge/" + id).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"versionList\"", "/knowledge/" + id + "/versions/0");
        String old = mvc.perform(get("/schools/" + school.code() + "/knowledge/" + id + "/versions/0").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(old).contains("Eerste tekst");
    }

    @Test
    void categoriesAndTagsFilterTheList() throws Exception {
        long cat = id(send(HttpMethod.POST, "/categories", "{\"name\":\"Printen\"}", coordinator).andExpect(status().isCreated()));
        send(HttpMethod.POST, "/categories", "{\"name\":\" printen \"}", coordinator).andExpect(status().isConflict());
        send(HttpMethod.POST, "/categories", "{\"name\":\"\"}", coordinator).andExpect(status().isBadRequest());
        send(HttpMethod.POST, "/categories", "{\"name\":\"" + "x".repeat(61) + "\"}", coordinator).andExpect(status().isBadRequest());
        send(HttpMethod.POST, "/categories", "{\"name\":\"Team\"}", teacher).andExpect(status().isForbidden());
        send(HttpMethod.POST, "/categories", "{\"name\":\"Groep\",\"group\":true}", coordinator).andExpect(status().isForbidden());
        long a = id(send(HttpMethod.POST, "", "{\"title\":\"Afdrukken\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"categoryId\":" + cat
            + ",\"tags\":[\"Kopieerapparaat\",\" badge \",\"<script>x</script>\"]}", coordinator).andExpect(status().isCreated())
            .andExpect(jsonPath("$.category").value("Printen")).andExpect(jsonPath("$.tags", hasSize(3))));
        article("Andere", "b", "STAFF");
        getJson("?category=" + cat, teacher).andExpect(jsonPath(OWN, hasSize(1))).andExpect(jsonPath("$.items[0].id").value(a));
        getJson("?tag=kopieerapparaat", teacher).andExpect(jsonPath(OWN, hasSize(1)));
        getJson("?tag=badge&category=" + cat, teacher).andExpect(jsonPath(OWN, hasSize(1)));
        getJson("?tag=onbekend", teacher).andExpect(jsonPath(OWN, hasSize(0)));
        getJson("/categories", teacher).andExpect(jsonPath("$[?(@.id == " + cat + ")].name").value("Printen"));
        // another school's category, too many or too long tags
        var other = fixtures.school();
        String otherCoordinator = fixtures.user(other, Role.ICT_COORDINATOR).email();
        long foreign = id(mvc.perform(post("/api/v1/schools/" + other.code() + "/articles/categories").with(httpBasic(otherCoordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Elders\"}")));
        send(HttpMethod.POST, "", "{\"title\":\"x\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"categoryId\":" + foreign + "}", coordinator)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("categoryId"));
        send(HttpMethod.POST, "", "{\"title\":\"x\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"tags\":[\"" + "t".repeat(41) + "\"]}", coordinator)
            .andExpect(status().isBadRequest());
        send(HttpMethod.POST, "", "{\"title\":\"x\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"STAFF\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}", coordinator)
            .andExpect(status().isBadRequest());
        getJson("", coordinator).andExpect(jsonPath(OWN, hasSize(2)));
        var session = TenancyCheck.signIn(mvc, teacher);
        String page = mvc.perform(get("/schools/" + school.code() + "/knowledge/" + a).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("#kopieerapparaat", "&lt;script&gt;").doesNotContain("<script>x");
        String list = mvc.perform(get("/schools/" + school.code() + "/knowledge").param("tag", "badge").session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Afdrukken").doesNotContain(">Andere<");
    }

    @Test
    void everybodyVotesOnceAndTheTeamSeesTheCounts() throws Exception {
        long id = article("Nuttig?", "b", "STAFF");
        send(HttpMethod.PUT, "/" + id + "/vote", "{\"helpful\":true}", teacher).andExpect(status().isNoContent());
        send(HttpMethod.PUT, "/" + id + "/vote", "{\"helpful\":false}", teacher).andExpect(status().isNoContent());
        send(HttpMethod.PUT, "/" + id + "/vote", "{\"helpful\":true}", coordinator).andExpect(status().isNoContent());
        send(HttpMethod.PUT, "/" + id + "/vote", "{}", coordinator).andExpect(status().isBadRequest());
        send(HttpMethod.PUT, "/" + id + "/vote", "{\"helpful\":\"misschien\"}", coordinator).andExpect(status().isBadRequest());
        getJson("/" + id + "/votes", coordinator).andExpect(jsonPath("$.helpful").value(1)).andExpect(jsonPath("$.notHelpful").value(1));
        getJson("/" + id + "/votes", teacher).andExpect(status().isForbidden());
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        send(HttpMethod.PUT, "/" + id + "/vote", "{\"helpful\":true}", outsider).andExpect(status().isNotFound());
        mvc.perform(put(base + "/" + id + "/vote").contentType(MediaType.APPLICATION_JSON).content("{\"helpful\":true}"))
            .andExpect(status().isUnauthorized());
        var session = TenancyCheck.signIn(mvc, teacher);
        mvc.perform(post("/schools/" + school.code() + "/knowledge/" + id + "/vote").session(session).with(csrf()).param("helpful", "true"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post("/schools/" + school.code() + "/knowledge/" + id + "/vote").session(session).with(csrf()).param("helpful", "<script>"))
            .andExpect(status().is3xxRedirection());
        getJson("/" + id + "/votes", coordinator).andExpect(jsonPath("$.helpful").value(2)).andExpect(jsonPath("$.notHelpful").value(0));
        String page = mvc.perform(get("/schools/" + school.code() + "/knowledge/" + id).session(TenancyCheck.signIn(mvc, coordinator)))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"voteCounts\"");
    }

    @Test
    void aTicketBecomesAnArticleAndAnArticleAnswersATicket() throws Exception {
        String link = Articles.draftLink(school.code(), "Printer piept", "Klep open & dicht\n**vet**");
        var session = TenancyCheck.signIn(mvc, coordinator);
        String form = mvc.perform(get(java.net.URI.create(link)).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"Printer piept\"", "Klep open &amp; dicht");
        long id = article("Printer piept", "Open de **klep** en sluit ze weer. " + "Nog meer tekst. ".repeat(40), "PUBLIC");
        getJson("/" + id + "/reply", teacher).andExpect(jsonPath("$.path").value("/kb/" + school.code() + "/" + id))
            .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.startsWith("Open de klep en sluit ze weer.")))
            .andExpect(jsonPath("$.summary").value(org.hamcrest.Matchers.hasLength(298)));
    }

    @Test
    void theTeamAnswersATicketWithAnArticleFromTheTicketPage() throws Exception {
        long id = article("Printer piept", "Open de **klep** en sluit ze weer.", "STAFF");
        String ticket = mvc.perform(post("/api/v1/schools/" + school.code() + "/tickets").with(httpBasic(teacher, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Printer piept\",\"description\":\"Al de hele dag\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = ticket.replaceAll("(?s).*\"number\":(\\d+).*", "$1");
        var session = TenancyCheck.signIn(mvc, coordinator);
        String page = mvc.perform(get("/schools/" + school.code() + "/tickets/" + number).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"knowledgeTools\"", "answer=" + number).doesNotContain("id=\"writeArticleFromTicket\"");
        String list = mvc.perform(get("/schools/" + school.code() + "/knowledge").param("answer", number).session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"answerHint\"", "name=\"ticket\" value=\"" + number + "\"");
        var result = mvc.perform(post("/schools/" + school.code() + "/knowledge/answer").session(session).with(csrf())
                .param("ticket", number).param("article", String.valueOf(id)))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/schools/" + school.code() + "/tickets/" + number);
        String answered = mvc.perform(get("/schools/" + school.code() + "/tickets/" + number).session(session)
                .flashAttrs(result.getFlashMap())).andReturn().getResponse().getContentAsString();
        assertThat(answered).contains("Open de klep en sluit ze weer.", "/schools/" + school.code() + "/knowledge/" + id);
        // staff may not; another school's article is 404
        mvc.perform(post("/schools/" + school.code() + "/knowledge/answer").session(TenancyCheck.signIn(mvc, teacher)).with(csrf())
            .param("ticket", number).param("article", String.valueOf(id))).andExpect(status().isForbidden());
        mvc.perform(post("/schools/" + school.code() + "/knowledge/answer").session(session).with(csrf())
            .param("ticket", number).param("article", "999999999")).andExpect(status().isNotFound());
        mvc.perform(post("/schools/" + school.code() + "/knowledge/answer").session(session).with(csrf())
            .param("ticket", "abc").param("article", String.valueOf(id))).andExpect(status().isBadRequest());
    }

    @Test
    void newEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        long id = article("Tenancy", "b", "STAFF");
        send(HttpMethod.PATCH, "/" + id, "{\"body\":\"c\",\"version\":0}", coordinator).andExpect(status().isOk());
        TenancyCheck.api(mvc)
            .outsider(outsider).staff(teacher).manager(coordinator)
            .unchanged(base + "/" + id)
            .read(base + "/categories")
            .read(base + "/" + id + "/reply")
            .read(base + "?tag=x&category=1&model=1&title=1")
            .admin(HttpMethod.GET, base + "/" + id + "/versions", null)
            .admin(HttpMethod.GET, base + "/" + id + "/versions/0", null)
            .admin(HttpMethod.GET, base + "/" + id + "/votes", null)
            .admin(HttpMethod.POST, base + "/categories", "{\"name\":\"Tenancy " + Fixtures.unique() + "\"}")
            .verify();
        String ui = "/schools/" + school.code() + "/knowledge";
        TenancyCheck.ui(mvc)
            .outsider(outsider).staff(teacher).manager(coordinator)
            .read(ui + "?tag=x&category=1")
            .read(ui + "/manuals?model=1&title=1")
            .admin(HttpMethod.GET, ui + "/" + id + "/versions/0", null)
            .admin(HttpMethod.GET, ui + "/new?title=a&body=b", null)
            .admin(HttpMethod.POST, ui + "/categories", "name=Cat+" + Fixtures.unique())
            .verify();
        var outsiderSession = TenancyCheck.signIn(mvc, outsider);
        mvc.perform(post(ui + "/" + id + "/vote").session(outsiderSession).with(csrf()).param("helpful", "true")).andExpect(status().isNotFound());
    }

    @Test
    void theFormSavesCategoryTagsAndLinks() throws Exception {
        long cat = id(send(HttpMethod.POST, "/categories", "{\"name\":\"Software\"}", coordinator));
        var session = TenancyCheck.signIn(mvc, coordinator);
        String form = mvc.perform(get("/schools/" + school.code() + "/knowledge/new").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"categoryId\"", "id=\"tags\"", "id=\"modelIds\"", "id=\"titleIds\"", "value=\"PUBLIC\"")
            .doesNotContain("value=\"TEACHERS\"");
        String location = mvc.perform(post("/schools/" + school.code() + "/knowledge").session(session).with(csrf())
                .param("title", "Smartschool").param("body", "tekst").param("format", "TEXT").param("audience", "EVERYONE")
                .param("categoryId", String.valueOf(cat)).param("tags", "accounts, wachtwoord"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        getJson("/" + id, coordinator).andExpect(jsonPath("$.tags", hasSize(2))).andExpect(jsonPath("$.categoryId").value(cat))
            .andExpect(jsonPath("$.audience").value("EVERYONE"));
        String error = mvc.perform(post("/schools/" + school.code() + "/knowledge").session(session).with(csrf())
                .param("title", "x").param("body", "tekst").param("format", "TEXT").param("audience", "STAFF").param("categoryId", "99999999"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("id=\"categoryId-error\"");
        String tooMany = mvc.perform(post("/schools/" + school.code() + "/knowledge").session(session).with(csrf())
                .param("title", "x").param("body", "tekst").param("format", "TEXT").param("audience", "STAFF").param("tags", "t".repeat(41)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooMany).contains("id=\"tags-error\"");
        String categoryError = mvc.perform(post("/schools/" + school.code() + "/knowledge/categories").session(session).with(csrf()).param("name", ""))
            .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("categoryError").toString();
        assertThat(categoryError).isEqualTo("article.category.required");
    }
}
