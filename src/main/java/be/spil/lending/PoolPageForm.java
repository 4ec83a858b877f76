package be.spil.lending;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;

/** The pool form of the web page: the devices as one text of asset tags (typed or scanned). */
record PoolPageForm(@NotBlank @Size(max = 80) String name, @Size(max = 1000) String description, Long homeRoomId,
                    ReservableBy reservableBy, @Min(1) @Max(1000) Integer maxPerReservation, Boolean needsApproval,
                    @Size(max = 20000) String devices, Integer version) {

    static PoolPageForm empty() {
        return new PoolPageForm("", "", null, ReservableBy.STAFF, null, false, "", null);
    }

    static PoolPageForm of(PoolView p) {
        return new PoolPageForm(p.name(), p.description(), p.homeRoomId(), p.reservableBy(), p.maxPerReservation(), p.needsApproval(),
            String.join(" ", p.devices().stream().map(PoolView.Device::tag).toList()), p.version());
    }

    PoolForm toForm() {
        var tags = devices == null ? java.util.List.<String>of()
            : Arrays.stream(devices.split("[\\s,;]+")).filter(t -> !t.isBlank()).toList();
        return new PoolForm(name, description, homeRoomId, reservableBy, maxPerReservation, Boolean.TRUE.equals(needsApproval), tags,
            version);
    }
}
