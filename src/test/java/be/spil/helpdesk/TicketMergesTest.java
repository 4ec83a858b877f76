package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class TicketMergesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    SchoolView school;
    String coordinator;
    PersonView first;
    PersonView second;
    String api;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        first = fixtures.user(school, Role.STAFF);
        second = fixtures.user(school, Role.STAFF);
        api = "/api/v1/schools/" + school.code() + "/tickets";
    }

    ResultActions json(String path, String body, String user) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long report(String subject, String user) throws Exception {
        String body = json(api, "{\"subject\":\"" + subject + "\",\"description\":\"In lokaal B.12\"}", user)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    String state(long n) throws Exception {
        return mvc.perform(get(api + "/" + n).with(httpBasic(coordinator, Fixtures.PASSWORD))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aDuplicateMovesItsConversationAndFilesAndItsReporterFollowsTheOther() throws Exception {
        long a = report("Wifi valt weg", first.email());
        long b = report("Geen internet in B.12", second.email());
        json(api + "/" + b + "/comments", "{\"body\":\"Ook op de laptopkar\"}", second.email()).andExpect(status().isCreated());
        mvc.perform(multipart(api + "/" + b + "/attachments").file(new MockMultipartFile("file", "scherm.png", "image/png",
            TicketAttachmentsTest.PNG)).with(httpBasic(second.email(), Fixtures.PASSWORD))).andExpect(status().isCreated());
        // the second teacher does not see the first one's ticket before the merge
        mvc.perform(get(api + "/" + a).with(httpBasic(second.email(), Fixtures.PASSWORD))).andExpect(status().isNotFound());
        json(api + "/" + b + "/merge", "{\"into\":" + a + ",\"version\":0}", coordinator)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.number").value(a))
            .andExpect(jsonPath("$.comments[0].body").value("Ook op de laptopkar"))
            .andExpect(jsonPath("$.comments[1].body", containsString("Geen internet in B.12")));
        mvc.perform(get(api + "/" + a + "/attachments").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].fileName").value("scherm.png"));
        mvc.perform(get(api + "/" + b).with(httpBasic(second.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.status").value("CLOSED"))
            .andExpect(jsonPath("$.comments", hasSize(1)))
            .andExpect(jsonPath("$.comments[0].body", containsString("#" + a)));
        // a reply on the closed duplicate does not reopen it: the conversation goes on at A
        json(api + "/" + b + "/comments", "{\"body\":\"Nog steeds stuk\"}", second.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"))
            .andExpect(jsonPath("$.errors[0].message", containsString("#" + a)));
        mvc.perform(get(api + "/" + b).with(httpBasic(second.email(), Fixtures.PASSWORD))).andExpect(jsonPath("$.status").value("CLOSED"));
        // the second teacher follows A: sees it, finds it in their list
        mvc.perform(get(api + "/" + a).with(httpBasic(second.email(), Fixtures.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get(api).with(httpBasic(second.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[0].number").value(a));
        mvc.perform(get(api + "/" + b + "/history").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(content().string(containsString("mergedInto")));
        mvc.perform(get(api + "/" + a + "/history").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(content().string(containsString("mergedFrom")));
        // the page of B points to A
        var session = TenancyCheck.signIn(mvc, second.email());
        assertThat(mvc.perform(get("/schools/" + school.code() + "/tickets/" + b).session(session)).andReturn().getResponse()
            .getContentAsString()).contains("id=\"mergedInto\"", "/schools/" + school.code() + "/tickets/" + a);
    }

    @Test
    void badMergesAreRefusedAndChangeNothing() throws Exception {
        long a = report("Printer", first.email());
        long b = report("Printer ook", second.email());
        String before = state(a) + state(b);
        json(api + "/" + b + "/merge", "{\"into\":" + b + ",\"version\":0}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("into"));
        json(api + "/" + b + "/merge", "{\"into\":999999,\"version\":0}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("into"));
        json(api + "/" + b + "/merge", "{\"into\":" + a + "}", coordinator).andExpect(status().isBadRequest());
        json(api + "/" + b + "/merge", "{\"into\":\"een\",\"version\":0}", coordinator).andExpect(status().isBadRequest());
        json(api + "/" + b + "/merge", "{\"into\":" + a + ",\"version\":7}", coordinator).andExpect(status().isConflict());
        json(api + "/" + b + "/merge", "{\"into\":" + a + ",\"version\":0}", second.email()).andExpect(status().isForbidden());
        // across schools: a number of a ticket that exists only in another school
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String otherApi = "/api/v1/schools/" + other.code() + "/tickets";
        for (int i = 0; i < 5; i++) {
            json(otherApi, "{\"subject\":\"Elders " + i + "\"}", outsider).andExpect(status().isCreated());
        }
        json(api + "/" + b + "/merge", "{\"into\":5,\"version\":0}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message").value("There is no ticket #5 in this school."));
        json(otherApi + "/1/merge", "{\"into\":" + a + ",\"version\":0}", coordinator).andExpect(status().isNotFound());
        assertThat(state(a) + state(b)).isEqualTo(before);
        TenancyCheck.api(mvc).outsider(outsider).manager(coordinator).staff(second.email())
            .unchanged(api + "/" + b)
            .admin(HttpMethod.POST, api + "/" + b + "/merge", "{\"into\":" + a + ",\"version\":0}")
            .verify();
        json(api + "/" + b + "/merge", "{\"into\":" + a + ",\"version\":1}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("into"));
    }

    @Test
    void theTeamMergesFromTheTicketPage() throws Exception {
        long a = report("Beamer", first.email());
        long b = report("Beamer B.12", second.email());
        long c = report("Beamer nog eens", second.email());
        var session = TenancyCheck.signIn(mvc, coordinator);
        String base = "/schools/" + school.code() + "/tickets/";
        assertThat(mvc.perform(get(base + b).session(session)).andReturn().getResponse().getContentAsString())
            .contains("id=\"mergeForm\"", "for=\"into\"");
        var flash = mvc.perform(post(base + b + "/merge").session(session).with(csrf()).param("into", "<script>").param("version", "0"))
            .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(mvc.perform(get(base + b).session(session).flashAttrs(flash)).andReturn().getResponse().getContentAsString())
            .contains("id=\"into-error\"", "&lt;script&gt;");
        mvc.perform(post(base + b + "/merge").session(session).with(csrf()).param("into", "#" + a).param("version", "0"))
            .andExpect(status().is3xxRedirection())
            .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/tickets/" + a));
        TenancyCheck.ui(mvc).outsider(fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email()).manager(coordinator)
            .admin(HttpMethod.POST, base + c + "/merge", "into=" + a + "&version=0")
            .verify();
        assertThat(state(c)).contains("\"status\":\"CLOSED\"");
    }
}
