package be.spil.team;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.team.CoverageAnalysis.Assignment;
import be.spil.team.CoverageAnalysis.Member;
import be.spil.team.CoverageAnalysis.Task;
import be.spil.team.Finding.Kind;
import be.spil.team.Finding.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageAnalysisTest {
    static final Task HARDWARE = new Task("T01", "Hardware", Cluster.TECHNICAL, EnumSet.of(Level.CORE, Level.OTHER));
    static final Task BACKUP = new Task("T09", "Back-up", Cluster.TECHNICAL, EnumSet.of(Level.CORE));
    static final Task NETWORK = new Task("T05", "Netwerk", Cluster.TECHNICAL, EnumSet.of(Level.CORE));
    static final Task LEARNING_LINE = new Task("P04", "Leerlijn", Cluster.PEDAGOGICAL, EnumSet.of(Level.CORE));
    static final Task PURCHASING = new Task("B07", "Aankoop", Cluster.POLICY, EnumSet.of(Level.CENTRAL, Level.CORE));

    static Member member(long id, String name, double ictHours, boolean coordinator, Cluster... profile) {
        return new Member(id, name, profile.length == 0 ? Set.of() : EnumSet.of(profile[0], profile),
            Map.of(FundingSource.ICT_HOURS, ictHours), coordinator);
    }

    static Assignment assign(Task task, Long responsible, double hours, Long... backups) {
        return new Assignment(task.code(), responsible, Set.of(backups), Level.CORE, FundingSource.ICT_HOURS, hours);
    }

    static List<Finding> of(List<Finding> findings, Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void aTaskWithoutAssignmentOrResponsibleHasNoResponsible() {
        var an = member(1, "An", 100, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, BACKUP), List.of(an),
            List.of(assign(HARDWARE, null, 10, 1L)));
        assertThat(of(findings, Kind.NO_RESPONSIBLE)).extracting(Finding::task).containsExactlyInAnyOrder("T01", "T09");
        assertThat(of(findings, Kind.NO_RESPONSIBLE)).allSatisfy(f -> assertThat(f.cluster()).isEqualTo(Cluster.TECHNICAL));
    }

    @Test
    void aClusterWhereNobodyIsResponsibleForAnythingIsUncovered() {
        var an = member(1, "An", 100, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, LEARNING_LINE), List.of(an), List.of(assign(HARDWARE, 1L, 10, 2L)));
        assertThat(of(findings, Kind.CLUSTER_UNCOVERED)).singleElement().satisfies(f -> {
            assertThat(f.cluster()).isEqualTo(Cluster.PEDAGOGICAL);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.numbers()).containsEntry("tasks", 1);
        });
    }

    @Test
    void theCoordinatorHoldingEveryTechnicalTaskAloneGivesASinglePersonFindingForEach() {
        var coordinator = member(1, "Kim", 300, true, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, BACKUP, NETWORK), List.of(coordinator),
            List.of(assign(HARDWARE, 1L, 20), assign(BACKUP, 1L, 20), assign(NETWORK, 1L, 20)));
        assertThat(of(findings, Kind.NO_BACKUP)).extracting(Finding::task).containsExactlyInAnyOrder("T01", "T09", "T05");
        assertThat(of(findings, Kind.SINGLE_PERSON_CLUSTER)).singleElement().satisfies(f -> {
            assertThat(f.cluster()).isEqualTo(Cluster.TECHNICAL);
            assertThat(f.member()).isEqualTo(1L);
            assertThat(f.numbers()).containsEntry("tasks", 3);
        });
        assertThat(of(findings, Kind.COORDINATOR_DEPENDENCY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.numbers()).containsEntry("tasks", 3).containsEntry("percent", 100).containsEntry("hours", 60.0);
        });
    }

    @Test
    void aBackupRemovesTheSinglePersonFindings() {
        var coordinator = member(1, "Kim", 300, true, Cluster.TECHNICAL);
        var helper = member(2, "Jo", 100, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE), List.of(coordinator, helper), List.of(assign(HARDWARE, 1L, 20, 2L)));
        assertThat(of(findings, Kind.NO_BACKUP)).isEmpty();
        assertThat(of(findings, Kind.SINGLE_PERSON_CLUSTER)).isEmpty();
        assertThat(of(findings, Kind.COORDINATOR_DEPENDENCY)).isEmpty();
    }

    @Test
    void beingOneOwnBackupIsNoBackup() {
        var an = member(1, "An", 100, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE), List.of(an), List.of(assign(HARDWARE, 1L, 20, 1L)));
        assertThat(of(findings, Kind.NO_BACKUP)).singleElement().extracting(Finding::task).isEqualTo("T01");
    }

    @Test
    void coordinatorDependencyIsAWarningBelowHalfTheTasks() {
        var coordinator = member(1, "Kim", 300, true, Cluster.TECHNICAL, Cluster.PEDAGOGICAL);
        var jo = member(2, "Jo", 300, false, Cluster.TECHNICAL, Cluster.PEDAGOGICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, BACKUP, NETWORK), List.of(coordinator, jo),
            List.of(assign(HARDWARE, 1L, 20), assign(BACKUP, 2L, 20, 1L), assign(NETWORK, 2L, 20, 1L)));
        assertThat(of(findings, Kind.COORDINATOR_DEPENDENCY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.numbers()).containsEntry("tasks", 1).containsEntry("percent", 33);
        });
    }

    @Test
    void tenAvailableAndFourteenAssignedIsOverloadedByFortyPercent() {
        var an = member(1, "An", 10, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, BACKUP), List.of(an),
            List.of(assign(HARDWARE, 1L, 8), assign(BACKUP, 1L, 6)));
        assertThat(of(findings, Kind.OVERLOADED)).singleElement().satisfies(f -> {
            assertThat(f.numbers()).containsEntry("assigned", 14.0).containsEntry("available", 10.0).containsEntry("percent", 40);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.args()).containsExactly("An", 14.0, 10.0, 40);
        });
    }

    @Test
    void aMemberWithoutHoursWhoGetsTasksIsOverloaded() {
        var an = member(1, "An", 0, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE), List.of(an), List.of(assign(HARDWARE, 1L, 5)));
        assertThat(of(findings, Kind.OVERLOADED)).singleElement()
            .satisfies(f -> assertThat(f.numbers()).doesNotContainKey("percent").containsEntry("assigned", 5.0));
    }

    @Test
    void aMemberWithMostHoursUnusedIsUnderused() {
        var an = member(1, "An", 100, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE), List.of(an), List.of(assign(HARDWARE, 1L, 40, 2L)));
        assertThat(of(findings, Kind.UNDERUSED)).singleElement()
            .satisfies(f -> assertThat(f.numbers()).containsEntry("percent", 60));
        assertThat(of(findings, Kind.OVERLOADED)).isEmpty();
    }

    @Test
    void hoursFromAFundingSourceTheMemberHasNoneOfAreOverloaded() {
        var an = member(1, "An", 100, false, Cluster.TECHNICAL);
        var bpt = new Assignment("T01", 1L, Set.of(2L), Level.CORE, FundingSource.BPT_HOURS, 12);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE), List.of(an), List.of(bpt));
        assertThat(of(findings, Kind.FUNDING_OVERLOADED)).singleElement().satisfies(f -> {
            assertThat(f.funding()).isEqualTo(FundingSource.BPT_HOURS);
            assertThat(f.numbers()).containsEntry("assigned", 12.0).containsEntry("available", 0.0);
        });
        assertThat(of(findings, Kind.OVERLOADED)).isEmpty();
    }

    @Test
    void hoursAboveAFullTimeJobAreWarnedAbout() {
        var an = member(1, "An", 1700, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE), List.of(an), List.of(assign(HARDWARE, 1L, 1650, 2L)));
        assertThat(of(findings, Kind.ABOVE_FULL_TIME)).extracting(Finding::task).containsExactlyInAnyOrder("T01", null);
    }

    @Test
    void aTechnicalTaskForSomeoneWithoutATechnicalProfileIsAMismatch() {
        var teacher = member(1, "Lien", 100, false, Cluster.PEDAGOGICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, LEARNING_LINE), List.of(teacher),
            List.of(assign(HARDWARE, 1L, 10, 2L), assign(LEARNING_LINE, 1L, 10, 2L)));
        assertThat(of(findings, Kind.PROFILE_MISMATCH)).singleElement().satisfies(f -> {
            assertThat(f.task()).isEqualTo("T01");
            assertThat(f.member()).isEqualTo(1L);
        });
    }

    @Test
    void aCoreTaskTheGuideWouldLetOthersOrTheCentreCarryIsAHint() {
        var an = member(1, "An", 100, false, Cluster.TECHNICAL, Cluster.POLICY);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, BACKUP, PURCHASING), List.of(an),
            List.of(assign(HARDWARE, 1L, 10, 2L), assign(BACKUP, 1L, 10, 2L), assign(PURCHASING, 1L, 10, 2L),
                new Assignment("T01x", 1L, Set.of(), Level.OTHER, FundingSource.ICT_HOURS, 1)));
        assertThat(of(findings, Kind.COULD_BE_ELSEWHERE)).extracting(Finding::task, f -> f.args().get(1))
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("T01", "OTHER"), org.assertj.core.groups.Tuple.tuple("B07", "CENTRAL"));
        assertThat(of(findings, Kind.COULD_BE_ELSEWHERE)).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void aWellDividedTeamHasOnlyNoFindingsOfConcern() {
        var an = member(1, "An", 20, true, Cluster.TECHNICAL);
        var jo = member(2, "Jo", 20, false, Cluster.TECHNICAL);
        var findings = CoverageAnalysis.analyse(List.of(BACKUP, NETWORK), List.of(an, jo),
            List.of(assign(BACKUP, 1L, 20, 2L), assign(NETWORK, 2L, 20, 1L)));
        assertThat(findings).isEmpty();
    }

    @Test
    void findingsComeMostSevereFirst() {
        var an = member(1, "An", 10, false, Cluster.PEDAGOGICAL);
        var findings = CoverageAnalysis.analyse(List.of(HARDWARE, LEARNING_LINE), List.of(an), List.of(assign(HARDWARE, 1L, 14)));
        assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(findings).extracting(Finding::message).allSatisfy(m -> assertThat(m).startsWith("team.finding."));
    }
}
