package be.spil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailDiffTest {
    @Test
    void listsOnlyTheFieldsThatChangedInFormOrder() {
        var before = new LinkedHashMap<String, String>();
        before.put("firstName", "An");
        before.put("lastName", "Peeters");
        before.put("email", null);
        var after = new LinkedHashMap<String, String>();
        after.put("firstName", "An");
        after.put("lastName", "Peters");
        after.put("email", "an@school.be");
        assertThat(AuditTrail.diff(before, after)).containsExactly(
            new AuditTrail.Change("lastName", "Peeters", "Peters"),
            new AuditTrail.Change("email", null, "an@school.be"));
    }

    @Test
    void treatsEmptyAndMissingAsTheSame() {
        assertThat(AuditTrail.diff(Map.of("street", ""), Map.of())).isEmpty();
        assertThat(AuditTrail.diff(Map.of(), Map.of("name", "De Linde"))).containsExactly(new AuditTrail.Change("name", null, "De Linde"));
    }
}
