package be.spil.helpdesk;

import be.spil.helpdesk.Priority.Level;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reported problem: a short subject and what happened, optionally the device (by tag) and the room. */
public record ReportForm(@NotBlank @Size(max = 200) String subject, @Size(max = 8000) String description,
                         @Size(max = 30) String assetTag, Long roomId, Long categoryId, Level impact, Level urgency) {
    public static ReportForm empty() {
        return new ReportForm("", "", "", null, null, null, null);
    }
}
