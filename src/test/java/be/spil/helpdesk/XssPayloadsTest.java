package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import static be.spil.support.XssPayloads.PAYLOADS;
import static be.spil.support.XssPayloads.assertInert;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text from users is stored as written and rendered inert: a list of script payloads (tags, event handlers, URLs,
 * broken markup, attribute breakouts) as subject, description and reply, on the ticket page, in the queue and in the
 * API. None may come back as markup; each comes back as written through the API.
 */
@SpilIntegrationTest
class XssPayloadsTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JsonMapper json;

    @Test
    void everyPayloadIsStoredAsWrittenAndShownAsText() throws Exception {
        SchoolView school = fixtures.school();
        String coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        String teacher = fixtures.user(school, Role.STAFF).email();
        var session = TenancyCheck.signIn(mvc, coordinator);
        String api = "/api/v1/schools/" + school.code() + "/tickets";
        String web = "/schools/" + school.code() + "/tickets";
        for (String payload : PAYLOADS) {
            String body = json.writeValueAsString(java.util.Map.of("subject", "Melding " + payload.substring(0, Math.min(payload.length(), 150)),
                "description", "Wat er gebeurde: " + payload));
            String created = mvc.perform(post(api).with(httpBasic(teacher, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            assertThat((String) JsonPath.read(created, "$.description")).as(payload).isEqualTo("Wat er gebeurde: " + payload);
            long number = ((Number) JsonPath.read(created, "$.number")).longValue();
            mvc.perform(post(web + "/" + number + "/comments").session(session).with(csrf()).param("body", "Antwoord " + payload))
                .andExpect(status().is3xxRedirection());
            String page = mvc.perform(get(web + "/" + number).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
            assertInert(page, payload);
        }
        String queue = mvc.perform(get(web).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String results = mvc.perform(get(web).param("q", "melding").header("HX-Request", "true").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (String payload : PAYLOADS) {
            assertInert(queue, payload);
            assertInert(results, payload);
        }
    }
}
