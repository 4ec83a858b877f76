package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.policy.LineDiff.Kind;
import be.spil.policy.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void keepsCommonLinesAndMarksWhatWasAddedAndRemoved() {
        assertThat(LineDiff.compare("# Plan\nVisie A\nDoel 1\n", "# Plan\nVisie B\nDoel 1\nDoel 2\n")).containsExactly(
            new Line(Kind.SAME, "# Plan"), new Line(Kind.REMOVED, "Visie A"), new Line(Kind.ADDED, "Visie B"),
            new Line(Kind.SAME, "Doel 1"), new Line(Kind.ADDED, "Doel 2"), new Line(Kind.SAME, ""));
    }

    @Test
    void emptyAndIdenticalDocuments() {
        assertThat(LineDiff.compare("", "")).isEmpty();
        assertThat(LineDiff.compare(null, "a")).containsExactly(new Line(Kind.ADDED, "a"));
        assertThat(LineDiff.compare("a\nb", "a\nb")).extracting(Line::kind).containsOnly(Kind.SAME);
    }

    @Test
    void veryLongDocumentsAreComparedAsAWholeWithoutQuadraticMemory() {
        String big = "x\n".repeat(LineDiff.MAX_LINES + 1);
        assertThat(LineDiff.compare(big, "y")).last().isEqualTo(new Line(Kind.ADDED, "y"));
    }
}
