package be.spil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every kind of record that writes to the audit trail has a name in both languages for the logs and histories. */
class AuditTypeLabelsTest {
    private static final Pattern TYPE = Pattern.compile("AUDIT_TYPE\\s*=\\s*\"([^\"]+)\"");

    @Test
    void everyAuditedRecordTypeHasALabelInBothLanguages() throws IOException {
        var types = new TreeSet<String>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = TYPE.matcher(Files.readString(file));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        assertThat(types).as("audited record types found in the code").contains("person", "school", "asset");
        for (boolean english : new boolean[] {false, true}) {
            var props = new Properties();
            try (var bundles = Files.list(Path.of("src/main/resources/i18n"))) {
                for (Path bundle : bundles.filter(b -> b.toString().endsWith(".properties")
                        && b.getFileName().toString().endsWith("_en.properties") == english).toList()) {
                    try (var in = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
                        props.load(in);
                    }
                }
            }
            assertThat(types).as("types without an audit.type.* label (" + (english ? "English" : "Dutch") + ")")
                .allMatch(t -> props.containsKey("audit.type." + t));
        }
    }
}
