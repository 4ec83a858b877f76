package be.spil.school;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("school")
class School {
    @Id Long id;
    String code;
    String name;
    String street;
    String postalCode;
    String city;
    String institutionNumber;
    SchoolLevel level;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static School create(SchoolForm form, Instant now, String actor) {
        var s = new School();
        s.code = form.code().trim().toLowerCase(java.util.Locale.ROOT);
        s.createdAt = now;
        s.apply(form, now, actor);
        return s;
    }

    void apply(SchoolForm form, Instant now, String actor) {
        name = form.name().trim();
        street = be.spil.shared.Text.blankToNull(form.street());
        postalCode = be.spil.shared.Text.blankToNull(form.postalCode());
        city = be.spil.shared.Text.blankToNull(form.city());
        institutionNumber = be.spil.shared.Text.blankToNull(form.institutionNumber());
        level = form.level();
        touch(now, actor);
    }

    void archive(Instant now, String actor) {
        archived = true;
        touch(now, actor);
    }

    void restore(Instant now, String actor) {
        archived = false;
        touch(now, actor);
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("code", code);
        m.put("name", name);
        m.put("street", street);
        m.put("postalCode", postalCode);
        m.put("city", city);
        m.put("institutionNumber", institutionNumber);
        m.put("level", level == null ? null : level.name());
        m.put("archived", String.valueOf(archived));
        return m;
    }

    SchoolView view() {
        return new SchoolView(id, code, name, street, postalCode, city, institutionNumber, level, archived, version, updatedAt, updatedBy);
    }
}
