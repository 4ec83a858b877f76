package be.spil.learning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/** The learning line's settings on the page: the framework (version) and the learning domains, one per line. */
record LineForm(@NotNull Long framework, @Size(max = 3100) String domains, Integer version) {
    List<String> domainList() {
        return domains == null ? List.of() : Arrays.stream(domains.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static LineForm of(LineView line) {
        return new LineForm(line.frameworkId(), String.join("\n", line.domains()), line.version());
    }
}
