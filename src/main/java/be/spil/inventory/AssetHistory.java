package be.spil.inventory;

import be.spil.audit.AuditTrail;
import java.time.Instant;
import java.util.List;

/** An asset's status changes, who had it when, and its audit trail; each newest first. */
public record AssetHistory(List<StatusChange> status, List<Assignment> assignments, List<AuditTrail.Entry> audit) {
    public record StatusChange(AssetStatus from, AssetStatus to, String reason, Instant at, String actor) {}

    public record Assignment(AssigneeType type, long id, String name, Instant from, Instant until, String assignedBy) {}
}
