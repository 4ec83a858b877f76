package be.spil.lending;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A 1:1 device for a pupil: the pupil, the device's asset tag, accessories, deposit, the day of hand-over (default today). */
public record PupilDeviceForm(
    @NotNull Long pupil,
    @NotBlank @Size(max = 30) String tag,
    @Size(max = 500) String accessories,
    @DecimalMin("0.00") @Digits(integer = 6, fraction = 2) BigDecimal deposit,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate handedOverOn,
    @Size(max = 1000) String note) {

    static PupilDeviceForm empty() {
        return new PupilDeviceForm(null, "", "", null, null, "");
    }
}
