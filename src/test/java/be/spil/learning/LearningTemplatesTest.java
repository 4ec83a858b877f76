package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolLevel;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class LearningTemplatesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired LearningLines lines;
    @Autowired Frameworks frameworks;

    SchoolView sharing;
    PersonView sharingCoordinator;
    long digcomp;

    @BeforeEach
    void setUp() {
        sharing = fixtures.school();
        sharingCoordinator = fixtures.user(sharing, Role.ICT_COORDINATOR);
        digcomp = frameworks.shipped("digcomp").orElseThrow();
        lines.setUp(sharing.id(), digcomp, List.of("Wiskunde", "Taal"), null, Fixtures.ADMIN);
        var teacher = fixtures.user(sharing, Role.STAFF);
        lines.createActivity(sharing.id(), new ActivityForm("1.1", Grade.L1, "Taal", "Zoeken met een kinderzoekmachine", "Tablet",
            Step.INTRODUCE, WorkForm.PARTNER, teacher.id(), null), Fixtures.ADMIN);
        lines.createActivity(sharing.id(), new ActivityForm("1.1", Grade.K2, "Taal", "Prenten zoeken", null, Step.INTRODUCE, null,
            null, null), Fixtures.ADMIN);
    }

    private ResultActions call(HttpMethod method, String path, String body, PersonView who) throws Exception {
        var b = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(method, path)
            .with(httpBasic(who.email(), Fixtures.PASSWORD));
        if (body != null) {
            b.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(b);
    }

    @Test
    void aSharedLineStartsAnotherSchoolsOwnCopyThatThenGoesItsOwnWay() throws Exception {
        var other = fixtures.school();
        var coordinator = fixtures.user(other, Role.ICT_COORDINATOR);
        // not shared yet: not a template, 404
        call(HttpMethod.GET, "/api/v1/learning-templates/" + sharing.code(), null, coordinator).andExpect(status().isNotFound());
        call(HttpMethod.POST, "/api/v1/schools/" + other.code() + "/learning-line/from-template", "{\"template\":\"" + sharing.code() + "\"}",
            coordinator).andExpect(status().isNotFound());
        int version = lines.requireLine(sharing.id(), Fixtures.ADMIN).version();
        call(HttpMethod.PUT, "/api/v1/schools/" + sharing.code() + "/learning-line/shared", "{\"shared\":true,\"version\":" + version + "}",
            sharingCoordinator).andExpect(status().isOk()).andExpect(jsonPath("$.shared").value(true));
        call(HttpMethod.GET, "/api/v1/learning-templates", null, coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.items[?(@.school=='" + sharing.code() + "')].activities").value(org.hamcrest.Matchers.hasItem(2)));
        call(HttpMethod.GET, "/api/v1/learning-templates/" + sharing.code(), null, coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.activities.length()").value(2)).andExpect(jsonPath("$.activities[0].teacher").doesNotExist());
        call(HttpMethod.POST, "/api/v1/schools/" + other.code() + "/learning-line/from-template", "{\"template\":\"" + sharing.code() + "\"}",
            coordinator).andExpect(status().isCreated()).andExpect(jsonPath("$.activities.length()").value(2))
            .andExpect(jsonPath("$.domains[1]").value("Taal")).andExpect(jsonPath("$.shared").value(false));
        // a second start is refused: the school has a line
        call(HttpMethod.POST, "/api/v1/schools/" + other.code() + "/learning-line/from-template", "{\"template\":\"" + sharing.code() + "\"}",
            coordinator).andExpect(status().isConflict());
        // independent: a change in the copy leaves the original as it was
        var copy = lines.activities(other.id(), null, null, Fixtures.ADMIN).get(0);
        lines.setArchived(other.id(), copy.id(), true, copy.version(), Fixtures.ADMIN);
        assertThat(lines.activities(sharing.id(), null, null, Fixtures.ADMIN)).hasSize(2);
        assertThat(lines.activities(other.id(), null, null, Fixtures.ADMIN)).hasSize(1);
    }

    @Test
    void aSecondarySchoolTakesOnlyTheGradesItHasAndBadInputIsRefused() throws Exception {
        lines.setShared(sharing.id(), true, lines.requireLine(sharing.id(), Fixtures.ADMIN).version(), Fixtures.ADMIN);
        var secondary = fixtures.school(SchoolLevel.SECUNDAIR);
        var coordinator = fixtures.user(secondary, Role.ICT_COORDINATOR);
        String path = "/api/v1/schools/" + secondary.code() + "/learning-line/from-template";
        call(HttpMethod.POST, path, "{}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("template"));
        call(HttpMethod.POST, path, "{\"template\":\"<script>\"}", coordinator).andExpect(status().isNotFound());
        call(HttpMethod.POST, path, "{\"template\":\"" + "x".repeat(41) + "\"}", coordinator).andExpect(status().isBadRequest());
        call(HttpMethod.POST, path, "{\"template\":\"" + sharing.code() + "\"}", coordinator).andExpect(status().isCreated())
            .andExpect(jsonPath("$.activities.length()").value(0)).andExpect(jsonPath("$.grades[0]").value("S1"));
        call(HttpMethod.PUT, "/api/v1/schools/" + sharing.code() + "/learning-line/shared", "{\"shared\":false,\"version\":0}",
            sharingCoordinator).andExpect(status().isConflict());
    }

    @Test
    void sharingAndTemplatesKeepToTheGroupAndTheSchool() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(sharing, Role.STAFF);
        String base = "/api/v1/schools/" + sharing.code() + "/learning-line";
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(sharingCoordinator.email())
            .unchanged(base)
            .admin(HttpMethod.PUT, base + "/shared", "{\"shared\":true,\"version\":" + lines.requireLine(sharing.id(), Fixtures.ADMIN).version() + "}")
            .verify();
        mvc.perform(get("/api/v1/learning-templates")).andExpect(status().isUnauthorized());
        var empty = fixtures.school();
        var emptyCoordinator = fixtures.user(empty, Role.ICT_COORDINATOR);
        var emptyStaff = fixtures.user(empty, Role.STAFF);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(emptyStaff.email()).manager(emptyCoordinator.email())
            .admin(HttpMethod.POST, "/api/v1/schools/" + empty.code() + "/learning-line/from-template", "{\"template\":\"" + sharing.code() + "\"}")
            .verify();
        String page = "/schools/" + sharing.code() + "/learning";
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(sharingCoordinator.email())
            .admin(HttpMethod.POST, page + "/share", "shared=false&version=" + (lines.requireLine(sharing.id(), Fixtures.ADMIN).version()))
            .verify();
        var third = fixtures.school();
        var thirdCoordinator = fixtures.user(third, Role.ICT_COORDINATOR);
        var thirdStaff = fixtures.user(third, Role.STAFF);
        lines.setShared(sharing.id(), true, lines.requireLine(sharing.id(), Fixtures.ADMIN).version(), Fixtures.ADMIN);
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(thirdStaff.email()).manager(thirdCoordinator.email())
            .read("/schools/" + third.code() + "/learning")
            .admin(HttpMethod.POST, "/schools/" + third.code() + "/learning/from-template", "template=" + sharing.code())
            .verify();
        assertThat(lines.activities(third.id(), null, null, Fixtures.ADMIN)).hasSize(2);
    }
}
