package be.spil.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address: after too many within the lock period, that address is refused until
 * the period has passed. Kept in memory (a restart forgets it); a school behind one address shares the count,
 * so the limit is higher than the one per account.
 */
@Component
class IpThrottle {
    private record Window(Instant start, int failures, Instant blockedUntil) {}

    private static final int MAX_TRACKED = 50_000;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final SecurityProperties properties;
    private final Clock clock;

    IpThrottle(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    Optional<Instant> blockedUntil(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        var w = windows.get(ip);
        Instant now = clock.instant();
        return w != null && w.blockedUntil() != null && w.blockedUntil().isAfter(now) ? Optional.of(w.blockedUntil()) : Optional.empty();
    }

    void failed(String ip) {
        if (ip == null) {
            return;
        }
        Instant now = clock.instant();
        Duration period = Duration.ofMinutes(properties.lockMinutes());
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.start().plus(period).isBefore(now)
                && (w.blockedUntil() == null || w.blockedUntil().isBefore(now)));
        }
        windows.compute(ip, (k, w) -> {
            if (w == null || w.start().plus(period).isBefore(now)) {
                w = new Window(now, 0, null);
            }
            int failures = w.failures() + 1;
            Instant blocked = failures >= properties.ipLockAttempts() ? now.plus(period) : w.blockedUntil();
            return new Window(w.start(), failures, blocked);
        });
    }
}
