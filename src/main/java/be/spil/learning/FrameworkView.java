package be.spil.learning;

import java.util.List;

/**
 * A competence framework in one version. {@code school} is the code of the school that owns it, null for the
 * frameworks shipped with Spil or imported for the whole school group; {@code competences} only in the detail view.
 */
public record FrameworkView(long id, String code, String version, String name, String nameEn, String audience,
                            List<String> levels, String source, String licence, String attribution, String note, String school,
                            int competenceCount, List<CompetenceView> competences) {

    /** An area (parent null) or a competence/goal of the framework. */
    public record CompetenceView(String code, String parent, String level, String name, String nameEn) {
        public boolean area() {
            return parent == null;
        }
    }

    /** The competences that activities can be planned for: those without children (leaves). */
    public List<CompetenceView> leaves() {
        var parents = competences.stream().map(CompetenceView::parent).filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toSet());
        return competences.stream().filter(c -> !parents.contains(c.code())).toList();
    }

    public String label() {
        return name + " (" + version + ")";
    }
}
