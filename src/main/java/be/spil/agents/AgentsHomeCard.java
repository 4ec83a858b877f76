package be.spil.agents;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import be.spil.shared.Paging;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Automatic inventory on the home page: how many agents report and how many have gone silent. Shown once one reported. */
@Component
class AgentsHomeCard implements HomeCard {
    private final AgentViews views;

    AgentsHomeCard(AgentViews views) {
        this.views = views;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String template() {
        return "agents/home-card";
    }

    @Override
    public Map<String, Object> values(long schoolId, Caller caller) {
        long all = views.agents(schoolId, false, new Paging(0, 1), caller).total();
        if (all == 0) {
            return Map.of();
        }
        long silent = views.agents(schoolId, true, new Paging(0, 1), caller).total();
        return Map.of("agents", all, "silent", silent, "staleDays", views.staleDays());
    }
}
