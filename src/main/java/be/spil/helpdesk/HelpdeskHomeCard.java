package be.spil.helpdesk;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The helpdesk on the home page: open and overdue tickets and those assigned to the caller (team), or one's own open ones. */
@Component
class HelpdeskHomeCard implements HomeCard {
    private final Tickets tickets;

    HelpdeskHomeCard(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String template() {
        return "helpdesk/home-card";
    }

    @Override
    public Map<String, Object> values(long schoolId, Caller caller) {
        var values = new HashMap<String, Object>(tickets.counts(schoolId, caller));
        values.put("team", Tickets.isTeam(caller, schoolId));
        return values;
    }
}
