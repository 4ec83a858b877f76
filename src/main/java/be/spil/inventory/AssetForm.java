package be.spil.inventory;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An asset's data as a user enters it. An empty tag gets the next number of the school; manufacturer and model are
 * looked up in the catalog (and added to it when new); {@code status} counts only when the asset is created.
 */
public record AssetForm(
    @NotNull AssetCategory category,
    @Size(max = 100) String manufacturer,
    @Size(max = 100) String model,
    @Size(max = 30) String tag,
    @Size(max = 100) String serial,
    AssetStatus status,
    Long roomId,
    Long supplierId,
    @Size(max = 100) String orderReference,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate purchaseDate,
    @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate warrantyEnd,
    @Size(max = 100) String hostname,
    @Size(max = 500) String macAddresses,
    @Size(max = 45) String ipAddress,
    @Size(max = 4000) String notes,
    Integer version) {

    static AssetForm empty() {
        return new AssetForm(AssetCategory.LAPTOP, null, null, null, null, AssetStatus.IN_STOCK, null, null, null, null, null,
            null, null, null, null, null, null);
    }

    static AssetForm of(AssetView a) {
        return new AssetForm(a.category(), a.manufacturer(), a.model(), a.tag(), a.serial(), a.status(), a.roomId(),
            a.supplierId(), a.orderReference(), a.purchaseDate(), a.price(), a.warrantyEnd(), a.hostname(),
            String.join(", ", a.macAddresses()), a.ipAddress(), a.notes(), a.version());
    }

    AssetForm withVersion(Integer v) {
        return new AssetForm(category, manufacturer, model, tag, serial, status, roomId, supplierId, orderReference, purchaseDate,
            price, warrantyEnd, hostname, macAddresses, ipAddress, notes, v);
    }
}
