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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class TicketAttachmentsTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEIC = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1'};

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String coordinator;
    PersonView teacher;
    PersonView colleague;
    MockHttpSession teacherSession;
    String base;
    String api;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF);
        colleague = fixtures.user(school, Role.STAFF);
        teacherSession = TenancyCheck.signIn(mvc, teacher.email());
        base = "/schools/" + school.code() + "/tickets";
        api = "/api/v1" + base;
    }

    long tickets() {
        return jdbc.sql("select count(*) from ticket where school_id = :s").param("s", school.id()).query(Long.class).single();
    }

    long attachments() {
        return jdbc.sql("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id where t.school_id = :s")
            .param("s", school.id()).query(Long.class).single();
    }

    long report(String user) throws Exception {
        String body = mvc.perform(post(api).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"Scherm gebarsten\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    long upload(long number, String user, MockMultipartFile file, boolean internal) throws Exception {
        String body = mvc.perform(multipart(api + "/" + number + "/attachments").file(file).param("internal", String.valueOf(internal))
                .with(httpBasic(user, Fixtures.PASSWORD)))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void aTeacherReportsWithAPhotoFromThePhoneAndSeesItAsAThumbnail() throws Exception {
        String form = mvc.perform(get(base + "/new").session(teacherSession)).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("enctype=\"multipart/form-data\"", "accept=\"image/*\"", "capture=\"environment\"", "name=\"files\"");
        byte[] photoBytes = TicketThumbnailsTest.image("png", 800, 600);
        String location = mvc.perform(multipart(base).file(new MockMultipartFile("files", "IMG_0001.png", "image/png", photoBytes))
                .file(new MockMultipartFile("files", "factuur.pdf", "application/pdf", PDF))
                .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                .param("subject", "Beamer B.12 flikkert").param("description", "Zie foto")
                .session(teacherSession).with(csrf()))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(base + "/");
        long number = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = mvc.perform(get(location).session(teacherSession)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        long photo = jdbc.sql("select a.id from ticket_attachment a join ticket t on t.id = a.ticket_id where t.school_id = :s and "
            + "a.file_name = 'IMG_0001.png'").param("s", school.id()).query(Long.class).single();
        assertThat(page).contains("class=\"img-thumbnail", "alt=\"IMG_0001.png\"", base + "/" + number + "/attachments/" + photo + "/thumbnail",
            "href=\"" + base + "/" + number + "/attachments/" + photo + "\"", "factuur.pdf");
        mvc.perform(get(base + "/" + number + "/attachments/" + photo).session(teacherSession))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/png"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("Content-Disposition", containsString("inline")))
            .andExpect(header().string("Content-Disposition", containsString("IMG_0001.png")))
            .andExpect(content().bytes(photoBytes));
        mvc.perform(get(api + "/" + number + "/attachments").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$", hasSize(2)))
            .andExpect(jsonPath("$[1].contentType").value("application/pdf"))
            .andExpect(jsonPath("$[1].image").value(false));
        long pdf = jdbc.sql("select id from ticket_attachment where file_name = 'factuur.pdf' and id > :p").param("p", photo)
            .query(Long.class).single();
        mvc.perform(get(api + "/" + number + "/attachments/" + pdf).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(content().contentType("application/pdf"))
            .andExpect(header().string("Content-Disposition", containsString("attachment")));
        // the history names the files
        mvc.perform(get(api + "/" + number + "/history").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(content().string(containsString("IMG_0001.png")));
    }

    @Test
    void aFileRenamedToJpgIsRefusedByItsContentAndNothingIsWritten() throws Exception {
        long before = tickets();
        var fake = new MockMultipartFile("files", "vakantie.jpg", "image/jpeg", "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1));
        mvc.perform(multipart(base).file(fake).param("subject", "Met een virus").session(teacherSession).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(base + "/new"));
        assertThat(tickets()).isEqualTo(before);
        // the form shows the message next to the file input and keeps what was typed
        var flash = mvc.perform(multipart(base).file(fake).param("subject", "Met een virus").session(teacherSession).with(csrf()))
            .andReturn().getFlashMap();
        String page = mvc.perform(get(base + "/new").session(teacherSession).flashAttrs(flash)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"files-error\"", "vakantie.jpg is geen foto (JPEG, PNG, WebP, HEIC) of PDF.", "value=\"Met een virus\"");
        long n = report(teacher.email());
        mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "x.jpg", "image/jpeg",
                "<script>alert(1)</script><html>".getBytes(StandardCharsets.UTF_8))).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("files"))
            .andExpect(jsonPath("$.errors[0].message").value("x.jpg is not a photo (JPEG, PNG, WebP, HEIC) or PDF."));
        mvc.perform(multipart(api + "/" + n + "/attachments").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "leeg.png", "image/png", new byte[0]))
                .with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("files"));
        mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "a.png", "image/png", PNG))
                .param("internal", "misschien").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest());
        mvc.perform(post(api + "/" + n + "/attachments").with(httpBasic(teacher.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnsupportedMediaType());
        assertThat(attachments()).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        long n = report(teacher.email());
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "groot.png", "image/png", big))
                .with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message").value("groot.png is larger than 10 MB."));
        // on a reply: nothing is written, not even the reply
        mvc.perform(multipart(base + "/" + n + "/comments").file(new MockMultipartFile("files", "groot.png", "image/png", big))
                .param("body", "Hier de foto").session(teacherSession).with(csrf()))
            .andExpect(status().is3xxRedirection());
        assertThat(attachments()).isZero();
        assertThat(jdbc.sql("select count(*) from ticket_comment c join ticket t on t.id = c.ticket_id where t.school_id = :s")
            .param("s", school.id()).query(Long.class).single()).isZero();
        // a HEIC photo from an iPhone is taken (and offered as a download, browsers do not show it)
        long heic = upload(n, teacher.email(), new MockMultipartFile("file", "IMG_4032.HEIC", "image/heic", HEIC), false);
        mvc.perform(get(api + "/" + n + "/attachments/" + heic).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(content().contentType("image/heic")).andExpect(header().string("Content-Disposition", containsString("attachment")));
    }

    @Test
    void anotherSchoolsTicketsFilesAnswer404() throws Exception {
        long n = report(teacher.email());
        long file = upload(n, teacher.email(), new MockMultipartFile("file", "foto.png", "image/png", PNG), false);
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        TenancyCheck.api(mvc).outsider(outsider).manager(coordinator).staff(teacher.email())
            .unchanged(api + "/" + n + "/attachments")
            .read(api + "/" + n + "/attachments")
            .read(api + "/" + n + "/attachments/" + file)
            .verify();
        TenancyCheck.ui(mvc).outsider(outsider).manager(coordinator).staff(teacher.email())
            .read(base + "/" + n + "/attachments/" + file)
            .verify();
        mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "foto.png", "image/png", PNG))
            .with(httpBasic(outsider, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        // the other school's own ticket does not open this school's file either, by number or by id
        String otherTeacher = fixtures.user(other, Role.STAFF).email();
        mvc.perform(post("/api/v1/schools/" + other.code() + "/tickets").with(httpBasic(otherTeacher, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"Elders\"}")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/schools/" + other.code() + "/tickets/1/attachments/" + file).with(httpBasic(outsider, Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        // a colleague of the same school does not see the teacher's ticket nor its files
        mvc.perform(get(api + "/" + n + "/attachments/" + file).with(httpBasic(colleague.email(), Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        assertThat(attachments()).isEqualTo(1);
    }

    @Test
    void theReporterNeverGetsAnInternalNotesFile() throws Exception {
        long n = report(teacher.email());
        var coordinatorSession = TenancyCheck.signIn(mvc, coordinator);
        mvc.perform(multipart(base + "/" + n + "/comments").file(new MockMultipartFile("files", "offerte.pdf", "application/pdf", PDF))
                .param("body", "Offerte van de leverancier").param("internal", "true").session(coordinatorSession).with(csrf()))
            .andExpect(status().is3xxRedirection());
        long internal = jdbc.sql("select a.id from ticket_attachment a join ticket t on t.id = a.ticket_id where t.school_id = :s")
            .param("s", school.id()).query(Long.class).single();
        assertThat(jdbc.sql("select internal from ticket_attachment where id = :id").param("id", internal).query(Boolean.class).single()).isTrue();
        mvc.perform(get(api + "/" + n + "/attachments/" + internal).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(get(base + "/" + n + "/attachments/" + internal).session(teacherSession)).andExpect(status().isNotFound());
        mvc.perform(get(api + "/" + n + "/attachments").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$", hasSize(0)));
        assertThat(mvc.perform(get(base + "/" + n).session(teacherSession)).andReturn().getResponse().getContentAsString())
            .doesNotContain("offerte.pdf");
        assertThat(mvc.perform(get(base + "/" + n).session(coordinatorSession)).andReturn().getResponse().getContentAsString())
            .contains("offerte.pdf");
        mvc.perform(get(api + "/" + n + "/attachments/" + internal).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk());
        // the reporter cannot make an internal file
        mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "a.png", "image/png", PNG))
                .param("internal", "true").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("internal"));
    }

    @Test
    void fileNamesAreKeptInertAndWithoutFolders() {
        assertThat(TicketAttachments.displayName("C:\\Users\\jan\\<img src=x onerror=alert(1)>.png")).isEqualTo("<img src=x onerror=alert(1)>.png");
        assertThat(TicketAttachments.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(TicketAttachments.displayName("  ")).isEqualTo("bestand");
        assertThat(TicketAttachments.displayName("a\u0000b\nc.pdf")).isEqualTo("abc.pdf");
        assertThat(FileKind.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(FileKind.WEBP);
        assertThat(FileKind.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1})).contains(FileKind.JPEG);
        assertThat(FileKind.of("GIF89a.........".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileKind.of(new byte[3])).isEmpty();
    }
}
