package be.spil.directory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A class/group: name unique in the school, grade 1–12 (basis 1–6, secundair 1–7 and beyond). */
public record GroupForm(@NotBlank @Size(max = 40) String name, @Min(0) @Max(12) Integer grade, Integer version) {}
