package be.spil.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A school's own task: a code unique in the school (letters, digits, dashes), its cluster, name and levels. */
public record TaskForm(
    @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9-]*") String code,
    @NotNull Cluster cluster,
    @NotBlank @Size(max = 300) String name,
    @Size(max = 300) String nameEn,
    @NotEmpty Set<Level> levels) {

    static TaskForm empty() {
        return new TaskForm("", Cluster.TECHNICAL, "", "", Set.of(Level.CORE));
    }
}
