package be.spil.learning;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The learning line on the home page: how many competences have activities and are mastered, and the open problems. */
@Component
class LearningHomeCard implements HomeCard {
    private final LearningLines lines;

    LearningHomeCard(LearningLines lines) {
        this.lines = lines;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String template() {
        return "learning/home-card";
    }

    @Override
    public Map<String, Object> values(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            return Map.of();
        }
        var line = lines.line(schoolId, caller);
        if (line.isEmpty()) {
            return Map.of("started", false);
        }
        var analysis = lines.analysis(schoolId, false, caller);
        return Map.of("started", true, "coverage", analysis.coverage(),
            "critical", analysis.counts().getOrDefault(LineFinding.Severity.CRITICAL, 0L),
            "warnings", analysis.counts().getOrDefault(LineFinding.Severity.WARNING, 0L));
    }
}
