package be.spil.inventory;

import be.spil.shared.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A title of a school's software catalog; archived, never deleted. */
@Table("software_title")
class SoftwareTitle {
    @Id Long id;
    Long schoolId;
    String name;
    String nameKey;
    String publisher;
    SoftwareCategory category;
    SoftwarePlatform platform;
    String searchText;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static SoftwareTitle create(long schoolId, Software.TitleForm form, Instant now, String actor) {
        var t = new SoftwareTitle();
        t.schoolId = schoolId;
        t.createdAt = now;
        t.change(form, now, actor);
        return t;
    }

    void change(Software.TitleForm form, Instant now, String actor) {
        name = form.name().strip();
        nameKey = Text.searchKey(name);
        publisher = Text.blankToNull(form.publisher());
        category = form.category();
        platform = form.platform();
        searchText = Text.searchKey(name + " " + (publisher == null ? "" : publisher));
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
        m.put("publisher", publisher);
        m.put("softwareCategory", category == null ? null : category.name());
        m.put("platform", platform == null ? null : platform.name());
        m.put("archived", String.valueOf(archived));
        return m;
    }
}
