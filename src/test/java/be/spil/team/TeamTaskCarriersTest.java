package be.spil.team;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.shared.TaskCarriers;
import org.junit.jupiter.api.Test;

/** The shared SPI names first-line help with the same stable catalog code as the team module. */
class TeamTaskCarriersTest {
    @Test
    void firstLineHelpIsTheCatalogsTask() {
        assertThat(TaskCarriers.FIRST_LINE_HELP).isEqualTo(Team.Tasks.FIRST_LINE_HELP);
    }
}
