package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.AssetStatus;
import be.spil.inventory.AssigneeType;
import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpilIntegrationTest
class PupilDevicesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;

    private ResultActions call(MockHttpServletRequestBuilder request, String user, String json) throws Exception {
        request.with(httpBasic(user, Fixtures.PASSWORD));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    @Test
    void aPupilGetsADeviceWithAccessoriesSignsTheFormAndReturnsIt() throws Exception {
        var lending = new LendingFixtures(calendar, assets, pools);
        var school = fixtures.school();
        var year = lending.year();
        var on = LendingFixtures.monday(year);
        fixtures.group(school, "3B", 3);
        var pupil = fixtures.pupil(school, "Nora", "Claes", "3B");
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        var teacher = fixtures.user(school, Role.STAFF).email();
        var laptop = lending.laptop(school);
        var pooled = lending.pool(school, "Kar 1op1", 1).devices().get(0).tag();
        String base = "/api/v1/schools/" + school.code() + "/pupil-devices";
        String body = "{\"pupil\":" + pupil.id() + ",\"tag\":\"" + laptop.tag() + "\",\"accessories\":\"lader, hoes, pen\",\"deposit\":\"50.00\","
            + "\"handedOverOn\":\"" + on + "\"}";

        call(post(base), teacher, body).andExpect(status().isForbidden());
        var other = fixtures.school();
        var stranger = fixtures.pupil(other, "Ander", "Kind", null);
        call(post(base), coordinator, body.replace("\"pupil\":" + pupil.id(), "\"pupil\":" + stranger.id()))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pupil"));
        call(post(base), coordinator, body.replace("\"pupil\":" + pupil.id(), "\"pupil\":" + fixtures.user(school, Role.STAFF).id()))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pupil"));
        call(post(base), coordinator, body.replace(laptop.tag(), pooled))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message", containsString("Kar 1op1")));
        call(post(base), coordinator, body.replace("\"handedOverOn\":\"" + on + "\"", "\"handedOverOn\":\"1980-01-01\""))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("handedOverOn"));
        call(post(base), coordinator, "{\"tag\":\"\"}").andExpect(status().isBadRequest());

        var created = call(post(base), coordinator, body).andExpect(status().isCreated())
            .andExpect(jsonPath("$.pupil").value("Nora Claes")).andExpect(jsonPath("$.group").value("3B"))
            .andExpect(jsonPath("$.schoolYear").value(year.name())).andExpect(jsonPath("$.deposit").value("50.00"))
            .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        call(post(base), coordinator, body).andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].message", containsString("Nora")));
        var asset = assets.byTag(school.id(), laptop.tag(), Fixtures.ADMIN);
        assertThat(asset.assignedTo().type()).isEqualTo(AssigneeType.PERSON);
        assertThat(asset.assignedTo().id()).isEqualTo(pupil.id());

        // the class overview and the hand-over form
        call(get(base).param("schoolYear", String.valueOf(year.id())).param("out", "true"), teacher, null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].tag").value(laptop.tag()));
        byte[] pdf = call(get(base + "/" + id + "/form.pdf"), coordinator, null).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();
        var reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Nora Claes").contains("3B").contains(laptop.tag()).contains("lader, hoes, pen")
            .contains("Handtekening ouder").contains(year.name()).doesNotContain("Gebruiksregels voor leerlingen");
        // once the school has approved usage rules for pupils, the form prints them
        var rules = "/api/v1/schools/" + school.code() + "/usage-rules/PUPILS";
        call(put(rules + "/draft"), coordinator, "{\"body\":\"Ik laad de laptop thuis op.\"}").andExpect(status().isOk());
        call(post(rules + "/approvals"), fixtures.user(school, Role.DIRECTOR).email(), "{\"version\":0}").andExpect(status().isCreated());
        byte[] withRules = call(get(base + "/" + id + "/form.pdf"), coordinator, null).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray();
        assertThat(new PdfTextExtractor(new PdfReader(withRules)).getTextFromPage(1))
            .contains("Gebruiksregels voor leerlingen (versie 1)").contains("Ik laad de laptop thuis op.");

        TenancyCheck.api(mvc).outsider(fixtures.user(other, Role.ICT_COORDINATOR).email()).staff(teacher).manager(coordinator)
            .unchanged(base + "/" + id)
            .read(base)
            .read(base + "/" + id)
            .read(base + "/" + id + "/form.pdf")
            .verify();

        // back, damaged: to repair, no longer assigned to the pupil
        call(post(base + "/" + id + "/return"), coordinator, "{\"condition\":\"DAMAGED\",\"version\":0}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        call(post(base + "/" + id + "/return"), coordinator, "{\"condition\":\"BROKEN\",\"version\":0}").andExpect(status().isBadRequest());
        call(post(base + "/" + id + "/return"), coordinator, "{\"condition\":\"DAMAGED\",\"note\":\"Scharnier los\",\"returnedOn\":\""
                + on.plusMonths(6) + "\",\"version\":0}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.returnedOn").value(on.plusMonths(6).toString()));
        call(post(base + "/" + id + "/return"), coordinator, "{\"version\":0}").andExpect(status().isConflict());
        call(post(base + "/" + id + "/return"), coordinator, "{\"version\":1}").andExpect(status().isBadRequest());
        asset = assets.byTag(school.id(), laptop.tag(), Fixtures.ADMIN);
        assertThat(asset.assignedTo()).isNull();
        assertThat(asset.status()).isEqualTo(AssetStatus.IN_REPAIR);
        call(get(base).param("schoolYear", String.valueOf(year.id())).param("out", "true"), teacher, null)
            .andExpect(jsonPath("$.total").value(0));
    }
}
