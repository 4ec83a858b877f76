package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class AssetLabelsTest {
    private static final Pattern RECT = Pattern.compile("(-?[\\d.]+) (-?[\\d.]+) (-?[\\d.]+) (-?[\\d.]+) re");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    SchoolView school;
    String coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        base = "/api/v1/schools/" + school.code() + "/assets/labels.pdf";
    }

    private AssetView asset(SchoolView s, String manufacturer, String model) {
        return assets.create(s.id(), new AssetForm(AssetCategory.LAPTOP, manufacturer, model, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null), Fixtures.ADMIN);
    }

    private byte[] pdf(String query) throws Exception {
        return mvc.perform(get(base + query).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
            .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void thirtyLabelsFillTwoSheetsWithEachTagModelAndSchool() throws Exception {
        var tags = IntStream.range(0, 30).mapToObj(i -> asset(school, "Dell", "Latitude 5440").tag()).toList();
        var reader = new PdfReader(pdf("?tags=" + String.join(",", tags)));
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        var extractor = new PdfTextExtractor(reader);
        String text = extractor.getTextFromPage(1) + "\n" + extractor.getTextFromPage(2);
        for (String tag : tags) {
            assertThat(text).contains(tag);
        }
        assertThat(extractor.getTextFromPage(1)).contains(tags.get(23)).doesNotContain(tags.get(24));
        assertThat(text).contains("Dell Latitude 5440").contains("Laptop").contains(school.name());
        // the filtered list gives the same 30 labels, sorted by tag
        assertThat(new PdfReader(pdf("?q=latitude&sort=tag,asc")).getNumberOfPages()).isEqualTo(2);
    }

    @Test
    void theQrCodeOnTheLabelOpensTheAssetAfterSignIn() throws Exception {
        var asset = asset(school, "HP", "ProBook 450");
        var reader = new PdfReader(pdf("?tags=" + asset.tag().toLowerCase()));
        String url = decode(firstQr(new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1)));
        String path = "/schools/" + school.code() + "/assets/by-tag/" + asset.tag();
        assertThat(url).isEqualTo("http://localhost" + path);
        // the same code path as a BitMatrix decodes too
        assertThat(decode(LabelSheet.qr(url))).isEqualTo(url);

        // scanned on a phone: sign in first, then the asset's page
        var session = new MockHttpSession();
        mvc.perform(get(path).session(session).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        var login = mvc.perform(post("/login").session(session).param("email", coordinator).param("password", Fixtures.PASSWORD)
            .with(csrf())).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).contains("/assets/by-tag/" + asset.tag());
        mvc.perform(get(path).session(session)).andExpect(status().is3xxRedirection())
            .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/schools/" + school.code() + "/assets/" + asset.id()));
        mvc.perform(get("/schools/" + school.code() + "/assets/" + asset.id()).session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"quickActions\"")));
    }

    @Test
    void skipStartsAtTheGivenPositionOfTheSheet() throws Exception {
        assertThat(LabelSheet.slot(0, 5)).isEqualTo(new LabelSheet.Slot(0, 2, 1)); // position 6: third column, second row
        assertThat(LabelSheet.slot(0, 0)).isEqualTo(new LabelSheet.Slot(0, 0, 0));
        assertThat(LabelSheet.slot(19, 5)).isEqualTo(new LabelSheet.Slot(1, 0, 0));
        var tags = IntStream.range(0, 20).mapToObj(i -> asset(school, "Lenovo", "100e").tag()).collect(Collectors.joining(","));
        assertThat(new PdfReader(pdf("?tags=" + tags)).getNumberOfPages()).isEqualTo(1);
        var reader = new PdfReader(pdf("?tags=" + tags + "&skip=5"));
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        // the first QR code of the sheet sits at position 6: x in the third column, y in the second row
        var rects = rects(new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1));
        float mm = 72f / 25.4f;
        assertThat(rects.get(0)[0]).isBetween(140 * mm, 210 * mm);
        assertThat(rects.get(0)[1]).isBetween(842 - 0.5f * mm - 74 * mm, 842 - 0.5f * mm - 37 * mm);
    }

    @Test
    void wrongInputAnswers400NamingTheFieldAndOtherSchoolsAnswer404() throws Exception {
        var other = fixtures.school();
        var foreign = asset(other, "Dell", "X");
        var own = asset(school, "Dell", "Y");
        mvc.perform(get(base + "?tags=" + own.tag() + ",NOPE-1").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("NOPE-1")));
        // another school's tag is unknown here, without telling whether it exists
        mvc.perform(get(base + "?tags=" + foreign.tag()).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"));
        // the other school's labels: 404 for this coordinator
        mvc.perform(get("/api/v1/schools/" + other.code() + "/assets/labels.pdf?tags=" + foreign.tag())
            .with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        String many = IntStream.range(0, AssetLabels.MAX + 1).mapToObj(i -> "T-" + i).collect(Collectors.joining(","));
        mvc.perform(get(base).param("tags", many).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("5,000")));
        for (String skip : new String[] {"-1", "24"}) {
            mvc.perform(get(base + "?tags=" + own.tag() + "&skip=" + skip).with(httpBasic(coordinator, Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("skip"));
        }
        mvc.perform(get(base + "?tags=" + own.tag() + "&skip=x").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest());
        mvc.perform(get(base + "?tags=%3Cscript%3E").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"));
        mvc.perform(get(base + "?q=nothing-matches-this").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"));
        // by-tag of an unknown tag: 404
        var session = TenancyCheck.signIn(mvc, coordinator);
        mvc.perform(get("/schools/" + school.code() + "/assets/by-tag/" + foreign.tag()).session(session))
            .andExpect(status().isNotFound());
    }

    @Test
    void labelEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        var staff = fixtures.user(school, Role.STAFF).email();
        var asset = asset(school, "Dell", "Z");
        TenancyCheck.api(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/assets/" + asset.tag())
            .admin(HttpMethod.GET, base + "?tags=" + asset.tag(), null)
            .admin(HttpMethod.GET, base, null)
            .verify();
        TenancyCheck.ui(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .read("/schools/" + school.code() + "/assets/by-tag/" + asset.tag())
            .admin(HttpMethod.GET, "/schools/" + school.code() + "/assets/labels.pdf?tags=" + asset.tag(), null)
            .verify();
        // a technician prints labels too
        mvc.perform(get(base + "?tags=" + asset.tag()).with(httpBasic(fixtures.user(school, Role.TECHNICIAN).email(),
            Fixtures.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aThousandLabelsStreamQuickly() throws Exception {
        var labels = IntStream.range(0, 1000).mapToObj(i -> new LabelSheet.Label("BEN-" + String.format("%06d", i),
            "Dell Latitude 5440 · Laptop", "Sint-Jozefscollege Lindenhof", "https://spil.example.be/schools/lindenhof/assets/by-tag/BEN-"
            + String.format("%06d", i))).toList();
        // bench note (not a timed assertion): time, bytes allocated by this thread and PDF size for 1,000 labels
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        var sink = new java.io.ByteArrayOutputStream();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        LabelSheet.write(labels, 0, sink);
        long ms = (System.nanoTime() - start) / 1_000_000;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        int pages = new PdfReader(sink.toByteArray()).getNumberOfPages();
        System.out.printf("labels bench: 1000 labels, %d pages, %d ms, %d KiB PDF, %d MiB allocated in total (short-lived)%n",
            pages, ms, sink.size() / 1024, allocated / (1024 * 1024));
        assertThat(pages).isEqualTo(42);
    }

    @Test
    void fiveThousandLabelsLeaveAsTheyAreMadeNotAtTheEnd() throws Exception {
        var sink = new java.io.ByteArrayOutputStream();
        var bytesWhenLabel240WasMade = new java.util.concurrent.atomic.AtomicInteger(-1);
        // labels made on demand: when the 241st is asked for (10 sheets done), part of the PDF must already be written
        var labels = new java.util.AbstractList<LabelSheet.Label>() {
            @Override
            public LabelSheet.Label get(int i) {
                if (i == 240) {
                    bytesWhenLabel240WasMade.set(sink.size());
                }
                return new LabelSheet.Label("BIG-" + String.format("%06d", i), "HP ProBook 450 · Laptop", "Lindenhof",
                    "https://spil.example.be/schools/lindenhof/assets/by-tag/BIG-" + String.format("%06d", i));
            }

            @Override
            public int size() {
                return 5000;
            }
        };
        LabelSheet.write(labels, 0, sink);
        assertThat(bytesWhenLabel240WasMade.get()).isGreaterThan(8 * 1024);
        assertThat(new PdfReader(sink.toByteArray()).getNumberOfPages()).isEqualTo(209);
    }

    @Test
    void aFilteredListOfFiveThousandAssetsPrintsAndOneMoreIsRefused() throws Exception {
        var big = fixtures.school();
        String manager = fixtures.user(big, Role.ICT_COORDINATOR).email();
        jdbc.sql("""
                insert into asset (school_id, tag, serial, category, status, search_text, created_at, updated_at, updated_by)
                select :school, 'LBL-' || lpad(cast(n as varchar), 5, '0'), null, 'TABLET', 'IN_STOCK', 'lbl', now(), now(), 'test'
                from generate_series(1, 5000) as n""").param("school", big.id()).update();
        String url = "/api/v1/schools/" + big.code() + "/assets/labels.pdf";
        var response = mvc.perform(get(url + "?status=IN_STOCK").with(httpBasic(manager, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(content().contentType("application/pdf")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        var reader = new PdfReader(response.getContentAsByteArray());
        assertThat(reader.getNumberOfPages()).isEqualTo(209);
        assertThat(new PdfTextExtractor(reader).getTextFromPage(209)).contains("LBL-05000");
        assets.create(big.id(), new AssetForm(AssetCategory.TABLET, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null), Fixtures.ADMIN);
        mvc.perform(get(url + "?status=IN_STOCK").with(httpBasic(manager, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"))
            .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("5,000")));
    }

    private static List<float[]> rects(String content) {
        var out = new ArrayList<float[]>();
        var m = RECT.matcher(content);
        while (m.find()) {
            out.add(new float[] {Float.parseFloat(m.group(1)), Float.parseFloat(m.group(2)), Float.parseFloat(m.group(3)),
                Float.parseFloat(m.group(4))});
        }
        return out;
    }

    /** The first label's QR code, rebuilt from the rectangles in the page's content stream (up to the first fill). */
    private static BitMatrix firstQr(String content) {
        var rects = rects(content.substring(0, content.indexOf("\nf") > 0 ? content.indexOf("\nf") : content.indexOf(" f")));
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = 0, maxY = 0;
        for (float[] r : rects) {
            minX = Math.min(minX, r[0]);
            minY = Math.min(minY, r[1]);
            maxX = Math.max(maxX, r[0] + r[2]);
            maxY = Math.max(maxY, r[1] + r[3]);
        }
        int scale = 4;
        int quiet = 40;
        int w = (int) Math.ceil((maxX - minX) * scale) + 2 * quiet;
        int h = (int) Math.ceil((maxY - minY) * scale) + 2 * quiet;
        var matrix = new BitMatrix(w, h);
        for (float[] r : rects) {
            int x0 = quiet + Math.round((r[0] - minX) * scale);
            int x1 = quiet + Math.round((r[0] + r[2] - minX) * scale);
            int y0 = quiet + Math.round((maxY - r[1] - r[3]) * scale);
            int y1 = quiet + Math.round((maxY - r[1]) * scale);
            matrix.setRegion(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        }
        return matrix;
    }

    private static String decode(BitMatrix matrix) throws Exception {
        int scale = matrix.getWidth() < 100 ? 4 : 1;
        int quiet = matrix.getWidth() < 100 ? 16 : 0;
        int w = matrix.getWidth() * scale + 2 * quiet;
        int h = matrix.getHeight() * scale + 2 * quiet;
        int[] pixels = new int[w * h];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < matrix.getHeight() * scale; y++) {
            for (int x = 0; x < matrix.getWidth() * scale; x++) {
                if (matrix.get(x / scale, y / scale)) {
                    pixels[(y + quiet) * w + x + quiet] = 0xFF000000;
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
