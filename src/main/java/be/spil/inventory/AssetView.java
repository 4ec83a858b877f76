package be.spil.inventory;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An asset as other modules and the API see it; the price is a decimal string in EUR incl. VAT. */
public record AssetView(long id, String tag, String serial, AssetCategory category, Long modelId, String manufacturer,
                        String model, AssetStatus status, Long roomId, String room, Assignee assignedTo, Long supplierId,
                        String supplier, String orderReference, LocalDate purchaseDate,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price, LocalDate warrantyEnd,
                        String hostname, List<String> macAddresses, String ipAddress, String notes, int version,
                        Instant createdAt, Instant updatedAt, String updatedBy) {

    /** The person, class/group or room the asset is assigned to, with its name at the time of assignment. */
    public record Assignee(AssigneeType type, long id, String name) {}

    /** "Dell Latitude 5440", or null. */
    public String modelName() {
        return model == null ? null : manufacturer + " " + model;
    }
}
