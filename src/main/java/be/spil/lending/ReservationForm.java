package be.spil.lending;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A reservation: a pool (id), a date, one or more lesson periods (their numbers), a number of devices (none: the whole
 * pool), optionally a class (group id), a room (room id) and a note; with {@code weeklyUntil} the same periods every
 * week on that weekday until that date (school days only). {@code version} is needed to change one.
 */
public record ReservationForm(
    @NotNull Long pool,
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
    @NotNull @Size(min = 1, max = 20) List<@NotNull @Min(0) @Max(20) Integer> periods,
    @Min(1) @Max(1000) Integer devices,
    Long group,
    Long room,
    @Size(max = 1000) String note,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weeklyUntil,
    Integer version) {

    static ReservationForm empty(Long pool, LocalDate date) {
        return new ReservationForm(pool, date, List.of(), null, null, null, "", null, null);
    }
}
