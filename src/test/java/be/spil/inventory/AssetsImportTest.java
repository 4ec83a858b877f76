package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.BuildingForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class AssetsImportTest {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Rooms rooms;

    SchoolView school;
    String coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        base = "/api/v1/schools/" + school.code() + "/assets";
    }

    private ResultActions importCsv(byte[] bytes, String query) throws Exception {
        return mvc.perform(post(base + "/import" + query).with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType("text/csv").content(bytes));
    }

    private long count() throws Exception {
        String json = mvc.perform(get(base).with(httpBasic(coordinator, Fixtures.PASSWORD))).andReturn().getResponse()
            .getContentAsString();
        return Long.parseLong(json.replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
    }

    private void room(SchoolView s, String building, String name) {
        long b = rooms.createBuilding(s.id(), new BuildingForm(building, null, null), Fixtures.ADMIN).id();
        rooms.createRoom(s.id(), new RoomForm(b, name, RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN);
    }

    @Test
    void importsBelgianExcelAndReimportChangesNothing() throws Exception {
        room(school, "Hoofdgebouw", "B.12");
        byte[] file = ("Inventarisnummer;Serienummer;Categorie;Fabrikant;Model;Status;Lokaal;Aankoopdatum;Prijs;Einde garantie;Opmerkingen\r\n"
            + "IMP-1;SN-IMP-1;Laptop;Dell;Latitude 3440;In gebruik;B.12;03/09/2025;849,99;03/09/2028;Leerkracht é/ë <script>alert(1)</script>\r\n"
            + "IMP-2;;CHROMEBOOK;;;in voorraad;;;;;\r\n").getBytes(WINDOWS_1252);
        importCsv(file, "?dryRun=true").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2))
            .andExpect(jsonPath("$.errors").isEmpty());
        assertThat(count()).isZero();
        importCsv(file, "").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2))
            .andExpect(jsonPath("$.errors").isEmpty());
        mvc.perform(get(base + "/IMP-1").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.price").value("849.99")).andExpect(jsonPath("$.purchaseDate").value("2025-09-03"))
            .andExpect(jsonPath("$.status").value("IN_USE")).andExpect(jsonPath("$.room").value("Hoofdgebouw B.12"))
            .andExpect(jsonPath("$.notes").value("Leerkracht é/ë <script>alert(1)</script>"));
        importCsv(file, "").andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(0))
            .andExpect(jsonPath("$.unchanged").value(2));
        // the export, in both dialects, imports again as all unchanged
        for (String headers : new String[] {"nl", "api", "en"}) {
            byte[] export = mvc.perform(get(base + "/export.csv?headers=" + headers).with(httpBasic(coordinator, Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            importCsv(export, "").andExpect(jsonPath("$.unchanged").value(2)).andExpect(jsonPath("$.errors").isEmpty())
                .andExpect(jsonPath("$.warnings").isEmpty());
        }
        byte[] nl = mvc.perform(get(base + "/export.csv").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andReturn().getResponse().getContentAsByteArray();
        assertThat(nl[0] & 0xFF).isEqualTo(0xEF);
        assertThat(new String(nl, StandardCharsets.UTF_8)).contains("Inventarisnummer;Serienummer", "849,99", "03/09/2025");
        String api = mvc.perform(get(base + "/export.csv?headers=api&status=IN_USE").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).startsWith("tag,serial,category").contains("849.99", "2025-09-03").doesNotContain("IMP-2");
    }

    @Test
    void readsUtf8WithBomRfc4180AndSnipeIt() throws Exception {
        byte[] body = "tag,category,notes\nBOM-1,laptop,\"een, twee\nen drie ë\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        importCsv(bom, "").andExpect(jsonPath("$.created").value(1));
        mvc.perform(get(base + "/BOM-1").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.notes").value("een, twee\nen drie ë"));
        byte[] snipe = ("ID,Asset Name,Asset Tag,Model,Model No.,Category,Manufacturer,Serial,Purchased,Purchase Cost,"
            + "Order Number,Status,Warranty Expires,Notes,Location\n"
            + "17,LT-SNIPE,SNIPE-17,Latitude 5440,,Laptops,Dell,SNIPE-SN-17,2024-08-30 00:00:00,\"1,049.00\",PO-9,Ready to Deploy,"
            + "2027-08-30,Van Snipe-IT,\n").getBytes(StandardCharsets.UTF_8);
        importCsv(snipe, "").andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.errors").isEmpty())
            .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("Model No.")));
        mvc.perform(get(base + "/SNIPE-17").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.category").value("LAPTOP")).andExpect(jsonPath("$.status").value("IN_STOCK"))
            .andExpect(jsonPath("$.price").value("1049.00")).andExpect(jsonPath("$.hostname").value("LT-SNIPE"))
            .andExpect(jsonPath("$.serial").value("SNIPE-SN-17")).andExpect(jsonPath("$.orderReference").value("PO-9"))
            .andExpect(jsonPath("$.warrantyEnd").value("2027-08-30")).andExpect(jsonPath("$.purchaseDate").value("2024-08-30"));
    }

    @Test
    void wrongRowsGetErrorsAtomicWritesNothingOtherwiseTheGoodRows() throws Exception {
        var other = fixtures.school();
        room(other, "Elders", "Z.99");
        byte[] file = ("tag;category;price;purchaseDate;room\n"
            + "OK-1;laptop;10,00;01/01/2025;\n"
            + "BAD-1;broodrooster;;;\n"
            + "BAD-2;laptop;veel;31/02/2025;\n"
            + "OK-1;desktop;;;\n"
            + "BAD-3;laptop;;;Z.99\n").getBytes(StandardCharsets.UTF_8);
        importCsv(file, "?atomic=true").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
            .andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'category')]").exists())
            .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'price')]").exists())
            .andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'purchaseDate')]").exists())
            .andExpect(jsonPath("$.errors[?(@.row == 5 && @.field == 'tag')]").exists())
            .andExpect(jsonPath("$.errors[?(@.row == 6 && @.field == 'room')]").exists());
        assertThat(count()).isZero();
        importCsv(file, "").andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.errors.length()").value(5));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void emptyAndHeaderOnlyFilesAndMultipart() throws Exception {
        importCsv(new byte[0], "").andExpect(status().isOk()).andExpect(jsonPath("$.errors[0].field").value("file"));
        importCsv("tag;category\n".getBytes(StandardCharsets.UTF_8), "").andExpect(jsonPath("$.errors[0].row").value(1));
        mvc.perform(multipart(base + "/import").file(new MockMultipartFile("file", "a.csv", "text/csv",
                "tag,category\nMP-1,tablet\n".getBytes(StandardCharsets.UTF_8))).param("dryRun", "true")
                .with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.rows[0].outcome").value("CREATED"));
        assertThat(count()).isZero();
    }

    @Test
    void importAndExportKeepToTheirSchoolAndRoles() throws Exception {
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "?size=100")
            .admin(HttpMethod.POST, base + "/import?dryRun=true", "tag,category\nTEN-1,laptop\n")
            .admin(HttpMethod.POST, base + "/import", "tag,category\nTEN-2,laptop\n")
            .read(base + "/export.csv")
            .verify();
    }
}
