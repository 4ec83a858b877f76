package be.spil.learning;

import static be.spil.learning.Grade.K1;
import static be.spil.learning.Grade.K2;
import static be.spil.learning.Grade.K3;
import static be.spil.learning.Grade.L1;
import static be.spil.learning.Grade.L2;
import static be.spil.learning.Grade.L3;
import static be.spil.learning.Grade.L4;
import static be.spil.learning.Grade.L5;
import static be.spil.learning.Grade.L6;
import static be.spil.learning.Step.INTRODUCE;
import static be.spil.learning.Step.MASTER;
import static be.spil.learning.Step.PRACTISE;
import static org.assertj.core.api.Assertions.assertThat;

import be.spil.learning.LineAnalysis.Activity;
import be.spil.learning.LineAnalysis.Competence;
import be.spil.learning.LineFinding.Kind;
import be.spil.learning.LineFinding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the analysis on a small hand-made learning line whose findings are known. */
class LineAnalysisTest {
    static final List<Grade> PRIMARY = List.of(L1, L2, L3, L4, L5, L6);
    static final List<String> DOMAINS = List.of("Wiskunde", "Taal");

    static Activity a(String competence, Grade grade, Step step) {
        return new Activity(competence, grade, "Wiskunde", step, null);
    }

    static Activity a(String competence, Grade grade, Step step, String domain) {
        return new Activity(competence, grade, domain, step, null);
    }

    static List<LineFinding> of(LineAnalysis.Result r, Kind kind) {
        return r.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    /** A competence introduced, practised and mastered in rising grades, every grade once, both domains. */
    static List<Activity> clean(String code) {
        return List.of(a(code, L1, INTRODUCE, "Wiskunde"), a(code, L2, INTRODUCE, "Taal"), a(code, L3, PRACTISE, "Wiskunde"),
            a(code, L4, PRACTISE, "Taal"), a(code, L5, MASTER, "Wiskunde"), a(code, L6, MASTER, "Taal"));
    }

    @Test
    void aWellBuiltLineHasNoBuildUpOrBalanceFindings() {
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, DOMAINS, clean("1.1"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.covered()).isEqualTo(1);
        assertThat(r.mastered()).isEqualTo(1);
        assertThat(r.coveragePercent()).isEqualTo(100);
        assertThat(r.heat().get("1.1").get(L5)).isEqualTo(new LineAnalysis.Cell(1, MASTER));
    }

    @Test
    void anEmptyLineIsOneCriticalFinding() {
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken"), new Competence("1.2", "Evalueren")), PRIMARY, DOMAINS,
            List.of());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.EMPTY_LINE);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.args()).containsExactly(2);
        });
        assertThat(r.coveragePercent()).isZero();
    }

    @Test
    void reportsACompetenceWithoutActivitiesAsMissing() {
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken"), new Competence("3.4", "Programmeren")), PRIMARY,
            DOMAINS, clean("1.1"));
        assertThat(of(r, Kind.MISSING)).singleElement().satisfies(f -> {
            assertThat(f.competence()).isEqualTo("3.4");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(r.covered()).isEqualTo(1);
        assertThat(r.coveragePercent()).isEqualTo(50);
    }

    @Test
    void reportsMasteryWithoutIntroduction() {
        var list = List.of(a("1.1", L1, PRACTISE), a("1.1", L2, MASTER), a("1.1", L3, INTRODUCE));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(L1, L2, L3), DOMAINS, list);
        assertThat(of(r, Kind.MASTERED_WITHOUT_INTRODUCTION)).singleElement().satisfies(f -> assertThat(f.grade()).isEqualTo(L2));
        // practising before the introduction is also too early; mastery is not reported twice
        assertThat(of(r, Kind.TOO_EARLY)).singleElement().satisfies(f -> {
            assertThat(f.grade()).isEqualTo(L1);
            assertThat(f.message()).isEqualTo("learning.finding.TOO_EARLY.PRACTISE");
        });
    }

    @Test
    void reportsMasteryBeforePractiseAsTooEarly() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L2, MASTER), a("1.1", L3, PRACTISE));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(L1, L2, L3), DOMAINS, list);
        assertThat(of(r, Kind.TOO_EARLY)).singleElement().satisfies(f -> {
            assertThat(f.grade()).isEqualTo(L2);
            assertThat(f.message()).isEqualTo("learning.finding.TOO_EARLY.MASTER");
        });
        assertThat(of(r, Kind.MASTERED_WITHOUT_INTRODUCTION)).isEmpty();
    }

    @Test
    void stepsInTheSameGradeAreNotTooEarly() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L1, PRACTISE), a("1.1", L1, MASTER));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(L1), DOMAINS, list);
        assertThat(of(r, Kind.TOO_EARLY)).isEmpty();
        assertThat(of(r, Kind.MASTERED_WITHOUT_INTRODUCTION)).isEmpty();
        assertThat(r.heat().get("1.1").get(L1)).isEqualTo(new LineAnalysis.Cell(3, MASTER));
    }

    @Test
    void reportsACompetenceThatIsNeverMastered() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L2, PRACTISE));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, DOMAINS, list);
        assertThat(of(r, Kind.NOT_MASTERED)).singleElement().satisfies(f -> assertThat(f.args()).endsWith("L6"));
        assertThat(r.mastered()).isZero();
    }

    @Test
    void reportsGradesSkippedBetweenFirstAndLastActivityWithTheirLength() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L2, PRACTISE), a("1.1", L5, MASTER), a("1.1", L6, MASTER));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, DOMAINS, list);
        assertThat(of(r, Kind.GAP)).singleElement().satisfies(f -> {
            assertThat(f.grade()).isEqualTo(L3);
            assertThat(f.numbers()).containsEntry("grades", 2);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.args()).containsSequence("L3", "L4", 2);
        });
    }

    @Test
    void aSingleSkippedGradeIsOnlyInformation() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L3, PRACTISE), a("1.1", L3, MASTER));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(L1, L2, L3), DOMAINS, list);
        assertThat(of(r, Kind.GAP)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void reportsAGradeThatOnlyIntroducesAgainAfterPractiseAsRegression() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L2, PRACTISE), a("1.1", L3, INTRODUCE), a("1.1", L4, MASTER),
            a("1.1", L5, PRACTISE));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(L1, L2, L3, L4, L5), DOMAINS, list);
        // L3 falls back to introducing; L5 practising after mastery is keeping it up, not a regression
        assertThat(of(r, Kind.REGRESSION)).singleElement().satisfies(f -> {
            assertThat(f.grade()).isEqualTo(L3);
            assertThat(f.args()).contains(PRACTISE);
        });
    }

    @Test
    void reportsActivitiesForCompetencesTheFrameworkDoesNotHave() {
        var list = new ArrayList<>(clean("1.1"));
        list.add(a("9.9", L1, INTRODUCE));
        list.add(a("9.9", L2, PRACTISE));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, DOMAINS, list);
        assertThat(of(r, Kind.UNKNOWN_COMPETENCE)).singleElement().satisfies(f -> {
            assertThat(f.competence()).isEqualTo("9.9");
            assertThat(f.numbers()).containsEntry("activities", 2);
        });
        // they do not count in the balance
        assertThat(r.perGrade().get(L1)).isEqualTo(1);
    }

    @Test
    void gradesFarAboveOrBelowTheMeanAreReportedWithTheMeasure() {
        // 12 activities over 3 grades: mean 4; K1 has 8 (+100%), K2 has 3 (-25%, fine), K3 has 1 (-75%)
        var list = new ArrayList<Activity>();
        for (int i = 0; i < 8; i++) {
            list.add(a("1.1", K1, INTRODUCE, i % 2 == 0 ? "Wiskunde" : "Taal"));
        }
        for (int i = 0; i < 3; i++) {
            list.add(a("1.1", K2, PRACTISE, i % 2 == 0 ? "Wiskunde" : "Taal"));
        }
        list.add(a("1.1", K3, MASTER, "Taal"));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(K1, K2, K3), DOMAINS, list);
        assertThat(of(r, Kind.GRADE_HEAVY)).singleElement().satisfies(f -> {
            assertThat(f.grade()).isEqualTo(K1);
            assertThat(f.numbers()).containsEntry("percent", 100).containsEntry("mean", 4.0);
        });
        assertThat(of(r, Kind.GRADE_LIGHT)).singleElement().satisfies(f -> {
            assertThat(f.grade()).isEqualTo(K3);
            assertThat(f.numbers()).containsEntry("percent", -75);
            assertThat(f.args()).containsExactly("K3", 1, 4.0, 75);
        });
        assertThat(LineAnalysis.BALANCE_PERCENT).isEqualTo(50);
    }

    @Test
    void reportsAGradeWithoutActivities() {
        var list = List.of(a("1.1", L1, INTRODUCE), a("1.1", L1, PRACTISE), a("1.1", L3, MASTER), a("1.1", L3, MASTER));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), List.of(L1, L2, L3), DOMAINS, list);
        assertThat(of(r, Kind.GRADE_EMPTY)).singleElement().satisfies(f -> assertThat(f.grade()).isEqualTo(L2));
    }

    @Test
    void reportsDomainsThatCarryNothingTooMuchOrAreNoLongerListed() {
        var domains = List.of("Wiskunde", "Taal", "Frans", "Muzische vorming");
        var list = new ArrayList<Activity>();
        for (int i = 0; i < 6; i++) {
            list.add(a("1.1", PRIMARY.get(i), i < 2 ? INTRODUCE : i < 4 ? PRACTISE : MASTER, "Wiskunde"));
        }
        list.add(a("1.1", L1, INTRODUCE, "Taal"));
        list.add(a("1.1", L2, INTRODUCE, "Frans"));
        list.add(a("1.1", L2, INTRODUCE, "Turnen"));
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, domains, list);
        assertThat(of(r, Kind.DOMAIN_UNUSED)).singleElement().satisfies(f -> assertThat(f.domain()).isEqualTo("Muzische vorming"));
        // 8 activities in listed domains over 4 domains: mean 2; Wiskunde 6 is +200%, Taal and Frans 1 are -50% (not beyond)
        assertThat(of(r, Kind.DOMAIN_HEAVY)).singleElement().satisfies(f -> {
            assertThat(f.domain()).isEqualTo("Wiskunde");
            assertThat(f.numbers()).containsEntry("percent", 200);
        });
        assertThat(of(r, Kind.DOMAIN_LIGHT)).isEmpty();
        assertThat(of(r, Kind.UNKNOWN_DOMAIN)).singleElement().satisfies(f -> assertThat(f.domain()).isEqualTo("Turnen"));
        assertThat(r.perDomain()).containsEntry("Wiskunde", 6).containsEntry("Muzische vorming", 0).doesNotContainKey("Turnen");
    }

    @Test
    void judgesTheMixOfWorkFormsFromTenActivitiesOn() {
        var list = new ArrayList<Activity>();
        for (int i = 0; i < 10; i++) {
            var step = i < 3 ? INTRODUCE : i < 6 ? PRACTISE : MASTER;
            list.add(new Activity("1.1", PRIMARY.get(i * 6 / 10), i % 2 == 0 ? "Wiskunde" : "Taal", step,
                i < 7 ? WorkForm.GROUP : WorkForm.PARTNER));
        }
        var r = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, DOMAINS, list);
        assertThat(of(r, Kind.WORK_FORM_DOMINANT)).singleElement().satisfies(f -> assertThat(f.args()).containsExactly(WorkForm.GROUP, 70));
        assertThat(of(r, Kind.WORK_FORMS_UNUSED)).singleElement()
            .satisfies(f -> assertThat(f.args()).containsExactly(List.of(WorkForm.CORNER, WorkForm.CONTRACT, WorkForm.SELF_DIRECTED)));

        var few = LineAnalysis.analyse(List.of(new Competence("1.1", "Zoeken")), PRIMARY, DOMAINS, list.subList(0, 9));
        assertThat(of(few, Kind.WORK_FORM_DOMINANT)).isEmpty();
        assertThat(of(few, Kind.WORK_FORMS_UNUSED)).isEmpty();
    }

    @Test
    void findingsComeMostSeriousFirstThenByCompetenceOrder() {
        var competences = List.of(new Competence("2.1", "Interageren"), new Competence("1.1", "Zoeken"), new Competence("3.1", "Maken"));
        var list = new ArrayList<>(clean("1.1"));
        list.add(a("3.1", L6, MASTER));
        var r = LineAnalysis.analyse(competences, PRIMARY, DOMAINS, list);
        assertThat(r.findings().get(0).kind()).isEqualTo(Kind.MISSING);
        assertThat(r.findings().get(0).competence()).isEqualTo("2.1");
        assertThat(r.findings()).isSortedAccordingTo(java.util.Comparator.comparing(LineFinding::severity));
    }
}
