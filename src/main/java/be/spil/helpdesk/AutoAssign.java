package be.spil.helpdesk;

import be.spil.directory.People;
import be.spil.shared.TaskCarriers;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A new ticket goes straight to whoever carries first-line help (eerstelijnshulp) at the school this school year,
 * else to the first backup who can take it: a member of the school's ICT team who is not the reporter. Works only
 * when a module provides {@link TaskCarriers} and the school has not switched it off.
 */
@Component
class AutoAssign {
    private final ObjectProvider<TaskCarriers> carriers;
    private final People people;
    private final HelpdeskSettings settings;

    AutoAssign(ObjectProvider<TaskCarriers> carriers, People people, HelpdeskSettings settings) {
        this.carriers = carriers;
        this.people = people;
        this.settings = settings;
    }

    /** Whom a new ticket of the school, reported by this person, goes to, if anybody. */
    Optional<be.spil.directory.PersonSummary> pick(long schoolId, long reporterId) {
        var source = carriers.getIfAvailable();
        if (source == null || !settings.autoAssign(schoolId)) {
            return Optional.empty();
        }
        var ids = source.people(schoolId, TaskCarriers.FIRST_LINE_HELP);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        var team = people.withRoles(schoolId, Tickets.TEAM_ROLES);
        return ids.stream().filter(id -> id != reporterId)
            .flatMap(id -> team.stream().filter(p -> p.id() == id).findFirst().stream())
            .findFirst();
    }

    /** Assigns a ticket being reported (not saved yet) when somebody carries first-line help. */
    void apply(Ticket ticket, Instant now, String actor) {
        pick(ticket.schoolId, ticket.reporterId).ifPresent(p -> ticket.assign(p.id(), p.name(), now, actor));
    }
}
