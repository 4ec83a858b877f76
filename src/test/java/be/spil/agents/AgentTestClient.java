package be.spil.agents;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import be.spil.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Posts agent documents the way the agents do, and reads their replies. */
final class AgentTestClient {
    private AgentTestClient() {}

    static String key(AgentKeys keys, SchoolView school) {
        return keys.create(school.id(), "test", Fixtures.ADMIN).key();
    }

    static MvcResult send(MockMvc mvc, String path, SchoolView school, String key, byte[] body, String contentType) throws Exception {
        var request = post(path).contentType(contentType).content(body);
        if (key != null) {
            request.with(httpBasic(school.code(), key));
        }
        return mvc.perform(request).andReturn();
    }

    static byte[] zlib(String text) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static byte[] gzip(String text) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String unzlib(byte[] data) throws IOException {
        try (var in = new InflaterInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String ungzip(byte[] data) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String prolog(String deviceId) {
        return """
            <?xml version="1.0" encoding="UTF-8" ?>
            <REQUEST>
              <DEVICEID>%s</DEVICEID>
              <QUERY>PROLOG</QUERY>
              <TOKEN>12345678</TOKEN>
            </REQUEST>
            """.formatted(deviceId);
    }

    /** A FusionInventory-style inventory; {@code software} extra SOFTWARES blocks. */
    static String inventory(String deviceId, String serial, String hostname, String uuid, String mac, int memoryMb, String... software) {
        var soft = new StringBuilder();
        for (String s : software) {
            String[] p = s.split("\\|");
            soft.append("<SOFTWARES><NAME>").append(p[0]).append("</NAME><VERSION>").append(p[1])
                .append("</VERSION><PUBLISHER>Pub</PUBLISHER></SOFTWARES>");
        }
        return """
            <?xml version="1.0" encoding="UTF-8" ?>
            <REQUEST>
              <CONTENT>
                <BIOS><BDATE>01/02/2023</BDATE><BMANUFACTURER>Dell Inc.</BMANUFACTURER><BVERSION>1.2.3</BVERSION>
                  <SMANUFACTURER>Dell Inc.</SMANUFACTURER><SMODEL>Latitude 5440</SMODEL><SSN>%s</SSN></BIOS>
                <HARDWARE><NAME>%s</NAME><UUID>%s</UUID><MEMORY>%d</MEMORY><CHASSIS_TYPE>Notebook</CHASSIS_TYPE>
                  <VMSYSTEM>Physical</VMSYSTEM><LASTLOGGEDUSER>jan.peeters</LASTLOGGEDUSER></HARDWARE>
                <OPERATINGSYSTEM><NAME>Debian</NAME><VERSION>12</VERSION><FULL_NAME>Debian GNU/Linux 12 (bookworm)</FULL_NAME>
                  <ARCH>x86_64</ARCH><KERNEL_VERSION>6.1.0</KERNEL_VERSION></OPERATINGSYSTEM>
                <CPUS><NAME>Intel(R) Core(TM) i5-1345U</NAME><CORE>10</CORE></CPUS>
                <DRIVES><TYPE>/</TYPE><VOLUMN>/dev/sda1</VOLUMN><FILESYSTEM>ext4</FILESYSTEM><TOTAL>240000</TOTAL><FREE>120000</FREE></DRIVES>
                <DRIVES><TYPE>/run</TYPE><FILESYSTEM>tmpfs</FILESYSTEM><TOTAL>100</TOTAL><FREE>100</FREE></DRIVES>
                <NETWORKS><DESCRIPTION>lo</DESCRIPTION><IPADDRESS>127.0.0.1</IPADDRESS><VIRTUALDEV>1</VIRTUALDEV></NETWORKS>
                <NETWORKS><DESCRIPTION>eth0</DESCRIPTION><MACADDR>%s</MACADDR><IPADDRESS>10.0.0.12</IPADDRESS><VIRTUALDEV>0</VIRTUALDEV></NETWORKS>
                <MONITORS><CAPTION>P2422H</CAPTION><MANUFACTURER>Dell</MANUFACTURER><SERIAL>MON1</SERIAL></MONITORS>
                %s
                <VERSIONCLIENT>FusionInventory-Agent_v2.6</VERSIONCLIENT>
              </CONTENT>
              <DEVICEID>%s</DEVICEID>
              <QUERY>INVENTORY</QUERY>
            </REQUEST>
            """.formatted(serial, hostname, uuid, memoryMb, mac, soft, deviceId);
    }

    static final Caller ADMIN = Fixtures.ADMIN;
}
