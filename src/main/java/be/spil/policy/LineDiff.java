package be.spil.policy;

import java.util.ArrayList;
import java.util.List;

/** What changed between two versions of a document, line by line (longest common subsequence). */
final class LineDiff {
    enum Kind { SAME, ADDED, REMOVED }

    record Line(Kind kind, String text) {}

    /** Above this many lines per side the comparison is not made line by line but as "all removed, all added". */
    static final int MAX_LINES = 4000;

    private LineDiff() {}

    static List<Line> compare(String older, String newer) {
        String[] a = lines(older);
        String[] b = lines(newer);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String line : a) {
                out.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                out.add(new Line(Kind.ADDED, line));
            }
            return out;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Kind.ADDED, b[j++]));
        }
        return out;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\\R", -1);
    }
}
