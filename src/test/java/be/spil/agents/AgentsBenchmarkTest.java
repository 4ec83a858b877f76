package be.spil.agents;

import static be.spil.agents.AgentTestClient.inventory;
import static be.spil.agents.AgentTestClient.send;
import static be.spil.agents.AgentTestClient.zlib;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.spil.school.SchoolView;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inventory mix of docs/benchmarks.md: 90% re-inventories of known machines with a changed title, 10% new machines
 * with 300 software entries, zlib-compressed XML through the whole endpoint on PostgreSQL. Runs only with
 * {@code -Dspil.bench=true}: {@code mvn -q test -Dtest=AgentsBenchmarkTest -Dspil.bench=true}.
 */
@SpilIntegrationTest
class AgentsBenchmarkTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired AgentKeys keys;

    private static String[] software(int n, int variant) {
        var s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = "Package " + i + "|" + (i == 0 ? "1." + variant : "2.0." + i);
        }
        return s;
    }

    private static byte[] doc(String prefix, int machine, int variant) throws Exception {
        String mac = String.format("02:00:00:%02x:%02x:%02x", (machine >> 16) & 0xff, (machine >> 8) & 0xff, machine & 0xff);
        return zlib(inventory(prefix + "-" + machine, prefix.toUpperCase() + machine, "pc" + machine, "", mac, 8192, software(300, variant)));
    }

    @Test
    void inventoriesPerSecond() throws Exception {
        assumeTrue(Boolean.getBoolean("spil.bench"), "benchmark: run with -Dspil.bench=true");
        SchoolView school = fixtures.school();
        String key = AgentTestClient.key(keys, school);
        String prefix = "b" + Fixtures.unique();
        int known = 300;
        int threads = 4;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var seed = new ArrayList<Callable<Integer>>();
            for (int m = 0; m < known; m++) {
                byte[] body = doc(prefix, m, 0);
                seed.add(() -> send(mvc, "/agent", school, key, body, "application/x-compress").getResponse().getStatus());
            }
            for (var f : pool.invokeAll(seed)) {
                assertThat(f.get()).isEqualTo(200);
            }
            int total = 1000;
            var bodies = new ArrayList<byte[]>();
            int next = known;
            for (int i = 0; i < total; i++) {
                bodies.add(i % 10 == 0 ? doc(prefix, next++, 0) : doc(prefix, i % known, 1 + i / known));
            }
            var counter = new AtomicInteger();
            var work = new ArrayList<Callable<Integer>>();
            for (byte[] body : bodies) {
                work.add(() -> {
                    counter.incrementAndGet();
                    return send(mvc, "/agent", school, key, body, "application/x-compress").getResponse().getStatus();
                });
            }
            System.gc();
            long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            long start = System.nanoTime();
            List<java.util.concurrent.Future<Integer>> done = pool.invokeAll(work);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (var f : done) {
                assertThat(f.get()).isEqualTo(200);
            }
            System.gc();
            long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("BENCH agents: %d inventories (90%% re-inventories, 10%% new with 300 titles) on %d threads in %.1f s = %.0f/s;"
                + " heap after GC %d MB -> %d MB%n", total, threads, seconds, total / seconds, heapBefore >> 20, heapAfter >> 20);
        } finally {
            pool.shutdown();
        }
    }
}
