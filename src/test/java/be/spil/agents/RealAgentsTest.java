package be.spil.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.spil.school.SchoolView;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real agents from Debian's packages (installed by .ci/run) report to the running application over HTTP: the
 * FusionInventory agent (PROLOG, then INVENTORY, zlib) and the OCS Inventory agent. Skipped only when a binary is absent.
 */
@SpilIntegrationTest
class RealAgentsTest {
    private static final Path FUSION = Path.of("/usr/bin/fusioninventory-agent");
    private static final Path OCS = Path.of("/usr/bin/ocsinventory-agent");

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired AgentKeys keys;
    @Autowired JdbcClient jdbc;

    record Run(int exit, String output) {}

    private static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
        var log = dir.resolve("agent-" + System.nanoTime() + ".log");
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("agent did not finish in 300 s: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private long assets(SchoolView school) {
        return jdbc.sql("select count(*) from asset where school_id = :s").param("s", school.id()).query(Long.class).single();
    }

    private long software(SchoolView school) {
        return jdbc.sql("select count(*) from agent_software s join asset a on a.id = s.asset_id where a.school_id = :s")
            .param("s", school.id()).query(Long.class).single();
    }

    /** The asset's current AGENT installations: titles of the catalog, libraries left out. */
    private java.util.Map<String, String> installations(SchoolView school) {
        var m = new java.util.TreeMap<String, String>();
        jdbc.sql("""
                select t.name, i.version_text from software_installation i join software_title t on t.id = i.title_id
                where i.school_id = :s and i.source = 'AGENT' and i.removed_at is null""")
            .param("s", school.id()).query((rs, n) -> m.put(rs.getString(1), rs.getString(2))).list();
        return m;
    }

    private static String hostname() throws IOException, InterruptedException {
        var p = new ProcessBuilder("hostname").start();
        p.waitFor(10, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theFusionInventoryAgentReportsThisMachineAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(FUSION), "fusioninventory-agent is not installed: apt-get install fusioninventory-agent");
        var school = fixtures.school();
        String key = AgentTestClient.key(keys, school);
        var command = new ArrayList<>(List.of(FUSION.toString(), "--server", "http://127.0.0.1:" + port + "/agent", "--user",
            school.code(), "--password", key, "--tasks=inventory", "--logger=stderr", "--no-httpd", "--debug"));
        var first = run(command, dir);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).as(first.output()).contains("sending prolog request").doesNotContain("[error]");
        assertThat(assets(school)).as(first.output()).isEqualTo(1);
        var asset = jdbc.sql("select id, hostname, serial, version, last_seen_at from asset where school_id = :s").param("s", school.id())
            .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("hostname"), rs.getString("serial"), rs.getInt("version")})
            .single();
        String host = hostname();
        assertThat(((String) asset[1]).toLowerCase()).as("hostname").startsWith(host.toLowerCase().split("\\.")[0]);
        String reported = Files.exists(Path.of("/sys/class/dmi/id/product_serial"))
            ? Files.readString(Path.of("/sys/class/dmi/id/product_serial")).strip() : "";
        if (!reported.isEmpty() && !reported.equalsIgnoreCase("To be filled by O.E.M.") && !reported.equals("0")) {
            assertThat(asset[2]).as("serial").isEqualTo(reported);
        }
        long software = software(school);
        assertThat(software).as("installed packages").isGreaterThan(10);
        assertThat(jdbc.sql("select agent from agent_device where school_id = :s").param("s", school.id()).query(String.class).single())
            .containsIgnoringCase("FusionInventory");

        var titles = installations(school);
        assertThat(titles).as("the agent itself is a title of the catalog").containsKey("fusioninventory-agent");
        assertThat(titles.keySet()).as("libraries are no titles").noneMatch(t -> t.startsWith("libc6") || t.startsWith("libssl"));
        assertThat(titles.size()).as("fewer titles than packages").isBetween(5, (int) software - 1);

        var second = run(command, dir);
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(assets(school)).isEqualTo(1);
        assertThat(software(school)).isEqualTo(software);
        assertThat(installations(school)).as("a second run changes no installation").isEqualTo(titles);
        assertThat(jdbc.sql("select version from asset where school_id = :s").param("s", school.id()).query(Integer.class).single())
            .as("a second run changes nothing").isEqualTo(asset[3]);
    }

    @Test
    void theOcsInventoryAgentReportsThisMachine(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(OCS), "ocsinventory-agent is not installed: apt-get install ocsinventory-agent");
        var school = fixtures.school();
        String key = AgentTestClient.key(keys, school);
        // the OCS agent 2.10 takes user and password base64-encoded (it decodes them before use)
        var b64 = java.util.Base64.getEncoder();
        var command = List.of(OCS.toString(), "--server", "http://127.0.0.1:" + port + "/ocsinventory", "--user",
            b64.encodeToString(school.code().getBytes(StandardCharsets.UTF_8)), "--password",
            b64.encodeToString(key.getBytes(StandardCharsets.UTF_8)), "--nolocal", "--basevardir", dir.toString(), "--logfile", dir.resolve("ocs.log").toString(), "--debug");
        var first = run(command, dir);
        String log = first.output() + (Files.exists(dir.resolve("ocs.log")) ? Files.readString(dir.resolve("ocs.log")) : "");
        assertThat(first.exit()).as(log).isZero();
        assertThat(assets(school)).as(log).isEqualTo(1);
        String host = hostname();
        assertThat(jdbc.sql("select hostname from asset where school_id = :s").param("s", school.id()).query(String.class).single())
            .as(log).isNotNull().startsWithIgnoringCase(host.split("\\.")[0]);
        assertThat(software(school)).as(log).isGreaterThan(10);
        assertThat(installations(school)).as("the OCS agent sends no Debian sections: libraries are told by their names")
            .containsKey("ocsinventory-agent").doesNotContainKey("libc6");
        assertThat(jdbc.sql("select protocol from agent_device where school_id = :s").param("s", school.id()).query(String.class).single())
            .isEqualTo("OCS");
    }
}
