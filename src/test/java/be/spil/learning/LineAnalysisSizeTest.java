package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The size: 60 competences × 12 grades × 6 domains with 2,000 activities. The analysis stays far below its
 * 50 ms budget (the figure is in docs/benchmarks.md); the bound here is generous so a busy build machine does not fail.
 */
class LineAnalysisSizeTest {
    @Test
    void analysesTwoThousandActivitiesOverSixtyCompetencesQuickly() {
        var competences = new ArrayList<LineAnalysis.Competence>();
        for (int i = 0; i < 60; i++) {
            competences.add(new LineAnalysis.Competence("C" + i, "Competentie " + i));
        }
        var grades = List.of(Grade.K1, Grade.K2, Grade.K3, Grade.L1, Grade.L2, Grade.L3, Grade.L4, Grade.L5, Grade.L6,
            Grade.S1, Grade.S2, Grade.S3);
        var domains = List.of("Wiskunde", "Taal", "Frans", "Wereldoriëntatie", "Muzische vorming", "Lichamelijke opvoeding");
        var random = new Random(42);
        var activities = new ArrayList<LineAnalysis.Activity>();
        for (int i = 0; i < 2000; i++) {
            activities.add(new LineAnalysis.Activity("C" + random.nextInt(60), grades.get(random.nextInt(12)),
                domains.get(random.nextInt(6)), Step.values()[random.nextInt(3)], WorkForm.values()[random.nextInt(6)]));
        }
        LineAnalysis.Result result = null;
        long[] nanos = new long[30];
        for (int run = 0; run < nanos.length; run++) {
            long start = System.nanoTime();
            result = LineAnalysis.analyse(competences, grades, domains, activities);
            nanos[run] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double medianMs = nanos[nanos.length / 2] / 1e6;
        System.out.printf("learning line analysis, 60 x 12 x 6, 2000 activities: median %.2f ms, max %.2f ms%n", medianMs,
            nanos[nanos.length - 1] / 1e6);
        assertThat(result.covered()).isEqualTo(60);
        assertThat(result.perGrade().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2000);
        assertThat(medianMs).isLessThan(200);
    }
}
