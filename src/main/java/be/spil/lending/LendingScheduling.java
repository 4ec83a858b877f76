package be.spil.lending;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the lending module's scheduled job (late-return reminders, {@link LateReminders}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LendingScheduling {}
