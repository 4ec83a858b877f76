package be.spil.helpdesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The SLA of one priority in minutes of school time: the first response and the resolution. {@code own}: the school's
 * own target rather than the group's default (ignored when replacing).
 */
public record SlaTarget(@NotNull Priority priority, @NotNull @Min(1) @Max(100000) Integer responseMinutes,
                        @NotNull @Min(1) @Max(100000) Integer resolveMinutes, Boolean own) {}
