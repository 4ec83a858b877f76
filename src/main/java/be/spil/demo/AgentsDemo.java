package be.spil.demo;

import be.spil.agents.AgentKeys;
import be.spil.agents.InventoryFiles;
import be.spil.school.SchoolView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Demo data of automatic inventory: an agent key and a few computers of the school, made by feeding inventories through
 * the agents' own intake as if the agents had sent them — three Windows laptops (FusionInventory XML, one of them
 * reporting twice, so its history shows software installed and removed) and the GLPI agent's sample documents of the
 * inventory format (a Fedora laptop with a partial inventory after it, a virtual machine host, a printer; MIT licence,
 * see demo/agents/LICENSE-glpi-inventory-format).
 */
@Component
class AgentsDemo {
    private final InventoryFiles files;
    private final AgentKeys keys;

    AgentsDemo(InventoryFiles files, AgentKeys keys) {
        this.files = files;
        this.keys = keys;
    }

    public void computers(SchoolView school) {
        keys.create(school.id(), "Laptops leerkrachten", DemoData.SYSTEM);
        String laptop = text("windows-laptop.xml");
        String prefix = school.code().replaceAll("[^a-z]", "").substring(0, 2).toUpperCase();
        List<String> languages = List.of("x64 nl", "x64 en-US", "x86 nl");
        for (int i = 1; i <= 3; i++) {
            feed(school, laptop(laptop, prefix, i, languages.get(i - 1), ""));
        }
        // the first laptop again: LibreOffice installed, Scratch gone
        feed(school, laptop(laptop, prefix, 1, "x64 nl",
            "<SOFTWARES><NAME>LibreOffice 24.8.3.2</NAME><VERSION>24.8.3.2</VERSION><PUBLISHER>The Document Foundation</PUBLISHER>"
                + "<SYSTEM_CATEGORY>application</SYSTEM_CATEGORY><FROM>registry</FROM></SOFTWARES>")
            .replaceFirst("<SOFTWARES><NAME>Scratch 3</NAME>.*?</SOFTWARES>", ""));
        for (String glpi : List.of("computer_1.json", "computer_1_partial_softs.json", "computer_2.json", "printer_1.json")) {
            feed(school, text(glpi));
        }
    }

    private static String laptop(String template, String prefix, int n, String firefox, String extra) {
        return template.replace("{serial}", "PF4" + prefix + "0" + n).replace("{host}", "LT-" + prefix + "-0" + n)
            .replace("{mac}", String.format("3C:E9:F7:%02X:10:%02X", (int) prefix.charAt(0), n))
            .replace("{uuid}", String.format("6b1c0e2a-58f4-4c1e-9d3a-%s00000000%02d", Integer.toHexString(prefix.charAt(0)), n))
            .replace("{user}", "ict").replace("{memory}", n == 3 ? "8192" : "16384").replace("{ip}", String.valueOf(20 + n))
            .replace("{firefox}", firefox).replace("{extra}", extra);
    }

    private void feed(SchoolView school, String document) {
        files.accept(school.id(), document.getBytes(StandardCharsets.UTF_8), DemoData.SYSTEM);
    }

    private static String text(String name) {
        try (InputStream in = AgentsDemo.class.getResourceAsStream("/demo/agents/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
