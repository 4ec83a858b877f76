package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.audit.AuditTrail;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** New rows of an import are written in batches; a batch with a bad row goes row by row, so only that row fails. */
@SpilIntegrationTest
class AssetsImportBatchTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;

    @Test
    void rowsAreWrittenInBatchesWithTheirHistoryAndABadRowFailsAlone() throws Exception {
        SchoolView school = fixtures.school();
        String coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        String model = "Batch" + Fixtures.unique().replaceAll("[^A-Za-z0-9]", "");
        var csv = new StringBuilder("tag,serial,category,manufacturer,model,status,hostname\n");
        int rows = AssetTransfer.BATCH + 100;
        for (int i = 1; i <= rows; i++) {
            csv.append("B-").append(i).append(",SN-B-").append(i).append(",laptop,HP,").append(model).append(' ').append(i % 3).append(",in use,")
                .append(i == AssetTransfer.BATCH + 50 ? "bad host!" : "pc-" + i).append('\n');
        }
        String base = "/api/v1/schools/" + school.code() + "/assets";
        mvc.perform(post(base + "/import").with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType("text/csv")
                .content(csv.toString().getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(rows - 1))
            .andExpect(jsonPath("$.errors.length()").value(1))
            .andExpect(jsonPath("$.errors[0].row").value(AssetTransfer.BATCH + 51))
            .andExpect(jsonPath("$.errors[0].field").value("hostname"))
            .andExpect(jsonPath("$.rows[0].outcome").value("CREATED"))
            .andExpect(jsonPath("$.rows[" + (AssetTransfer.BATCH + 49) + "].outcome").value("ERROR"));
        var first = assets.byTag(school.id(), "B-1", Fixtures.ADMIN);
        assertThat(first.status()).isEqualTo(AssetStatus.IN_USE);
        assertThat(first.model()).isEqualTo(model + " 1");
        var history = assets.history(school.id(), first.id(), Fixtures.ADMIN);
        assertThat(history.status()).hasSize(1);
        assertThat(history.audit()).extracting(AuditTrail.Entry::action).containsExactly(AuditTrail.Action.CREATED);
        assertThat(assets.models(model, null, new be.spil.shared.Paging(0, 10)).total()).isEqualTo(3);
        mvc.perform(post(base + "/import").with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType("text/csv")
                .content(csv.toString().getBytes(StandardCharsets.UTF_8)))
            .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.unchanged").value(rows - 1));
    }
}
