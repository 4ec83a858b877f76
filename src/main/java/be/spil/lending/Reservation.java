package be.spil.lending;

import be.spil.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A reservation of devices of a pool for lesson periods on one day. */
@Table("reservation")
class Reservation {
    @Id Long id;
    Long schoolId;
    Long poolId;
    Long seriesId;
    Long personId;
    String personName;
    Long groupId;
    Long roomId;
    @org.springframework.data.relational.core.mapping.Column("on_day")
    LocalDate day;
    String periods;
    Integer devices;
    Instant startsAt;
    Instant endsAt;
    ReservationStatus status;
    String note;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static Reservation create(long schoolId, long poolId, long personId, String personName, Slots slots, Long groupId, Long roomId,
                              String note, ReservationStatus status, Instant now, String actor) {
        var r = new Reservation();
        r.schoolId = schoolId;
        r.poolId = poolId;
        r.personId = personId;
        r.personName = personName;
        r.createdAt = now;
        r.status = status;
        r.change(slots, groupId, roomId, note, now, actor);
        return r;
    }

    void change(Slots slots, Long groupId, Long roomId, String note, Instant now, String actor) {
        this.day = slots.day();
        this.periods = slots.periods().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.devices = slots.devices();
        this.startsAt = slots.startsAt();
        this.endsAt = slots.endsAt();
        this.groupId = groupId;
        this.roomId = roomId;
        this.note = Text.blankToNull(note);
        touch(now, actor);
    }

    boolean started(Instant now) {
        return !now.isBefore(startsAt);
    }

    void cancel(Instant now, String actor) {
        status = ReservationStatus.CANCELLED;
        touch(now, actor);
    }

    void approve(Instant now, String actor) {
        status = ReservationStatus.CONFIRMED;
        touch(now, actor);
    }

    void handedOut(Instant now, String actor) {
        status = ReservationStatus.HANDED_OUT;
        touch(now, actor);
    }

    void returned(Instant now, String actor) {
        status = ReservationStatus.RETURNED;
        touch(now, actor);
    }

    List<Integer> periodList() {
        return Arrays.stream(periods.split(",")).map(Integer::valueOf).toList();
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("date", day.toString());
        m.put("periods", periods);
        m.put("devices", devices.toString());
        m.put("groupId", groupId == null ? null : groupId.toString());
        m.put("roomId", roomId == null ? null : roomId.toString());
        m.put("note", note);
        m.put("status", status.name());
        return m;
    }

    /** The day, periods and number of devices of a reservation, with its start and end from the lesson periods. */
    record Slots(LocalDate day, List<Integer> periods, int devices, Instant startsAt, Instant endsAt) {}
}
