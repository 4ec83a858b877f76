package be.spil.learning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A planned activity of the learning line: the competence (code of the line's framework) and grade of its cell, the
 * learning domain, what the pupils do, the tool or device, the step, the work form and the class teacher who carries it
 * (a person id of the school). {@code version}: the one read, for a change.
 */
public record ActivityForm(@NotBlank @Size(max = 40) String competence, @NotNull Grade grade,
                           @NotBlank @Size(max = 100) String domain, @NotBlank @Size(max = 1000) String description,
                           @Size(max = 200) String tool, @NotNull Step step, WorkForm workForm, Long teacher, Integer version) {

    static ActivityForm empty(Grade grade, String competence) {
        return new ActivityForm(competence, grade, null, null, null, Step.INTRODUCE, null, null, null);
    }
}
