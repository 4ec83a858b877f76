package be.spil.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** An agent's inventory file taken in by whoever manages the school: as if the agent had sent it; others refused. */
@SpilIntegrationTest
class InventoryFilesTest {
    @Autowired InventoryFiles files;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void aFileBecomesTheAssetWithItsSoftwareAndBadFilesOrOtherSchoolsAreRefused() throws Exception {
        var school = fixtures.school();
        var other = fixtures.school();
        String serial = "IF" + Fixtures.unique();
        byte[] xml = AgentSoftwareCatalogTest.windows("lt-file", serial, "00:11:22:33:47:01", "Mozilla Firefox (x64 nl)|128.0|Mozilla|")
            .getBytes(StandardCharsets.UTF_8);
        var accepted = files.accept(school.id(), AgentTestClient.zlib(new String(xml, StandardCharsets.UTF_8)), Fixtures.ADMIN);
        assertThat(accepted.created()).isTrue();
        assertThat(files.accept(school.id(), xml, Fixtures.ADMIN)).isEqualTo(new InventoryFiles.Accepted(accepted.assetId(), accepted.tag(), false));
        assertThat(jdbc.sql("select t.name from software_installation i join software_title t on t.id = i.title_id where i.asset_id = :a")
            .param("a", accepted.assetId()).query(String.class).list()).containsExactly("Mozilla Firefox");

        byte[] json = GlpiProtocolTest.fixture("computer_2.json").getBytes(StandardCharsets.UTF_8);
        assertThat(files.accept(school.id(), json, Fixtures.ADMIN).created()).isTrue();

        for (String bad : new String[] {"", "   ", "<REQUEST><CONTENT>", "<!DOCTYPE x [<!ENTITY e \"e\">]><REQUEST/>", "{\"content\":1}", "\u0000\u0001"}) {
            assertThatThrownBy(() -> files.accept(school.id(), bad.getBytes(StandardCharsets.UTF_8), Fixtures.ADMIN)).as(bad)
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("document"));
        }
        var staff = fixtures.user(school, Role.STAFF);
        var staffCaller = new Caller(staff.id(), staff.email(), "staff", false, Map.of(school.id(), java.util.Set.of(Role.STAFF)));
        assertThatThrownBy(() -> files.accept(school.id(), xml, staffCaller)).isInstanceOf(AccessDeniedException.class);
        var outsider = new Caller(1, "x@example.be", "x", false, Map.of(other.id(), java.util.Set.of(Role.ICT_COORDINATOR)));
        assertThatThrownBy(() -> files.accept(school.id(), xml, outsider)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from asset where school_id = :s").param("s", school.id()).query(Long.class).single())
            .isEqualTo(2);
    }
}
