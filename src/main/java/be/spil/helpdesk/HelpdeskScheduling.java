package be.spil.helpdesk;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The helpdesk's timed jobs: polling the mailbox for replies, the daily digest and closing resolved tickets. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HelpdeskScheduling {}
