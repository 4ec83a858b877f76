package be.spil.policy;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import be.spil.shared.NavEntry;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

@Configuration(proxyBeanMethods = false)
class PolicyNavigation {
    @Bean
    NavEntry policyNav() {
        return new NavEntry("nav.policy", "/schools/{school}/policy", 85, c -> true, "nav.group.policy");
    }

    /** Overdue actions on the home page (the owner's own; all of them for coordinator and director), and new usage rules to accept. */
    @Component
    static class OverdueCard implements HomeCard {
        private final PolicyPlans plans;
        private final UsageRules rules;

        OverdueCard(PolicyPlans plans, UsageRules rules) {
            this.plans = plans;
            this.rules = rules;
        }

        @Override
        public int order() {
            return 60;
        }

        @Override
        public String template() {
            return "policy/home-card";
        }

        @Override
        public Map<String, Object> values(long schoolId, Caller caller) {
            var overdue = plans.overdue(schoolId, caller);
            boolean mustAccept = rules.mustAccept(schoolId, caller);
            // staff without overdue actions of their own and with the rules accepted have nothing to see here
            return overdue.isEmpty() && !mustAccept && !caller.canManage(schoolId) ? Map.of()
                : Map.of("overdue", overdue, "mustAccept", mustAccept);
        }
    }
}
