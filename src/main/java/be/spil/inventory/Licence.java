package be.spil.inventory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A software licence of a school; its key is readable by the ICT team only, and never written in the history. */
@Table("software_licence")
class Licence {
    @Id Long id;
    Long schoolId;
    Long titleId;
    LicenceType type;
    Integer seats;
    BigDecimal cost;
    LocalDate startDate;
    LocalDate endDate;
    Long supplierId;
    String reference;
    String licenceKey;
    String notes;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    /** The checked values of a form; {@code keepKey} leaves the stored key as it is. */
    record Values(long titleId, LicenceType type, Integer seats, BigDecimal cost, LocalDate startDate, LocalDate endDate,
                  Long supplierId, String reference, String licenceKey, boolean keepKey, String notes) {}

    static Licence create(long schoolId, Values v, Instant now, String actor) {
        var l = new Licence();
        l.schoolId = schoolId;
        l.createdAt = now;
        l.change(v, now, actor);
        return l;
    }

    void change(Values v, Instant now, String actor) {
        titleId = v.titleId();
        type = v.type();
        seats = v.type().unlimited() ? null : v.seats();
        cost = v.cost();
        startDate = v.startDate();
        endDate = v.endDate();
        supplierId = v.supplierId();
        reference = v.reference();
        if (!v.keepKey()) {
            licenceKey = v.licenceKey();
        }
        notes = v.notes();
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

    /** The history's values: the key only as a short fingerprint, so a change shows without revealing it. */
    Map<String, String> auditView(String title, String supplier) {
        var m = new LinkedHashMap<String, String>();
        m.put("title", title);
        m.put("licenceType", type == null ? null : type.name());
        m.put("seats", seats == null ? null : seats.toString());
        m.put("cost", cost == null ? null : cost.toPlainString());
        m.put("startDate", startDate == null ? null : startDate.toString());
        m.put("endDate", endDate == null ? null : endDate.toString());
        m.put("supplier", supplier);
        m.put("reference", reference);
        m.put("licenceKey", fingerprint(licenceKey));
        m.put("notes", notes);
        m.put("archived", String.valueOf(archived));
        return m;
    }

    static String fingerprint(String key) {
        if (key == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "•••• " + HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
