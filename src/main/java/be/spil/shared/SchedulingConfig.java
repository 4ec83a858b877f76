package be.spil.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Switches Spil's timed jobs on (the helpdesk's digest, auto-close and mailbox polling, the lending module's late
 * reminders, the agents' retention): one switch for all modules. {@code spil.scheduling.enabled=false} turns them all
 * off, e.g. on every app node but one, or in tests that start the jobs themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "spil.scheduling.enabled", matchIfMissing = true)
@EnableScheduling
class SchedulingConfig {}
