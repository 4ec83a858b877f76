package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue with 500,000 tickets on PostgreSQL (five years of a school group of 60 schools; the biggest school has a
 * tenth of them). Run on demand: {@code mvn test -Dtest=TicketQueueBench -Dbench=true}; figures in docs/benchmarks.md.
 */
@SpilIntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class TicketQueueBench {
    static final int TICKETS = 500_000;
    static final int SCHOOLS = 60;

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;

    @Test
    void queueWithHalfAMillionTickets() {
        var schools = new ArrayList<SchoolView>();
        for (int i = 0; i < SCHOOLS; i++) {
            schools.add(fixtures.school());
        }
        var big = schools.get(0);
        var tech = fixtures.user(big, Role.TECHNICIAN);
        long start = System.nanoTime();
        long[] ids = schools.stream().mapToLong(SchoolView::id).toArray();
        // a tenth to the biggest school, the rest spread over the others; 3 % still open, five years back
        jdbc.sql("""
                insert into ticket (school_id, number, subject, description, status, category_id, impact, urgency, priority,
                    reporter_id, reporter_name, assignee_id, assignee_name, resolve_due_at, response_due_at, search_text,
                    version, created_at, updated_at, updated_by)
                select case when g % 10 = 0 then :big else (:ids)[1 + (g % 59) + 1] end,
                    g, 'Probleem ' || g || ' met ' || (array['beamer','printer','wifi','laptop','smartschool','digibord'])[1 + g % 6],
                    'beschrijving', case when g % 33 = 0 then (array['NEW','ASSIGNED','IN_PROGRESS','WAITING_REPORTER'])[1 + g % 4]
                        else (array['RESOLVED','CLOSED'])[1 + g % 2] end,
                    (select min(id) from ticket_category) + g % 7, 'MEDIUM', 'MEDIUM', (array['CRITICAL','HIGH','MEDIUM','LOW'])[1 + g % 4],
                    1000000 + g % 3000, 'Leerkracht ' || (g % 3000), case when g % 3 = 0 then :tech end,
                    case when g % 3 = 0 then 'Technicus' end,
                    now() - ((:n - g) * interval '315 seconds') + interval '3 days',
                    now() - ((:n - g) * interval '315 seconds') + interval '4 hours',
                    'probleem ' || g || ' ' || (array['beamer','printer','wifi','laptop','smartschool','digibord'])[1 + g % 6] || ' leerkracht ' || (g % 3000),
                    0, now() - ((:n - g) * interval '315 seconds'), now() - ((:n - g) * interval '315 seconds'), 'bench'
                from generate_series(1, :n) g""")
            .param("big", big.id()).param("ids", ids).param("tech", tech.id()).param("n", TICKETS).update();
        jdbc.sql("analyze ticket").update();
        System.out.printf("BENCH generated %,d tickets in %.1f s%n", TICKETS, (System.nanoTime() - start) / 1e9);
        long bigCount = jdbc.sql("select count(*) from ticket where school_id = :s").param("s", big.id()).query(Long.class).single();
        assertThat(bigCount).isEqualTo(TICKETS / 10);

        var team = new Caller(tech.id(), tech.email(), tech.name(), false, Map.of(big.id(), Set.of(Role.TECHNICIAN)));
        long category = jdbc.sql("select min(id) from ticket_category").query(Long.class).single() + 2;
        measure("open queue, newest first", () -> tickets.search(big.id(), TicketFilter.open(), new Paging(0, 50), team).total());
        measure("assigned to me", () -> tickets.search(big.id(), filter(null, Set.of(), false, "me", null, false, null),
            new Paging(0, 50), team).total());
        measure("unassigned", () -> tickets.search(big.id(), filter(null, Set.of(), false, "none", null, false, null),
            new Paging(0, 50), team).total());
        measure("overdue, due first", () -> tickets.search(big.id(), filter(null, Set.of(), false, null, null, true, "due,asc"),
            new Paging(0, 50), team).total());
        measure("category, open", () -> tickets.search(big.id(), filter(null, Set.of(), false, null, category, false, null),
            new Paging(0, 50), team).total());
        measure("all statuses, newest first", () -> tickets.search(big.id(), filter(null, Set.of(), true, null, null, false, null),
            new Paging(0, 50), team).total());
        measure("all statuses, page 100", () -> tickets.search(big.id(), filter(null, Set.of(), true, null, null, false, null),
            new Paging(100, 50), team).total());
        measure("text 'digibord', all statuses", () -> tickets.search(big.id(), filter("digibord", Set.of(), true, null, null, false, null),
            new Paging(0, 50), team).total());
        measure("ticket by number", () -> tickets.search(big.id(), filter("#12340", Set.of(), true, null, null, false, null),
            new Paging(0, 50), team).total());
        long number = jdbc.sql("select max(number) from ticket where school_id = :s").param("s", big.id()).query(Long.class).single();
        measure("ticket page (get)", () -> (long) tickets.get(big.id(), number, team).comments().size());
    }

    static TicketFilter filter(String q, Set<TicketStatus> statuses, boolean all, String assignee, Long category, boolean overdue, String sort) {
        return new TicketFilter(q, statuses, all, assignee, category, null, overdue, false, sort);
    }

    static void measure(String name, Supplier<Long> run) {
        for (int i = 0; i < 5; i++) {
            run.get();
        }
        int runs = 40;
        long[] times = new long[runs];
        long result = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = run.get();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf("BENCH %-32s median %6.1f ms  p95 %6.1f ms  (result %d)%n", name, times[runs / 2] / 1e6,
            times[(int) (runs * 0.95) - 1] / 1e6, result);
    }
}
