package be.spil.school;

import java.time.LocalDate;

/** Days from {@code first} to {@code last}, both included. */
record DateRange(LocalDate first, LocalDate last) {
    boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    boolean overlaps(DateRange other) {
        return !other.last.isBefore(first) && !other.first.isAfter(last);
    }
}
