package be.spil.agents;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled work of the agents module: the nightly clean-up of old submissions ({@link SubmissionRetention}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AgentsScheduling {
}
