package be.spil.team;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/**
 * A team member: a person of the school or an organisation (exactly one), their profile and education, and hours
 * available per funding source, given per year or per week ({@code unit}; a year has {@link Team#SCHOOL_WEEKS} weeks).
 */
public record MemberForm(
    Long person,
    Long organisation,
    Set<Cluster> profile,
    @NotNull Education education,
    @DecimalMin("0") @DecimalMax("2000") Double ictHours,
    @DecimalMin("0") @DecimalMax("2000") Double bptHours,
    @DecimalMin("0") @DecimalMax("2000") Double operatingHours,
    @DecimalMin("0") @DecimalMax("2000") Double pointsHours,
    @DecimalMin("0") @DecimalMax("2000") Double otherHours,
    HoursUnit unit,
    Integer version) {

    /** How the hours are given. */
    public enum HoursUnit { YEAR, WEEK }

    static MemberForm empty() {
        return new MemberForm(null, null, Set.of(), Education.UNKNOWN, 0.0, 0.0, 0.0, 0.0, 0.0, HoursUnit.WEEK, null);
    }

    static MemberForm of(MemberView m) {
        var h = m.hoursPerYear();
        return new MemberForm(m.personId(), m.organisationId(), m.profile(), m.education(), h.get(FundingSource.ICT_HOURS),
            h.get(FundingSource.BPT_HOURS), h.get(FundingSource.OPERATING_FUNDS), h.get(FundingSource.POINTS_ENVELOPE),
            h.get(FundingSource.OTHER), HoursUnit.YEAR, m.version());
    }
}
