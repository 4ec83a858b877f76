package be.spil.lending;

import java.time.Instant;

/** A device handed out for a reservation, and (once back) when, in which condition, and whether it came back late. */
public record LoanedDevice(long assetId, String tag, Instant handedOutAt, String handedOutBy, Instant returnedAt, String returnedBy,
                           Condition condition, String note, boolean late) {}
