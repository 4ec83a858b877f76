package be.spil.inventory;

import be.spil.shared.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An asset of a school. Retired and disposed assets stay with all their history: nothing is deleted. */
@Table("asset")
class Asset {
    @Id Long id;
    Long schoolId;
    String tag;
    String serial;
    AssetCategory category;
    Long modelId;
    AssetStatus status;
    Long roomId;
    AssigneeType assigneeType;
    Long assigneeId;
    String assigneeName;
    Long supplierId;
    String orderReference;
    LocalDate purchaseDate;
    BigDecimal price;
    LocalDate warrantyEnd;
    String hostname;
    String macAddresses;
    String ipAddress;
    String notes;
    String searchText;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    /** The checked values of a form: tag, serial and MACs normalised, model resolved; the service builds it. */
    record Values(String tag, String serial, AssetCategory category, AssetModel model, Long roomId, Long supplierId,
                  String orderReference, LocalDate purchaseDate, BigDecimal price, LocalDate warrantyEnd, String hostname,
                  String macAddresses, String ipAddress, String notes) {}

    static Asset create(long schoolId, Values values, AssetStatus status, Instant now, String actor) {
        var a = new Asset();
        a.schoolId = schoolId;
        a.status = status;
        a.createdAt = now;
        a.change(values, now, actor);
        return a;
    }

    void change(Values v, Instant now, String actor) {
        tag = v.tag();
        serial = v.serial();
        category = v.category();
        modelId = v.model() == null ? null : v.model().id;
        roomId = v.roomId();
        supplierId = v.supplierId();
        orderReference = v.orderReference();
        purchaseDate = v.purchaseDate();
        price = v.price();
        warrantyEnd = v.warrantyEnd();
        hostname = v.hostname();
        macAddresses = v.macAddresses();
        ipAddress = v.ipAddress();
        notes = v.notes();
        index(v.model() == null ? null : v.model().manufacturer + " " + v.model().name);
        touch(now, actor);
    }

    void moveTo(Long roomId, Instant now, String actor) {
        this.roomId = roomId;
        touch(now, actor);
    }

    void setStatus(AssetStatus status, Instant now, String actor) {
        this.status = status;
        touch(now, actor);
    }

    void assign(AssigneeType type, Long id, String name, String modelText, Instant now, String actor) {
        assigneeType = type;
        assigneeId = id;
        assigneeName = name;
        index(modelText);
        touch(now, actor);
    }

    /** The search key: tag, serial, hostname, MACs, model and assignee, without case or accents. */
    private void index(String modelText) {
        searchText = Text.searchKey(String.join(" ", nz(tag), nz(serial), nz(hostname), nz(macAddresses), nz(modelText),
            nz(assigneeName)));
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The values for the history, with names instead of ids where the service knows them. */
    Map<String, String> auditView(String model, String room, String supplier) {
        var m = new LinkedHashMap<String, String>();
        m.put("tag", tag);
        m.put("serial", serial);
        m.put("category", category == null ? null : category.name());
        m.put("model", model);
        m.put("status", status == null ? null : status.name());
        m.put("room", room);
        m.put("assignedTo", assigneeName);
        m.put("supplier", supplier);
        m.put("orderReference", orderReference);
        m.put("purchaseDate", purchaseDate == null ? null : purchaseDate.toString());
        m.put("price", price == null ? null : price.toPlainString());
        m.put("warrantyEnd", warrantyEnd == null ? null : warrantyEnd.toString());
        m.put("hostname", hostname);
        m.put("macAddresses", macAddresses);
        m.put("ipAddress", ipAddress);
        m.put("notes", notes);
        return m;
    }
}
