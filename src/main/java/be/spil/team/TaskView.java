package be.spil.team;

import java.time.Instant;
import java.util.Set;

/**
 * A task as a school sees it: from the catalog (with the school's own name when it renamed it) or the school's own.
 * {@code levels}: who may carry it according to the guide; {@code carriedBy}: whom the guide names. {@code updatedAt}/{@code updatedBy}: the school's last change (null for
 * a catalog task as shipped).
 */
public record TaskView(long id, String code, Cluster cluster, String parent, String name, String nameEn, Set<Level> levels,
                       String carriedBy, String carriedByEn, boolean own, boolean retired, int version, Instant updatedAt, String updatedBy) {
    /** The name in the reader's language (Dutch unless English). */
    public String name(String lang) {
        return "en".equals(lang) && nameEn != null ? nameEn : name;
    }
}
