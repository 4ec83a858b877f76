package be.spil.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A class or group of a school ("5A", "3 STEM"), with its grade (leerjaar). */
@Table("class_group")
class ClassGroup {
    @Id Long id;
    Long schoolId;
    String name;
    Integer grade;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static ClassGroup create(long schoolId, String name, Integer grade, Instant now, String actor) {
        var g = new ClassGroup();
        g.schoolId = schoolId;
        g.createdAt = now;
        g.change(name, grade, now, actor);
        return g;
    }

    void change(String name, Integer grade, Instant now, String actor) {
        this.name = name.trim();
        this.grade = grade;
        updatedAt = now;
        updatedBy = actor;
    }

    void setArchived(boolean archived, Instant now, String actor) {
        this.archived = archived;
        updatedAt = now;
        updatedBy = actor;
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("name", name);
        m.put("grade", grade == null ? null : grade.toString());
        m.put("archived", String.valueOf(archived));
        return m;
    }

    GroupView view() {
        return new GroupView(id, name, grade, archived, version);
    }
}
