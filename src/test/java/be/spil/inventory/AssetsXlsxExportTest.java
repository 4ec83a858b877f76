package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class AssetsXlsxExportTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String coordinator;
    String api;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        api = "/api/v1/schools/" + school.code() + "/assets/export.xlsx";
    }

    private static List<Row> rows(byte[] xlsx) throws Exception {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); var rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    @Test
    void theExportReadsBackWithLabelsDatesAndPrices() throws Exception {
        assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, "Dell", "Latitude 5440", "XL-1", "SN-XL-1", AssetStatus.IN_USE,
            null, null, "PO-7", LocalDate.of(2025, 9, 1), new BigDecimal("849.99"), LocalDate.of(2028, 8, 31), "lt-xl-1",
            "aa:bb:cc:00:11:22", null, "Café <b>", null), Fixtures.ADMIN);
        assets.create(school.id(), new AssetForm(AssetCategory.TABLET, null, null, "XL-2", null, null, null, null, null, null, null,
            null, null, null, null, null, null), Fixtures.ADMIN);
        var response = mvc.perform(get(api + "?sort=tag").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).contains("assets-" + school.code() + ".xlsx");
        var rows = rows(response.getContentAsByteArray());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getCellText(0)).isEqualTo("Inventarisnummer");
        assertThat(rows.get(0).getCellText(1)).isEqualTo("Serienummer");
        var first = rows.get(1);
        assertThat(first.getCellText(0)).isEqualTo("XL-1");
        assertThat(first.getCellText(1)).isEqualTo("SN-XL-1");
        assertThat(first.getCellText(2)).isEqualTo("Laptop");
        assertThat(first.getCellText(3)).isEqualTo("Dell");
        assertThat(first.getCellText(4)).isEqualTo("Latitude 5440");
        assertThat(first.getCellText(5)).isEqualTo("In gebruik");
        assertThat(first.getCellAsDate(9)).hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2025, 9, 1)));
        assertThat(first.getCellAsNumber(10)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("849.99"));
        assertThat(first.getCellAsDate(11)).hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(LocalDate.of(2028, 8, 31)));
        assertThat(first.getCellText(14)).isEqualTo("Café <b>");
        assertThat(rows.get(2).getCellText(0)).isEqualTo("XL-2");
        assertThat(rows.get(2).getCellText(2)).isEqualTo("Tablet");

        var english = rows(mvc.perform(get(api + "?headers=en&category=TABLET").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(english).hasSize(2);
        assertThat(english.get(0).getCellText(0)).isEqualTo("Asset tag");
    }

    @Test
    void aLongListStreamsEveryRow() throws Exception {
        jdbc.sql("""
                insert into asset (school_id, tag, serial, category, status, search_text, created_at, updated_at, updated_by)
                select :school, 'BULK-' || lpad(cast(n as varchar), 5, '0'), 'SN-' || n, 'LAPTOP', 'IN_STOCK', 'bulk', now(), now(), 'test'
                from generate_series(1, 3000) as n""").param("school", school.id()).update();
        var rows = rows(mvc.perform(get(api + "?sort=tag").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(rows).hasSize(3001);
        assertThat(rows.get(3000).getCellText(0)).isEqualTo("BULK-03000");
    }

    @Test
    void badFiltersAreRefusedBeforeAnythingIsWritten() throws Exception {
        mvc.perform(get(api + "?notSeenDays=-3").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("notSeenDays"));
        mvc.perform(get(api + "?sort=nonsense").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void theExportKeepsToItsSchool() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator).read(api).verify();
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .read("/schools/" + school.code() + "/assets/export.xlsx").verify();
    }
}
