package be.spil.school;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole ordered list of a school's lesson periods, replacing the stored one; {@code version} is the one read. */
public record LessonPeriodsForm(@NotNull @Size(max = 20) List<@Valid @NotNull LessonPeriodForm> periods, Integer version) {}
