package be.spil.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one real PostgreSQL (the binaries of the major version documented for production) for the whole test
 * JVM and points the application at it.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var pg = postgres();
        TestPropertyValues.of(
            "spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
            "spring.datasource.username=postgres",
            "spring.datasource.password=").applyTo(context.getEnvironment());
    }
}
