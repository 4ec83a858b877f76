package be.spil.directory;

import be.spil.shared.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A supplier, an external firm, the umbrella organisation…: shared by every school of the group. */
@Table("organisation")
class Organisation {
    @Id Long id;
    String name;
    OrganisationKind kind;
    String enterpriseNumber;
    String email;
    String phone;
    String website;
    String address;
    String notes;
    String searchText;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;
    @MappedCollection(idColumn = "organisation_id", keyColumn = "position") List<Contact> contacts = new ArrayList<>();

    static Organisation create(OrganisationForm form, Instant now, String actor) {
        var o = new Organisation();
        o.createdAt = now;
        o.change(form, now, actor);
        return o;
    }

    void change(OrganisationForm form, Instant now, String actor) {
        name = form.name().trim();
        kind = form.kind();
        enterpriseNumber = Text.blankToNull(form.enterpriseNumber());
        email = Text.blankToNull(form.email());
        phone = Text.blankToNull(form.phone());
        website = Text.blankToNull(form.website());
        address = Text.blankToNull(form.address());
        notes = Text.blankToNull(form.notes());
        contacts = form.contacts().stream().filter(c -> !c.isBlank())
            .map(c -> new Contact(c.name().trim(), Text.blankToNull(c.function()), Text.blankToNull(c.email()), Text.blankToNull(c.phone())))
            .collect(Collectors.toCollection(ArrayList::new));
        searchText = Text.searchKey(name + " " + (email == null ? "" : email) + " "
            + contacts.stream().map(Contact::name).collect(Collectors.joining(" ")));
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
        m.put("kind", kind.name());
        m.put("enterpriseNumber", enterpriseNumber);
        m.put("email", email);
        m.put("phone", phone);
        m.put("website", website);
        m.put("address", address);
        m.put("notes", notes);
        m.put("contacts", contacts.stream().map(c -> c.name() + (c.email() == null ? "" : " <" + c.email() + ">"))
            .collect(Collectors.joining("; ")));
        m.put("archived", String.valueOf(archived));
        return m;
    }

    OrganisationView view() {
        return new OrganisationView(id, name, kind, enterpriseNumber, email, phone, website, address, notes, List.copyOf(contacts),
            archived, version, updatedAt, updatedBy);
    }
}
