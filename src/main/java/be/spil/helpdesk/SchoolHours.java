package be.spil.helpdesk;

import be.spil.school.LessonPeriodView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Time counted in school hours: only the school's lesson periods on school days count (no weekends, no holidays,
 * no breaks between periods). A school without lesson periods counts 08:30–16:00 on its school days. Answers are
 * bounded to {@link #MAX_DAYS} days ahead; beyond that there is no due time.
 */
final class SchoolHours {
    static final int MAX_DAYS = 400;
    static final List<LessonPeriodView> DEFAULT_DAY = List.of(new LessonPeriodView(1, "default", LocalTime.of(8, 30),
        LocalTime.of(16, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));

    record Window(LocalTime start, LocalTime end) {}

    private final ZoneId zone;
    private final Predicate<LocalDate> schoolDay;
    private final List<LessonPeriodView> periods;

    SchoolHours(ZoneId zone, Predicate<LocalDate> schoolDay, List<LessonPeriodView> periods) {
        this.zone = zone;
        this.schoolDay = schoolDay;
        this.periods = periods.isEmpty() ? DEFAULT_DAY : List.copyOf(periods);
    }

    /** The counting windows of a day, sorted and with overlapping or touching periods merged. */
    List<Window> windows(LocalDate day) {
        if (!schoolDay.test(day)) {
            return List.of();
        }
        var sorted = periods.stream().filter(p -> p.on(day.getDayOfWeek()) && p.end().isAfter(p.start()))
            .sorted(Comparator.comparing(LessonPeriodView::start)).toList();
        var out = new ArrayList<Window>();
        for (var p : sorted) {
            if (!out.isEmpty() && !p.start().isAfter(out.get(out.size() - 1).end())) {
                var last = out.remove(out.size() - 1);
                out.add(new Window(last.start(), p.end().isAfter(last.end()) ? p.end() : last.end()));
            } else {
                out.add(new Window(p.start(), p.end()));
            }
        }
        return out;
    }

    /** The moment {@code amount} of school time after {@code start}, or null when it lies beyond {@link #MAX_DAYS} days. */
    Instant plus(Instant start, Duration amount) {
        long remaining = amount.toSeconds();
        var from = start.atZone(zone);
        LocalDate day = from.toLocalDate();
        for (int i = 0; i <= MAX_DAYS; i++, day = day.plusDays(1)) {
            for (var w : windows(day)) {
                var ws = day.atTime(w.start()).atZone(zone).toInstant();
                var we = day.atTime(w.end()).atZone(zone).toInstant();
                var begin = ws.isBefore(start) ? start : ws;
                if (!begin.isBefore(we)) {
                    continue;
                }
                long available = Duration.between(begin, we).toSeconds();
                if (remaining <= available) {
                    return begin.plusSeconds(remaining);
                }
                remaining -= available;
            }
        }
        return null;
    }

    /** The school time between two moments (zero when {@code to} is not after {@code from}). */
    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long seconds = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS && !day.isAfter(last); i++, day = day.plusDays(1)) {
            for (var w : windows(day)) {
                var ws = day.atTime(w.start()).atZone(zone).toInstant();
                var we = day.atTime(w.end()).atZone(zone).toInstant();
                var begin = ws.isBefore(from) ? from : ws;
                var end = we.isAfter(to) ? to : we;
                if (end.isAfter(begin)) {
                    seconds += Duration.between(begin, end).toSeconds();
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }
}
