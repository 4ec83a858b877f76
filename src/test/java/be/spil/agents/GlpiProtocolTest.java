package be.spil.agents;

import static be.spil.agents.AgentTestClient.unzlib;
import static be.spil.agents.AgentTestClient.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.spil.inventory.AssetCategory;
import be.spil.school.SchoolView;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GLPI agent's JSON protocol with the sample documents of the inventory format (MIT, in test resources): contact,
 * full and partial inventories (merged, never read as "everything else was removed"), printers and network devices.
 */
@SpilIntegrationTest
class GlpiProtocolTest {
    private static final String AGENT_ID = "3a609a2e-947f-4e6a-9af9-32c024ac3944";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired AgentKeys keys;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String key;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        key = AgentTestClient.key(keys, school);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = GlpiProtocolTest.class.getResourceAsStream("/agents/glpi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private MockHttpServletResponse send(byte[] body, String contentType) throws Exception {
        return mvc.perform(post("/agent").header("GLPI-Agent-ID", AGENT_ID).contentType(contentType).content(body)
            .with(httpBasic(school.code(), key))).andReturn().getResponse();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("s", school.id()).query(Long.class).single();
    }

    @Test
    void contactIsAnsweredWithStatusExpirationAndTheInventoryTask() throws Exception {
        String contact = "{\"action\":\"contact\",\"deviceid\":\"pc-glpi\",\"name\":\"GLPI-Agent\",\"version\":\"1.7\","
            + "\"enabled-tasks\":[\"inventory\"]}";
        var plain = send(contact.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(plain.getStatus()).isEqualTo(200);
        assertThat(plain.getContentType()).startsWith("application/json");
        JsonNode answer = JSON.readTree(plain.getContentAsString());
        assertThat(answer.path("status").asString()).isEqualTo("ok");
        assertThat(answer.path("expiration").asInt()).isPositive();
        assertThat(answer.path("tasks").has("inventory")).isTrue();

        var compressed = send(zlib(contact), "application/x-compress-zlib");
        assertThat(compressed.getContentType()).isEqualTo("application/x-compress-zlib");
        assertThat(JSON.readTree(unzlib(compressed.getContentAsByteArray())).path("status").asString()).isEqualTo("ok");
        assertThat(jdbc.sql("select agent from agent_device where school_id = :s").param("s", school.id()).query(String.class).single())
            .isEqualTo("GLPI-Agent_v1.7");
    }

    @Test
    void aFullInventoryThenAPartialOneMergesSections() throws Exception {
        var r = send(zlib(fixture("computer_1.json")), "application/x-compress-zlib");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(JSON.readTree(unzlib(r.getContentAsByteArray())).path("status").asString()).isEqualTo("ok");
        var asset = jdbc.sql("""
                select a.*, m.manufacturer, m.name as model from asset a left join asset_model m on m.id = a.model_id
                where a.school_id = :s""").param("s", school.id())
            .query((rs, n) -> List.of(rs.getString("serial"), rs.getString("hostname"), rs.getString("category"),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("mac_addresses"), rs.getString("system_uuid")))
            .single();
        assertThat(asset).containsExactly("640HP72", "glpixps", AssetCategory.LAPTOP.name(), "Dell Inc.", "XPS 13 9350",
            "00:E0:4C:68:01:DB, 44:85:00:2B:90:BC", "4c4c4544-0034-3010-8048-b6c04f503732");
        String join = " from %s x join asset a on a.id = x.asset_id where a.school_id = :s";
        assertThat(count("select count(*)" + join.formatted("agent_software"))).isEqualTo(6);
        assertThat(count("select count(*)" + join.formatted("agent_disk"))).isEqualTo(6);
        long interfaces = count("select count(*)" + join.formatted("agent_interface"));
        long peripherals = count("select count(*)" + join.formatted("agent_peripheral"));
        assertThat(interfaces).isPositive();
        // a monitor, a printer, the 4 of 9 USB devices that have a name, 5 input devices
        assertThat(peripherals).isEqualTo(1 + 1 + 4 + 5);
        assertThat(count("select memory_mb" + join.formatted("agent_computer"))).isEqualTo(7800);

        // the partial inventory carries only software (and the always-sent hardware, bios, os): one title added, one removed;
        // disks, interfaces, peripherals and MACs stay as they were
        r = send(fixture("computer_1_partial_softs.json").getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(count("select count(*) from asset where school_id = :s")).isEqualTo(1);
        assertThat(count("select count(*)" + join.formatted("agent_software"))).isEqualTo(6);
        assertThat(count("select count(*)" + join.formatted("agent_disk"))).isEqualTo(6);
        assertThat(count("select count(*)" + join.formatted("agent_interface"))).isEqualTo(interfaces);
        assertThat(count("select count(*)" + join.formatted("agent_peripheral"))).isEqualTo(peripherals);
        assertThat(jdbc.sql("select mac_addresses from asset where school_id = :s").param("s", school.id()).query(String.class).single())
            .isEqualTo("00:E0:4C:68:01:DB, 44:85:00:2B:90:BC");
        var history = jdbc.sql("""
                select changes from audit_event e join asset a on e.entity_type = 'asset' and e.entity_id = cast(a.id as varchar(64))
                where a.school_id = :s and e.summary = 'software'""").param("s", school.id()).query(String.class).list();
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).contains("installed").contains("removed");
    }

    @Test
    void printersAndNetworkDevicesBecomeAssetsOfTheirKind() throws Exception {
        assertThat(send(fixture("printer_1.json").getBytes(StandardCharsets.UTF_8), "application/json").getStatus()).isEqualTo(200);
        assertThat(send(zlib(fixture("networkequipment_1.json")), "application/x-compress-zlib").getStatus()).isEqualTo(200);
        assertThat(send(zlib(fixture("computer_2.json")), "application/x-compress-zlib").getStatus()).isEqualTo(200);
        var rows = jdbc.sql("select serial, category, hostname, ip_address from asset where school_id = :s order by serial")
            .param("s", school.id()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
            .list();
        assertThat(rows).containsExactly("2FAGP34 LAPTOP COMP1 null", "PHCVN191TG PRINTER NPIF2BE10 10.59.29.175",
            "SSI1912014B SWITCH ucs6248up-cluster-pa3-B 10.2.5.10");
    }

    @Test
    void badJsonIsRefusedWithAnErrorTheAgentLogs() throws Exception {
        for (String body : new String[] {"{\"action\":\"inventory\"", "[1,2]", "{\"action\":\"inventory\",\"deviceid\":\"x\"}",
            "{\"action\":\"rm -rf\",\"deviceid\":\"x\"}", "{\"deviceid\":\"x\"}"}) {
            var r = send(body.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(r.getStatus()).as(body).isEqualTo(400);
            JsonNode answer = JSON.readTree(r.getContentAsString());
            assertThat(answer.path("status").asString()).isEqualTo("error");
            assertThat(answer.path("message").asString()).isNotBlank();
        }
        assertThat(count("select count(*) from asset where school_id = :s")).isZero();
    }

    /** Every section and field the reader takes from GLPI documents is one the inventory format's schema defines. */
    @Test
    void theFieldsReadAreInTheSchema() throws Exception {
        JsonNode content = JSON.readTree(fixture("inventory.schema.json")).path("properties").path("content").path("properties");
        String[][] used = {
            {"hardware", "name", "uuid", "memory", "chassis_type", "vmsystem", "lastloggeduser"},
            {"bios", "ssn", "smanufacturer", "mmanufacturer", "smodel", "bmanufacturer", "bversion", "bdate"},
            {"operatingsystem", "full_name", "name", "version", "arch", "kernel_version", "fqdn"},
            {"cpus", "name", "core"}, {"memories", "capacity"}, {"drives", "type", "volumn", "filesystem", "total", "free"},
            {"networks", "description", "mac", "ipaddress", "virtualdev", "type"}, {"monitors", "caption", "name", "manufacturer", "serial"},
            {"softwares", "name", "version", "publisher"}, {"users", "login"},
            {"network_device", "name", "serial", "manufacturer", "model", "mac", "ips"}};
        for (String[] section : used) {
            JsonNode s = content.path(section[0]);
            assertThat(s.isMissingNode()).as("section %s", section[0]).isFalse();
            JsonNode props = s.has("items") ? s.path("items").path("properties") : s.path("properties");
            for (int i = 1; i < section.length; i++) {
                assertThat(props.has(section[i])).as("%s.%s in the schema", section[0], section[i]).isTrue();
            }
        }
        JsonNode top = JSON.readTree(fixture("inventory.schema.json")).path("properties");
        for (String field : new String[] {"action", "deviceid", "itemtype", "partial", "content"}) {
            assertThat(top.has(field)).as(field).isTrue();
        }
    }
}
