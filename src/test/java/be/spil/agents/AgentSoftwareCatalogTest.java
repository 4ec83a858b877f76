package be.spil.agents;

import static be.spil.agents.AgentTestClient.send;
import static be.spil.agents.AgentTestClient.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.InstallationSource;
import be.spil.inventory.LicenceType;
import be.spil.inventory.Software;
import be.spil.inventory.SoftwareCategory;
import be.spil.inventory.SoftwarePlatform;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Installed software from agents in the inventory: normalised titles in the school's catalog, AGENT installations on
 * the asset (never touching MANUAL ones), removals on a later inventory, partial inventories merged, and licence
 * compliance counting them — end to end through the agent endpoint.
 */
@SpilIntegrationTest
class AgentSoftwareCatalogTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired AgentKeys keys;
    @Autowired Software software;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String key;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        key = AgentTestClient.key(keys, school);
    }

    /** A Windows laptop's inventory; programs as "name|version|publisher|category". */
    static String windows(String deviceId, String serial, String mac, String... programs) {
        var soft = new StringBuilder();
        for (String p : programs) {
            String[] f = p.split("\\|", -1);
            soft.append("<SOFTWARES><NAME>").append(xml(f[0])).append("</NAME><VERSION>").append(xml(f[1])).append("</VERSION>");
            if (f.length > 2 && !f[2].isEmpty()) {
                soft.append("<PUBLISHER>").append(xml(f[2])).append("</PUBLISHER>");
            }
            if (f.length > 3 && !f[3].isEmpty()) {
                soft.append("<SYSTEM_CATEGORY>").append(f[3]).append("</SYSTEM_CATEGORY>");
            }
            soft.append("<FROM>registry</FROM></SOFTWARES>\n");
        }
        return """
            <?xml version="1.0" encoding="UTF-8" ?>
            <REQUEST><CONTENT>
              <BIOS><SMANUFACTURER>LENOVO</SMANUFACTURER><SMODEL>ThinkPad L14</SMODEL><SSN>%s</SSN></BIOS>
              <HARDWARE><NAME>LT-%s</NAME><MEMORY>16384</MEMORY><CHASSIS_TYPE>Notebook</CHASSIS_TYPE></HARDWARE>
              <OPERATINGSYSTEM><NAME>Windows</NAME><FULL_NAME>Microsoft Windows 11 Pro</FULL_NAME><VERSION>23H2</VERSION></OPERATINGSYSTEM>
              <NETWORKS><DESCRIPTION>Wi-Fi</DESCRIPTION><MACADDR>%s</MACADDR><IPADDRESS>10.1.2.3</IPADDRESS></NETWORKS>
              %s
              <VERSIONCLIENT>FusionInventory-Agent_v2.6</VERSIONCLIENT>
            </CONTENT><DEVICEID>%s</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>
            """.formatted(serial, serial, mac, soft, deviceId);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    private void inventory(String deviceId, String serial, String mac, String... programs) throws Exception {
        var r = send(mvc, "/agent", school, key, zlib(windows(deviceId, serial, mac, programs)), "application/x-compress");
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    }

    private long asset(String serial) {
        return jdbc.sql("select id from asset where school_id = :s and serial = :n").param("s", school.id()).param("n", serial)
            .query(Long.class).single();
    }

    /** title → "source version" of the asset's current installations. */
    private Map<String, String> installed(long asset) {
        var m = new TreeMap<String, String>();
        software.installedOn(school.id(), asset, Fixtures.ADMIN)
            .forEach(i -> m.put(i.title(), i.source() + " " + i.versionText()));
        return m;
    }

    private List<String> titles() {
        return jdbc.sql("select name from software_title where school_id = :s order by name_key").param("s", school.id())
            .query(String.class).list();
    }

    @Test
    void programsBecomeNormalisedTitlesAndAgentInstallationsThatLaterInventoriesKeepUpToDate() throws Exception {
        // a title entered by hand with other case and a manual installation of another title
        var firefox = software.createTitle(school.id(), new Software.TitleForm("mozilla firefox", "Mozilla", SoftwareCategory.BROWSER,
            SoftwarePlatform.MULTI, null), Fixtures.ADMIN);
        inventory("lt-1", "PF1AAAA1", "00:11:22:33:44:01",
            "Mozilla Firefox (x64 nl)|128.0|Mozilla|application",
            "Mozilla Firefox 115.12.0 (x86 en-US)|115.12.0|Mozilla|application",
            "Mozilla Maintenance Service|128.0|Mozilla|application",
            "LibreOffice 24.2.0.3|24.2.0.3|The Document Foundation|application",
            "7-Zip 23.01 (x64)|23.01|Igor Pavlov|application",
            "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130|14.38.33130|Microsoft Corporation|application",
            "Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33130|14.38.33130|Microsoft Corporation|application",
            "Microsoft Visual C++ 2022 X64 Minimum Runtime - 14.38.33130|14.38.33130|Microsoft Corporation|system_component",
            "Security Update for Microsoft Office 2016 (KB4484103) 64-Bit Edition||Microsoft Corporation|security_update",
            "KB5034441|1|Microsoft Corporation|",
            "Dropbox (remove only)|190.4.6383|Dropbox, Inc.|application");
        long laptop = asset("PF1AAAA1");
        var geogebra = software.createTitle(school.id(), new Software.TitleForm("GeoGebra Classic", null, SoftwareCategory.EDUCATIONAL,
            SoftwarePlatform.WINDOWS, null), Fixtures.ADMIN);
        software.install(school.id(), new Software.InstallForm(laptop, geogebra.id(), "6.0", null), Fixtures.ADMIN);

        assertThat(titles()).containsExactly("7-Zip", "Dropbox", "GeoGebra Classic", "LibreOffice",
            "Microsoft Visual C++ 2015-2022 Redistributable", "mozilla firefox", "Mozilla Maintenance Service");
        assertThat(installed(laptop)).containsOnly(
            Map.entry("7-Zip", "AGENT 23.01"),
            Map.entry("Dropbox", "AGENT 190.4.6383"),
            Map.entry("GeoGebra Classic", "MANUAL 6.0"),
            Map.entry("LibreOffice", "AGENT 24.2.0.3"),
            Map.entry("Microsoft Visual C++ 2015-2022 Redistributable", "AGENT 14.38.33130"),
            Map.entry("mozilla firefox", "AGENT 115.12.0, 128.0"),
            Map.entry("Mozilla Maintenance Service", "AGENT 128.0"));
        var made = jdbc.sql("select publisher, platform, category, updated_by from software_title where school_id = :s and name = 'LibreOffice'")
            .param("s", school.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        assertThat(made).containsExactly("The Document Foundation", "WINDOWS", "OFFICE", "agent@spil");
        assertThat(software.title(school.id(), firefox.id(), Fixtures.ADMIN).installations()).isEqualTo(1);

        // the next inventory: LibreOffice gone, Firefox updated, the same other programs; the manual installation stays
        inventory("lt-1", "PF1AAAA1", "00:11:22:33:44:01",
            "Mozilla Firefox (x64 nl)|129.0|Mozilla|application",
            "Mozilla Firefox 115.12.0 (x86 en-US)|115.12.0|Mozilla|application",
            "Mozilla Maintenance Service|128.0|Mozilla|application",
            "7-Zip 23.01 (x64)|23.01|Igor Pavlov|application",
            "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130|14.38.33130|Microsoft Corporation|application",
            "Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33130|14.38.33130|Microsoft Corporation|application",
            "Dropbox (remove only)|190.4.6383|Dropbox, Inc.|application");
        assertThat(installed(laptop)).containsOnlyKeys("7-Zip", "Dropbox", "GeoGebra Classic",
                "Microsoft Visual C++ 2015-2022 Redistributable", "mozilla firefox", "Mozilla Maintenance Service")
            .containsEntry("mozilla firefox", "AGENT 115.12.0, 129.0").containsEntry("GeoGebra Classic", "MANUAL 6.0");
        var libre = jdbc.sql("select count(*) from software_installation i join software_title t on t.id = i.title_id "
                + "where i.asset_id = :a and t.name = 'LibreOffice' and i.removed_at is not null and i.source = 'AGENT'")
            .param("a", laptop).query(Long.class).single();
        assertThat(libre).as("LibreOffice's installation is kept, marked removed").isEqualTo(1);
        assertThat(software.installations(school.id(), null, laptop, new be.spil.shared.Paging(0, 50), Fixtures.ADMIN).items())
            .allMatch(i -> i.source() == (i.title().equals("GeoGebra Classic") ? InstallationSource.MANUAL : InstallationSource.AGENT));

        // LibreOffice back: the same row again, not removed
        inventory("lt-1", "PF1AAAA1", "00:11:22:33:44:01",
            "Mozilla Firefox (x64 nl)|129.0|Mozilla|application",
            "LibreOffice 24.8.1.2|24.8.1.2|The Document Foundation|application");
        assertThat(installed(laptop)).containsOnlyKeys("GeoGebra Classic", "LibreOffice", "mozilla firefox")
            .containsEntry("LibreOffice", "AGENT 24.8.1.2").containsEntry("mozilla firefox", "AGENT 129.0");
        assertThat(jdbc.sql("select count(*) from software_installation where asset_id = :a").param("a", laptop).query(Long.class)
            .single()).as("one row per title and asset, removed or not").isEqualTo(7);
    }

    @Test
    void licenceComplianceCountsWhatAgentsReport() throws Exception {
        var reader = fixtures.user(school, Role.STAFF);
        inventory("lt-a", "PF2BBBB1", "00:11:22:33:45:01", "Adobe Acrobat (64-bit)|24.001|Adobe Inc.|application",
            "Mozilla Firefox (x64 nl)|128.0|Mozilla|application");
        inventory("lt-b", "PF2BBBB2", "00:11:22:33:45:02", "Adobe Acrobat (64-bit)|24.002|Adobe Inc.|application");
        inventory("lt-c", "PF2BBBB3", "00:11:22:33:45:03", "Adobe Acrobat|24.002|Adobe Systems Incorporated|application");
        long acrobat = jdbc.sql("select id from software_title where school_id = :s and name = 'Adobe Acrobat'").param("s", school.id())
            .query(Long.class).single();
        software.createLicence(school.id(), new Software.LicenceForm(acrobat, LicenceType.PER_DEVICE, 2, null, null, null, null, null,
            null, null, null, null), Fixtures.ADMIN);

        var row = software.compliance(school.id(), Fixtures.ADMIN).titles().stream().filter(t -> t.titleId() == acrobat).findFirst()
            .orElseThrow();
        assertThat(row.seats()).isEqualTo(2);
        assertThat(row.used()).isEqualTo(3);
        assertThat(row.overUse()).isEqualTo(1);
        mvc.perform(get("/api/v1/schools/{c}/software/compliance", school.code()).with(httpBasic(reader.email(), Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.titles[?(@.title == 'Adobe Acrobat')].used").value(3))
            .andExpect(jsonPath("$.titles[?(@.title == 'Adobe Acrobat')].overUse").value(1));

        // the program removed from one laptop: within the licence again
        inventory("lt-c", "PF2BBBB3", "00:11:22:33:45:03", "Mozilla Firefox (x64 nl)|128.0|Mozilla|application");
        row = software.compliance(school.id(), Fixtures.ADMIN).titles().stream().filter(t -> t.titleId() == acrobat).findFirst()
            .orElseThrow();
        assertThat(row.used()).isEqualTo(2);
        assertThat(row.overUse()).isZero();
    }

    @Test
    void aPartialGlpiInventoryWithoutSoftwareLeavesInstallationsAloneAndOneWithSoftwareUpdatesThem() throws Exception {
        String full = GlpiProtocolTest.fixture("computer_1.json");
        String partial = GlpiProtocolTest.fixture("computer_1_partial_softs.json");
        glpi(full);
        long asset = jdbc.sql("select asset_id from agent_device where school_id = :s").param("s", school.id()).query(Long.class).single();
        var before = installed(asset);
        assertThat(before).containsEntry("gitg", "AGENT 3.32.1-1.fc31").containsKey("gnome-calculator");
        assertThat(before).hasSizeGreaterThan(3);

        String noSoftware = "{\"action\":\"inventory\",\"deviceid\":\"" + deviceId(full) + "\",\"itemtype\":\"Computer\","
            + "\"partial\":true,\"content\":{\"versionclient\":\"GLPI-Agent_v1.7\"}}";
        glpi(noSoftware);
        assertThat(installed(asset)).isEqualTo(before);

        glpi(partial);
        var after = installed(asset);
        assertThat(after).containsEntry("gitg", "AGENT 3.33.0-1.fc31");
        assertThat(after.keySet()).isEqualTo(before.keySet());
    }

    @Test
    void anInventoryOfMoreThanAThousandProgramsLandsWhole() throws Exception {
        var programs = new ArrayList<String>();
        for (int i = 0; i < 1_200; i++) {
            programs.add("Schoolpakket-" + i + " (x64 nl)|1." + i + "|Uitgever " + (i % 7) + " BV|application");
        }
        inventory("lt-big", "PF3CCCC1", "00:11:22:33:46:01", programs.toArray(String[]::new));
        long asset = asset("PF3CCCC1");
        assertThat(installed(asset)).hasSize(1_200).containsEntry("Schoolpakket-0", "AGENT 1.0").containsEntry("Schoolpakket-1199", "AGENT 1.1199");
        assertThat(jdbc.sql("select count(distinct publisher) from software_title where school_id = :s").param("s", school.id())
            .query(Long.class).single()).isEqualTo(7);
        // the same again changes nothing
        var versions = jdbc.sql("select sum(version) from software_installation where asset_id = :a").param("a", asset)
            .query(Long.class).single();
        inventory("lt-big", "PF3CCCC1", "00:11:22:33:46:01", programs.toArray(String[]::new));
        assertThat(jdbc.sql("select sum(version) from software_installation where asset_id = :a").param("a", asset).query(Long.class)
            .single()).isEqualTo(versions);
    }

    private static String deviceId(String json) {
        var m = java.util.regex.Pattern.compile("\"deviceid\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : "computer1";
    }

    private void glpi(String json) throws Exception {
        var r = mvc.perform(post("/agent").header("GLPI-Agent-ID", "3a609a2e-947f-4e6a-9af9-32c024ac3944")
            .contentType("application/json").content(json.getBytes(StandardCharsets.UTF_8)).with(httpBasic(school.code(), key)))
            .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
    }
}
