package be.spil.learning;

import be.spil.school.SchoolLevel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A grade (leerjaar) of a learning line: kleuter K1–K3 and lager L1–L6 in basisonderwijs, years 1–6 in secundair. */
public enum Grade {
    K1, K2, K3, L1, L2, L3, L4, L5, L6, S1, S2, S3, S4, S5, S6;

    static final List<Grade> BASIS = List.of(K1, K2, K3, L1, L2, L3, L4, L5, L6);
    static final List<Grade> SECUNDAIR = List.of(S1, S2, S3, S4, S5, S6);

    /** The grades of a school of this kind, lowest first. */
    static List<Grade> of(SchoolLevel level) {
        return level == SchoolLevel.SECUNDAIR ? SECUNDAIR : BASIS;
    }

    /** How a grade is written: K1, L3, or for secondary just 1–6. */
    public String label() {
        return name().startsWith("S") ? name().substring(1) : name();
    }

    /** By name or label (k1, L3, 4 for secondary), case-insensitive, among the grades of the school. */
    static Optional<Grade> parse(String s, List<Grade> allowed) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim().toUpperCase(Locale.ROOT);
        return allowed.stream().filter(g -> g.name().equals(t) || g.label().equals(t)).findFirst();
    }
}
