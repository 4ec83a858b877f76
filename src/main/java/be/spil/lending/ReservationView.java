package be.spil.lending;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reservation as the API and other modules see it; {@code late} when its devices are not all back after its end. */
public record ReservationView(long id, long poolId, String pool, Long seriesId, long personId, String personName, Long groupId,
                              String group, Long roomId, String room, LocalDate date, List<Integer> periods, int devices,
                              Instant startsAt, Instant endsAt, ReservationStatus status, String note, boolean late,
                              int version, Instant updatedAt, String updatedBy) {}
