package be.spil.team;

import be.spil.shared.TaskCarriers;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** The team's task division for other modules: who carries a task this school year, responsible first. */
@Component
class TeamTaskCarriers implements TaskCarriers {
    private final Team team;

    TeamTaskCarriers(Team team) {
        this.team = team;
    }

    @Override
    public List<Long> people(long schoolId, String taskCode) {
        return team.carriers(schoolId, taskCode).map(c -> c.inOrder().stream().map(Team.Carrier::personId).filter(Objects::nonNull)
            .distinct().toList()).orElse(List.of());
    }
}
