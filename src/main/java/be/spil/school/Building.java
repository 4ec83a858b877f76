package be.spil.school;

import be.spil.shared.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A building of a school; its name is unique in the school. */
@Table("building")
class Building {
    @Id Long id;
    Long schoolId;
    String name;
    String address;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static Building create(long schoolId, BuildingForm form, Instant now, String actor) {
        var b = new Building();
        b.schoolId = schoolId;
        b.createdAt = now;
        b.change(form, now, actor);
        return b;
    }

    void change(BuildingForm form, Instant now, String actor) {
        name = form.name().trim();
        address = Text.blankToNull(form.address());
        touch(now, actor);
    }

    void setArchived(boolean archived, Instant now, String actor) {
        this.archived = archived;
        touch(now, actor);
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("name", name);
        m.put("address", address);
        m.put("archived", String.valueOf(archived));
        return m;
    }

    BuildingView view() {
        return new BuildingView(id, name, address, archived, version);
    }
}
