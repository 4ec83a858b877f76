package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Photos on a ticket are shown as small previews the server makes once; broken and bomb images never break an upload. */
@SpilIntegrationTest
class TicketThumbnailsTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String coordinator;
    String teacher;
    MockHttpSession session;
    String api;
    String web;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF).email();
        session = TenancyCheck.signIn(mvc, teacher);
        api = "/api/v1/schools/" + school.code() + "/tickets";
        web = "/schools/" + school.code() + "/tickets";
    }

    /** A real image of this size: a colour gradient with a diagonal, so scaling has something to keep. */
    static byte[] image(String format, int width, int height) {
        var img = new BufferedImage(width, height, format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, Math.abs(x - y) < 3 ? Color.BLACK.getRGB() : new Color(x * 255 / width, y * 255 / height, 128).getRGB());
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A valid PNG that claims 20000 × 20000 pixels (1.6 GB decoded) in a few hundred kilobytes of compressed zeros. */
    static byte[] pngBomb() throws IOException {
        int side = 20_000;
        var png = new ByteArrayOutputStream();
        var out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        var ihdr = new ByteArrayOutputStream();
        var h = new DataOutputStream(ihdr);
        h.writeInt(side);
        h.writeInt(side);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        var idat = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[1 + side * 3];
            for (int y = 0; y < side; y++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        var crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    long report() throws Exception {
        String body = mvc.perform(post(api).with(httpBasic(teacher, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"Scherm gebarsten\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    long upload(long number, String name, byte[] bytes) throws Exception {
        String body = mvc.perform(multipart(api + "/" + number + "/attachments").file(new MockMultipartFile("file", name, "image/png", bytes))
                .with(httpBasic(teacher, Fixtures.PASSWORD)))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    BufferedImage thumbnail(long number, long id) throws Exception {
        byte[] bytes = mvc.perform(get(web + "/" + number + "/attachments/" + id + "/thumbnail").session(session))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "image/jpeg"))
            .andExpect(header().string("Cache-Control", "max-age=604800, private"))
            .andExpect(header().string("ETag", "\"thumb-" + id + "\""))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn().getResponse().getContentAsByteArray();
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void photosGetASmallPreviewMadeOnceAndTheOriginalIsOneClickAway() throws Exception {
        long n = report();
        byte[] landscape = image("jpg", 1600, 1200);
        byte[] portrait = image("png", 400, 1000);
        byte[] small = image("png", 100, 50);
        long a = upload(n, "bord.jpg", landscape);
        long b = upload(n, "kabel.png", portrait);
        long c = upload(n, "icoon.png", small);
        var first = thumbnail(n, a);
        assertThat(first.getWidth()).isEqualTo(320);
        assertThat(first.getHeight()).isEqualTo(240);
        var second = thumbnail(n, b);
        assertThat(second.getWidth()).isEqualTo(128);
        assertThat(second.getHeight()).isEqualTo(320);
        var third = thumbnail(n, c);
        assertThat(third.getWidth()).as("never enlarged").isEqualTo(100);
        // stored at upload: the preview is a small fraction of the photo
        byte[] stored = jdbc.sql("select thumbnail from ticket_attachment where id = :id").param("id", a).query((rs, i) -> rs.getBytes(1)).single();
        assertThat(stored.length).isLessThan(landscape.length / 4);
        // the page shows previews, each a link to its original; the original is the uploaded file, byte for byte
        String page = mvc.perform(get(web + "/" + n).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (long id : new long[] {a, b, c}) {
            assertThat(page).contains("src=\"" + web + "/" + n + "/attachments/" + id + "/thumbnail\"",
                "href=\"" + web + "/" + n + "/attachments/" + id + "\"");
        }
        assertThat(page).doesNotContain("src=\"" + web + "/" + n + "/attachments/" + a + "\"");
        assertThat(mvc.perform(get(web + "/" + n + "/attachments/" + a).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray()).isEqualTo(landscape);
    }

    @Test
    void aDecompressionBombOrABrokenImageIsKeptWithoutAPreviewAndNeverBreaksTheUpload() throws Exception {
        long n = report();
        byte[] bomb = pngBomb();
        assertThat(bomb.length).isLessThan(3 * 1024 * 1024);
        long started = System.nanoTime();
        long bombId = upload(n, "bom.png", bomb);
        assertThat((System.nanoTime() - started) / 1_000_000).as("the header is read, the pixels are not").isLessThan(10_000);
        byte[] jpeg = image("jpg", 640, 480);
        byte[] broken = java.util.Arrays.copyOf(jpeg, 300);
        long brokenId = upload(n, "half.jpg", broken);
        for (long id : new long[] {bombId, brokenId}) {
            mvc.perform(get(web + "/" + n + "/attachments/" + id + "/thumbnail").session(session)).andExpect(status().isNotFound());
            assertThat(jdbc.sql("select thumbnail_state from ticket_attachment where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("NONE");
        }
        String page = mvc.perform(get(web + "/" + n).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">bom.png</span>", ">half.jpg</span>", "href=\"" + web + "/" + n + "/attachments/" + bombId + "\"")
            .doesNotContain("/attachments/" + bombId + "/thumbnail");
        assertThat(mvc.perform(get(web + "/" + n + "/attachments/" + bombId).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsByteArray()).hasSize(bomb.length);
    }

    @Test
    void aPhotoFromBeforePreviewsGetsItsPreviewOnFirstRequestAndKeepsIt() throws Exception {
        long n = report();
        long id = upload(n, "oud.jpg", image("jpg", 1000, 1000));
        jdbc.sql("update ticket_attachment set thumbnail = null, thumbnail_state = null where id = :id").param("id", id).update();
        assertThat(thumbnail(n, id).getWidth()).isEqualTo(320);
        assertThat(jdbc.sql("select thumbnail_state from ticket_attachment where id = :id").param("id", id).query(String.class).single())
            .isEqualTo("READY");
        assertThat(thumbnail(n, id).getHeight()).isEqualTo(320);
    }

    @Test
    void previewsKeepToWhoMaySeeThePhoto() throws Exception {
        long n = report();
        long id = upload(n, "foto.png", image("png", 300, 200));
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String colleague = fixtures.user(school, Role.STAFF).email();
        TenancyCheck.ui(mvc).outsider(outsider).manager(coordinator).staff(teacher)
            .read(web + "/" + n + "/attachments/" + id + "/thumbnail")
            .verify();
        TenancyCheck.api(mvc).outsider(outsider).manager(coordinator).staff(teacher)
            .read(api + "/" + n + "/attachments/" + id + "/thumbnail")
            .verify();
        mvc.perform(get(api + "/" + n + "/attachments/" + id + "/thumbnail").with(httpBasic(teacher, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"));
        long pdf = upload(n, "factuur.pdf", "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        mvc.perform(get(api + "/" + n + "/attachments").with(httpBasic(teacher, Fixtures.PASSWORD)))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[0].thumbnail").value(true))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$[1].thumbnail").value(false));
        mvc.perform(get(api + "/" + n + "/attachments/" + pdf + "/thumbnail").with(httpBasic(teacher, Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        // a colleague who may not see the ticket gets 404, like for the photo itself
        mvc.perform(get(web + "/" + n + "/attachments/" + id + "/thumbnail").session(TenancyCheck.signIn(mvc, colleague)))
            .andExpect(status().isNotFound());
    }
}
