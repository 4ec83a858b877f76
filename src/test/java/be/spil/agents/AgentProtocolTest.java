package be.spil.agents;

import static be.spil.agents.AgentTestClient.gzip;
import static be.spil.agents.AgentTestClient.inventory;
import static be.spil.agents.AgentTestClient.prolog;
import static be.spil.agents.AgentTestClient.send;
import static be.spil.agents.AgentTestClient.ungzip;
import static be.spil.agents.AgentTestClient.unzlib;
import static be.spil.agents.AgentTestClient.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.Assets;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The agents' XML protocol byte by byte: authentication, compression variants, replies, bad input and attacks. */
@SpilIntegrationTest
class AgentProtocolTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired AgentKeys keys;
    @Autowired Assets assets;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String key;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        key = AgentTestClient.key(keys, school);
    }

    private long assetCount() {
        return jdbc.sql("select count(*) from asset where school_id = :s").param("s", school.id()).query(Long.class).single();
    }

    @Test
    void prologIsAnsweredWithSendInTheCompressionOfTheRequest() throws Exception {
        var zlibbed = send(mvc, "/agent", school, key, zlib(prolog("pc-1")), "application/x-compress-zlib").getResponse();
        assertThat(zlibbed.getStatus()).isEqualTo(200);
        byte[] body = zlibbed.getContentAsByteArray();
        assertThat(body[0] & 0xff).as("zlib magic, default level").isEqualTo(0x78);
        assertThat(body[1] & 0xff).isEqualTo(0x9C);
        assertThat(unzlib(body)).contains("<PROLOG_FREQ>24</PROLOG_FREQ>").contains("<RESPONSE>SEND</RESPONSE>");

        var gzipped = send(mvc, "/ocsinventory", school, key, gzip(prolog("pc-1")), "application/x-compress-gzip").getResponse();
        assertThat(ungzip(gzipped.getContentAsByteArray())).contains("<RESPONSE>SEND</RESPONSE>");

        var plain = send(mvc, "/agent", school, key, prolog("pc-1").getBytes(StandardCharsets.UTF_8), "application/xml").getResponse();
        assertThat(plain.getContentAsString()).contains("<RESPONSE>SEND</RESPONSE>");
    }

    @Test
    void anInventoryMakesOneAssetAndASecondRunChangesNothing() throws Exception {
        String serial = "SN" + Fixtures.unique().toUpperCase();
        String doc = inventory("pc-2", serial, "lokaal12-pc3", "4c4c4544-0034-3010-8048-b6c04f503732", "aa:bb:cc:00:11:22", 8192,
            "LibreOffice|7.4", "Mozilla Firefox|115.0");
        var r = send(mvc, "/agent", school, key, zlib(doc), "application/x-compress-zlib").getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(unzlib(r.getContentAsByteArray())).contains("no_account_update");

        var asset = assets.search(school.id(), new be.spil.inventory.AssetFilter(serial, null, null, null, null, null, null, null),
            new be.spil.shared.Paging(0, 10), Fixtures.ADMIN).items();
        assertThat(asset).hasSize(1);
        var a = asset.get(0);
        assertThat(a.hostname()).isEqualTo("lokaal12-pc3");
        assertThat(a.category()).isEqualTo(AssetCategory.LAPTOP);
        assertThat(a.manufacturer()).isEqualTo("Dell Inc.");
        assertThat(a.macAddresses()).containsExactly("AA:BB:CC:00:11:22");
        assertThat(a.ipAddress()).isEqualTo("10.0.0.12");

        // same again (gzip this time): no new asset, no new version, no new history lines
        int history = assets.history(school.id(), a.id(), Fixtures.ADMIN).audit().size();
        send(mvc, "/agent", school, key, gzip(doc), "application/x-compress-gzip");
        var again = assets.get(school.id(), a.id(), Fixtures.ADMIN);
        assertThat(assetCount()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(a.version());
        assertThat(assets.history(school.id(), a.id(), Fixtures.ADMIN).audit()).hasSize(history);

        // more memory, LibreOffice updated: history says so
        String changed = inventory("pc-2", serial, "lokaal12-pc3", "4c4c4544-0034-3010-8048-b6c04f503732", "aa:bb:cc:00:11:22", 16384,
            "LibreOffice|24.2", "Mozilla Firefox|115.0");
        send(mvc, "/agent", school, key, changed.getBytes(StandardCharsets.UTF_8), "application/xml");
        var changes = assets.history(school.id(), a.id(), Fixtures.ADMIN).audit();
        assertThat(changes.toString()).contains("16 GB").contains("installed LibreOffice 24.2").contains("removed LibreOffice 7.4");

        var computer = mvc.perform(get("/api/v1/schools/" + school.code() + "/assets/" + a.tag() + "/computer")
                .with(httpBasic(fixtures.user(school, Role.STAFF).email(), Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.memoryMb").value(16384))
            .andExpect(jsonPath("$.osName").value("Debian GNU/Linux 12 (bookworm)"))
            .andExpect(jsonPath("$.disks.length()").value(1))
            .andExpect(jsonPath("$.peripherals[0].name").value("P2422H"))
            .andExpect(jsonPath("$.softwareCount").value(2))
            .andReturn();
        assertThat(computer.getResponse().getContentAsString()).contains("jan.peeters");
    }

    @Test
    void aMachineWithoutSerialIsMatchedByUuidThenByMac() throws Exception {
        String uuid = java.util.UUID.randomUUID().toString();
        send(mvc, "/agent", school, key, zlib(inventory("vm-1", "To be filled by O.E.M.", "vm1", uuid, "52:54:00:12:34:56", 2048)),
            "application/x-compress-zlib");
        send(mvc, "/agent", school, key, zlib(inventory("vm-1-reinstalled", "", "vm1-new", uuid, "52:54:00:12:34:57", 2048)),
            "application/x-compress-zlib");
        send(mvc, "/agent", school, key, zlib(inventory("vm-1-again", "", "vm1-new", "", "52:54:00:12:34:57", 2048)),
            "application/x-compress-zlib");
        assertThat(assetCount()).isEqualTo(1);
        assertThat(jdbc.sql("select serial from asset where school_id = :s").param("s", school.id()).query(String.class).optional())
            .isEmpty();
    }

    @Test
    void theLastUserIsMatchedToThePersonWithThatLogin() throws Exception {
        var person = fixtures.person(school, new be.spil.directory.PersonForm("Jan", "Peeters",
            "jan.peeters@" + Fixtures.unique() + ".be", be.spil.directory.PersonKind.STAFF, java.util.Set.of(Role.STAFF), null, null, null));
        send(mvc, "/agent", school, key, zlib(inventory("pc-user", "U" + Fixtures.unique(), "pc-user", "", "aa:bb:cc:dd:ee:07", 1024)),
            "application/x-compress");
        assertThat(jdbc.sql("select c.last_user_person from agent_computer c join asset a on a.id = c.asset_id where a.school_id = :s")
            .param("s", school.id()).query(Long.class).single()).isEqualTo(person.id());
    }

    @Test
    void oversizedFieldsAreCutToTheirColumns() throws Exception {
        String huge = "x".repeat(5000);
        String doc = inventory("pc-" + huge, "S" + huge, "h" + huge, huge, "not-a-mac", 1024, huge + "|" + huge)
            .replace("<CPUS><NAME>", "<CPUS><NAME>" + huge);
        var r = send(mvc, "/agent", school, key, zlib(doc), "application/x-compress").getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        var row = jdbc.sql("select serial, hostname, mac_addresses from asset where school_id = :s").param("s", school.id())
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        assertThat(row[0]).hasSize(100);
        assertThat(row[1]).hasSizeLessThanOrEqualTo(100);
        assertThat(row[2]).isNull();
        assertThat(jdbc.sql("select length(name) from agent_software s join asset a on a.id = s.asset_id where a.school_id = :s")
            .param("s", school.id()).query(Integer.class).single()).isEqualTo(255);
    }

    @Test
    void withoutAValidKeyAgentsGet401WithAChallengeTheyAnswer() throws Exception {
        byte[] body = zlib(prolog("pc-x"));
        for (var r : new org.springframework.mock.web.MockHttpServletResponse[] {
            send(mvc, "/agent", school, null, body, "application/x-compress").getResponse(),
            send(mvc, "/agent", school, "spilagent_wrong", body, "application/x-compress").getResponse(),
            send(mvc, "/ocsinventory", fixtures.school(), key, body, "application/x-compress").getResponse()}) {
            assertThat(r.getStatus()).isEqualTo(401);
            assertThat(r.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"\"");
        }
        var unknown = mvc.perform(post("/agent").with(httpBasic("no-such-school", key)).content(body)).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(401);

        long id = jdbc.sql("select id from agent_key where school_id = :s").param("s", school.id()).query(Long.class).single();
        keys.revoke(school.id(), id, Fixtures.ADMIN);
        assertThat(send(mvc, "/agent", school, key, body, "application/x-compress").getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void badBodiesAreRefusedWithAReasonAndWriteNothing() throws Exception {
        byte[] good = zlib(inventory("pc-bad", "BAD" + Fixtures.unique(), "pc-bad", "", "aa:aa:aa:aa:aa:01", 1024));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        var cases = new ArrayList<Object[]>();
        cases.add(new Object[] {"garbage".getBytes(StandardCharsets.UTF_8), 400, "neither XML nor JSON"});
        cases.add(new Object[] {new byte[0], 400, "empty"});
        cases.add(new Object[] {truncated, 400, "truncated"});
        cases.add(new Object[] {new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}, 400, "gzip"});
        cases.add(new Object[] {"<REQUEST><QUERY>INVENTORY</QUERY>".getBytes(StandardCharsets.UTF_8), 400, "malformed"});
        cases.add(new Object[] {"<REQUEST><DEVICEID>x</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8), 400, "CONTENT"});
        cases.add(new Object[] {"<REQUEST><DEVICEID>x</DEVICEID><QUERY>DROP</QUERY></REQUEST>".getBytes(StandardCharsets.UTF_8), 400, "QUERY"});
        cases.add(new Object[] {"<OTHER/>".getBytes(StandardCharsets.UTF_8), 400, "REQUEST"});
        cases.add(new Object[] {"{\"action\":".getBytes(StandardCharsets.UTF_8), 400, "JSON"});
        cases.add(new Object[] {("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<REQUEST><DEVICEID>&xxe;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>").getBytes(StandardCharsets.UTF_8), 400, "DTD"});
        cases.add(new Object[] {("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
            + "<REQUEST><DEVICEID>&lol2;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>").getBytes(StandardCharsets.UTF_8), 400, "DTD"});
        cases.add(new Object[] {zlib("<REQUEST><DEVICEID>&amp;x</DEVICEID><QUERY>PROLOG</QUERY><X>&unknown;</X></REQUEST>"), 400, "XML"});
        for (Object[] c : cases) {
            var r = send(mvc, "/agent", school, key, (byte[]) c[0], "application/x-compress").getResponse();
            assertThat(r.getStatus()).as("status for %s", c[2]).isEqualTo(c[1]);
            assertThat(r.getContentAsString()).as("reason").containsIgnoringCase((String) c[2]);
            assertThat(r.getContentAsString()).doesNotContain("root:");
        }
        assertThat(assetCount()).isZero();
        assertThat(jdbc.sql("select count(*) from agent_submission where school_id = :s and outcome = 'ERROR'").param("s", school.id())
            .query(Long.class).single()).as("refusals are traceable").isGreaterThanOrEqualTo(cases.size() - 2);
    }

    @Test
    void aCompressionBombStopsAtTheLimitWith413() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                z.write(zeros);
            }
        }
        assertThat(out.size()).isLessThan(1 << 20);
        var r = send(mvc, "/agent", school, key, out.toByteArray(), "application/x-compress").getResponse();
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(assetCount()).isZero();
    }

    @Test
    void theSameMachineSendingTwiceAtOnceMakesOneAsset() throws Exception {
        String serial = "RACE" + Fixtures.unique();
        byte[] doc = zlib(inventory("pc-race", serial, "race", "", "aa:bb:cc:dd:ee:01", 4096, "A|1", "B|2", "C|3"));
        int n = 4;
        var barrier = new CyclicBarrier(n);
        var pool = Executors.newFixedThreadPool(n);
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < n; i++) {
                tasks.add(() -> {
                    barrier.await();
                    return send(mvc, "/agent", school, key, doc, "application/x-compress").getResponse().getStatus();
                });
            }
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(assetCount()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from agent_software s join asset a on a.id = s.asset_id where a.school_id = :s""")
            .param("s", school.id()).query(Long.class).single()).isEqualTo(3);
        // and one set of installations in the catalog (the database's unique key), each title once
        assertThat(jdbc.sql("""
                select count(*) from software_installation i join asset a on a.id = i.asset_id
                where a.school_id = :s and i.removed_at is null and i.source = 'AGENT'""")
            .param("s", school.id()).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from software_title where school_id = :s").param("s", school.id())
            .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void keysAndPagesFollowTheTenancyRules() throws Exception {
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        var staff = fixtures.user(school, Role.STAFF).email();
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        send(mvc, "/agent", school, key, zlib(inventory("pc-t", "T" + Fixtures.unique(), "pc-t", "", "aa:bb:cc:dd:ee:02", 1024)),
            "application/x-compress");
        String tag = jdbc.sql("select tag from asset where school_id = :s").param("s", school.id()).query(String.class).single();
        String base = "/api/v1/schools/" + school.code();
        long apiKey = keys.create(school.id(), "revoke by api", Fixtures.ADMIN).id();
        long uiKey = keys.create(school.id(), "revoke by page", Fixtures.ADMIN).id();
        TenancyCheck.api(mvc).outsider(outsider).staff(staff).manager(coordinator).unchanged(base + "/agents")
            .admin(HttpMethod.GET, base + "/agent-keys", null)
            .admin(HttpMethod.POST, base + "/agent-keys", "{\"name\":\"lab\"}")
            .admin(HttpMethod.POST, base + "/agent-keys/" + apiKey + "/revoke", null)
            .read(base + "/agents")
            .read(base + "/assets/" + tag + "/computer")
            .verify();
        String page = "/schools/" + school.code();
        TenancyCheck.ui(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .admin(HttpMethod.GET, page + "/agent-keys", null)
            .admin(HttpMethod.POST, page + "/agent-keys", "name=lab")
            .admin(HttpMethod.POST, page + "/agent-keys/" + uiKey + "/revoke", "")
            .read(page + "/agents")
            .read(page + "/assets/" + tag + "/computer")
            .verify();
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndRevocable() throws Exception {
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        String body = mvc.perform(post("/api/v1/schools/" + school.code() + "/agent-keys").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"<script>alert(1)</script>\"}"))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.key").isString()).andReturn().getResponse().getContentAsString();
        String made = body.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.sql("select count(*) from agent_key where key_hash = :h").param("h", AgentKeys.hash(made)).query(Long.class).single())
            .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from agent_key where key_hash = :k").param("k", made).query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/schools/" + school.code() + "/agent-keys").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(made));
        mvc.perform(post("/api/v1/schools/" + school.code() + "/agent-keys").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "x".repeat(101) + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(post("/api/v1/schools/" + school.code() + "/agent-keys").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(send(mvc, "/agent", school, made, zlib(prolog("k")), "application/x-compress").getResponse().getStatus()).isEqualTo(200);
        mvc.perform(post("/api/v1/schools/" + school.code() + "/agent-keys/" + id + "/revoke").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isNoContent());
        assertThat(send(mvc, "/agent", school, made, zlib(prolog("k")), "application/x-compress").getResponse().getStatus()).isEqualTo(401);
        mvc.perform(post("/api/v1/schools/" + school.code() + "/agent-keys/999999999/revoke").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
    }
}
