package be.spil.learning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A training as the pages and the API show it. {@code participants}: everybody registered or present for managers; for
 * others only their own entry.
 */
public record TrainingView(long id, String year, String title, String provider, boolean internal, LocalDate startDate,
                           LocalDate endDate, BigDecimal hours, BigDecimal cost, List<String> competences, String materials,
                           List<Participant> participants, boolean archived, int version, Instant updatedAt, String updatedBy) {

    /** PLANNED: registered; ATTENDED: was there. */
    public enum Status { PLANNED, ATTENDED }

    public record Participant(long person, String name, Status status) {}

    public long planned() {
        return participants.stream().filter(p -> p.status() == Status.PLANNED).count();
    }

    public long attended() {
        return participants.stream().filter(p -> p.status() == Status.ATTENDED).count();
    }
}
