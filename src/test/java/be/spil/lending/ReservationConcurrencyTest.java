package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No double booking, on the real PostgreSQL and over real HTTP: 50 teachers reserve the last devices of a cart for the
 * same lesson period at the same moment; exactly as many succeed as there were devices free, the others get 409 naming
 * what is still free, and the database holds no period with more devices than the cart.
 */
@SpilIntegrationTest
class ReservationConcurrencyTest {
    static final int ATTEMPTS = 50;

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Reservations reservations;
    @Autowired JdbcClient jdbc;

    @Test
    void fiftyConcurrentReservationsOfTheLastDevicesNeverDoubleBook() throws Exception {
        var lending = new LendingFixtures(calendar, assets, pools);
        SchoolView school = fixtures.school();
        var year = lending.year();
        lending.lessonPeriods(school);
        var pool = lending.pool(school, "Laptopkar A", 10);
        LocalDate day = LendingFixtures.monday(year);
        // 7 of the 10 are taken already: 3 are left for period 3
        reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(2, 3), 7, null, null, null, null, null),
            Fixtures.ADMIN);
        var teachers = new ArrayList<String>();
        // one teacher per attempt: concurrent sign-ins of one account are a matter of the security module
        for (int i = 0; i < ATTEMPTS; i++) {
            teachers.add(fixtures.user(school, Role.STAFF).email());
        }

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var start = new CountDownLatch(1);
        ExecutorService pool50 = Executors.newFixedThreadPool(ATTEMPTS);
        var results = new ArrayList<Future<HttpResponse<String>>>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                String teacher = teachers.get(i % teachers.size());
                String body = "{\"pool\":" + pool.id() + ",\"date\":\"" + day + "\",\"periods\":[3],\"devices\":1}";
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/schools/" + school.code() + "/reservations"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (teacher + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                results.add(pool50.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (var f : results) {
                var response = f.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    assertThat(response.body()).contains("\"field\":\"devices\"").contains("Still free per lesson period: 3: 0");
                    refused++;
                }
            }
            assertThat(created).isEqualTo(3);
            assertThat(refused).isEqualTo(ATTEMPTS - 3);
        } finally {
            pool50.shutdownNow();
        }
        int held = jdbc.sql("select sum(devices) from reservation_slot where pool_id = :p and on_day = :d and period = 3")
            .param("p", pool.id()).param("d", day).query(Integer.class).single();
        assertThat(held).isEqualTo(10);
        var week = reservations.week(school.id(), pool.id(), day, Fixtures.ADMIN);
        var mondayPeriod3 = week.rows().get(2).get(0);
        assertThat(mondayPeriod3.free()).isZero();
        assertThat(week.rows().get(1).get(0).free()).isEqualTo(3);
    }
}
