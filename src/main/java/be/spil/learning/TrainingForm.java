package be.spil.learning;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A training (nascholing): title, provider (internal: given by the ICT team), first and last day, hours per participant,
 * cost in EUR, the DigCompEdu competences it addresses (codes) and a link to the materials. {@code version}: the one read.
 */
public record TrainingForm(@NotBlank @Size(max = 200) String title, @Size(max = 200) String provider, Boolean internal,
                           @NotNull LocalDate startDate, LocalDate endDate,
                           @NotNull @DecimalMin("0.25") @DecimalMax("500") BigDecimal hours,
                           @DecimalMin("0") @DecimalMax("1000000") BigDecimal cost,
                           @Size(max = 30) List<@Size(max = 40) String> competences, @Size(max = 500) String materials,
                           Integer version) {

    static TrainingForm empty() {
        return new TrainingForm(null, null, false, null, null, null, null, List.of(), null, null);
    }
}
