package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Scripts and agents sign in with one account many times at once: every right password works, every wrong one counts. */
@SpilIntegrationTest
class SimultaneousSignInTest {
    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired AccountRepository accounts;

    private List<Integer> callTogether(String email, String password, int times) throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .build();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        var pool = Executors.newFixedThreadPool(times);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manySimultaneousSignInsOfOneAccountAllSucceed() throws Exception {
        var user = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
        assertThat(callTogether(user.email(), Fixtures.PASSWORD, 16)).containsOnly(200);
        var account = accounts.findByPersonId(user.id()).orElseThrow();
        assertThat(account.lastSignIn).isNotNull();
        assertThat(account.failedAttempts).isZero();
    }

    @Test
    void simultaneousWrongPasswordsAllCountAndLockTheAccount() throws Exception {
        var user = fixtures.user(fixtures.school(), Role.STAFF);
        assertThat(callTogether(user.email(), "not-the-password", 5)).containsOnly(401);
        assertThat(accounts.findByPersonId(user.id()).orElseThrow().lockedUntil).as("five failures lock").isNotNull();
        assertThat(callTogether(user.email(), Fixtures.PASSWORD, 1)).containsOnly(401);
    }
}
