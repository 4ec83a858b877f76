package be.spil.knowledge;

import static be.spil.support.XssPayloads.PAYLOADS;
import static be.spil.support.XssPayloads.assertEscaped;
import static be.spil.support.XssPayloads.assertInert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload list through the knowledge base: article title, Markdown body (raw HTML shown as text, javascript: links
 * dropped), tags and category names, on the article page, the list, the search results, the public pages and the
 * "maybe this helps" suggestions of the report form. Each arrives as escaped text, never as a live tag or attribute.
 */
@SpilIntegrationTest
class KnowledgeXssTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JsonMapper json;

    record Written(long id, String title, String category, String tag, String payload) {}

    String html(String path, MockHttpSession session) throws Exception {
        var request = get(path);
        if (session != null) {
            request = request.session(session);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    @Test
    void everyPayloadInAnArticleArrivesAsTextOnEveryPage() throws Exception {
        SchoolView school = fixtures.school();
        String coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        String teacher = fixtures.user(school, Role.STAFF).email();
        String api = "/api/v1/schools/" + school.code() + "/articles";
        String web = "/schools/" + school.code() + "/knowledge";
        var written = new ArrayList<Written>();
        int i = 0;
        for (String payload : PAYLOADS) {
            i++;
            String category = clip("C" + i + " " + payload, 60);
            String created = mvc.perform(post(api + "/categories").with(httpBasic(coordinator, Fixtures.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("name", category))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            long categoryId = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
            String title = "Projectiezoek " + payload;
            String tag = clip(payload, 40).strip();
            var article = new LinkedHashMap<String, Object>();
            article.put("title", title);
            article.put("body", "# Kop " + payload + "\n\nTekst " + payload + "\n\n" + payload
                + "\n\n[klik](javascript:alert(1)) en ![x](javascript:alert(2)) en [goed](https://example.be/h.pdf)");
            article.put("format", "MARKDOWN");
            article.put("audience", "PUBLIC");
            article.put("categoryId", categoryId);
            article.put("tags", List.of(tag, "beamer"));
            String body = mvc.perform(post(api).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(article)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            written.add(new Written(Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1")), title, category, tag, payload));
        }
        var session = TenancyCheck.signIn(mvc, teacher);
        String list = html(web, session);
        String search = html(web + "?q=projectiezoek", session);
        String results = mvc.perform(get(web).param("q", "projectiezoek").header("HX-Request", "true").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String publicList = html("/kb/" + school.code(), null);
        String suggestions = mvc.perform(get(web + "/suggestions").param("subject", "projectiezoek werkt niet").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(suggestions).contains("id=\"suggestionList\"");
        int suggested = 0;
        for (var w : written) {
            String page = html(web + "/" + w.id(), session);
            String publicPage = html("/kb/" + school.code() + "/" + w.id(), null);
            for (String each : List.of(page, publicPage)) {
                assertEscaped(each, w.title(), w.payload());
                // the Markdown body: raw HTML shown as text, unsafe link targets dropped, safe ones kept
                assertThat(each).as(w.payload()).doesNotContain("javascript:alert(1)\"", "javascript:alert(2)\"")
                    .contains("href=\"https://example.be/h.pdf\"");
                if (w.payload().startsWith("<")) {
                    assertThat(each).as(w.payload()).contains("Tekst &lt;" + w.payload().substring(1, 4));
                }
            }
            assertEscaped(page, w.category(), w.payload());
            assertThat(page).as("every history field has its label").doesNotContain("??field.");
            assertEscaped(page, "#" + w.tag(), w.payload());
            for (String each : List.of(list, search, results, publicList)) {
                assertEscaped(each, w.title(), w.payload());
            }
            assertEscaped(list, w.category(), w.payload());
            assertEscaped(list, "#" + w.tag(), w.payload());
            assertEscaped(results, "#" + w.tag(), w.payload());
            // the form suggests a handful: those it shows are escaped, and nothing of any payload is live
            if (suggestions.contains("/knowledge/" + w.id() + "\"")) {
                suggested++;
                assertEscaped(suggestions, w.title(), w.payload());
            } else {
                assertInert(suggestions, w.payload());
            }
            // a search for the payload itself (and the team's "answer with an article" list) shows the query as text
            String asked = mvc.perform(get(web).param("q", clip(w.payload(), 100)).param("tag", w.tag()).param("answer", "1").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertInert(asked, w.payload());
            assertThat(asked).contains("value=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(clip(w.payload(), 100)) + "\"");
        }
        assertThat(suggested).isGreaterThanOrEqualTo(3);
    }
}
