package be.spil.learning;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up, before the application reports ready: the frameworks shipped with Spil that are not loaded yet. */
@Component
@Order(5)
class ShippedFrameworks implements ApplicationRunner {
    private final Frameworks frameworks;

    ShippedFrameworks(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    @Override
    public void run(ApplicationArguments args) {
        frameworks.loadShipped();
    }
}
