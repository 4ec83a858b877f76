package be.spil.policy;

import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.inventory.AssetCategory;
import be.spil.helpdesk.Tickets;
import be.spil.inventory.InventorySummary;
import be.spil.learning.LearningLines;
import be.spil.learning.LineFinding;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import be.spil.team.Finding;
import be.spil.team.Team;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The parts of the plan that are filled from other modules at the moment they are shown or printed: the inventory,
 * the people of the school and the ICT team of the year. A module that has nothing (or fails) leaves its part
 * empty, and the plan says so; it never fails the plan.
 */
@Component
class LiveSections {
    private static final Logger log = LoggerFactory.getLogger(LiveSections.class);
    /** Devices pupils work on, for the pupil-to-device ratio. */
    static final Set<AssetCategory> PUPIL_DEVICES = Set.of(AssetCategory.LAPTOP, AssetCategory.CHROMEBOOK, AssetCategory.TABLET);

    /** What a title's licences cost in the plan's school year. */
    record LicenceLine(String title, java.util.SortedSet<be.spil.inventory.LicenceType> types, Integer seats, BigDecimal cost) {}

    /**
     * Devices per category, people, and the licences with a cost in the plan's year ({@code undatedLicences}: licences
     * with a cost but no start date, not counted).
     */
    record Inventory(List<InventorySummary.CategoryFigures> categories, long pupils, long staff, long pupilDevices,
                     BigDecimal purchaseValue, List<LicenceLine> licences, BigDecimal licenceCost, long undatedLicences) {
        /** Pupils per device in use of the pupil kinds (laptop, chromebook, tablet), one decimal; null without devices. */
        public BigDecimal pupilsPerDevice() {
            return pupilDevices == 0 || pupils == 0 ? null
                : BigDecimal.valueOf(pupils).divide(BigDecimal.valueOf(pupilDevices), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    record Member(String name, boolean coordinator, double hours) {}

    record TeamPart(List<Member> members, double hours, Map<Finding.Severity, Long> findings) {}

    record Money(Investments.Plan plan, ReplacementForecast.Result forecast, Tco.Result tco) {}

    record Helpdesk(long reported, long resolved, long resolvedInTime, long openNow, long overdueNow) {}

    record Learning(String framework, int covered, int mastered, int total, int percent, long critical, long warnings) {}

    /** The live parts; a part is null when its module holds nothing for this school (or could not answer). */
    record Figures(Inventory inventory, TeamPart team, Helpdesk helpdesk, Learning learning, Money money) {}

    private final InventorySummary inventory;
    private final People people;
    private final Team team;
    private final Investments investments;
    private final LearningLines learning;
    private final Tickets tickets;
    private final java.time.Clock clock;

    LiveSections(InventorySummary inventory, People people, Team team, Investments investments, LearningLines learning, Tickets tickets,
                 java.time.Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
        this.learning = learning;
        this.inventory = inventory;
        this.people = people;
        this.team = team;
        this.investments = investments;
    }

    Figures figures(long schoolId, SchoolYearView year, Caller caller) {
        return new Figures(inventory(schoolId, year, caller), team(schoolId, year, caller), helpdesk(schoolId, year, caller),
            learning(schoolId, caller), money(schoolId, caller));
    }

    private Helpdesk helpdesk(long schoolId, SchoolYearView year, Caller caller) {
        try {
            var zone = clock.getZone();
            var f = tickets.figures(schoolId, year.startDate().atStartOfDay(zone).toInstant(),
                year.endDate().plusDays(1).atStartOfDay(zone).toInstant(), caller);
            return f.reported() == 0 && f.openNow() == 0 ? null
                : new Helpdesk(f.reported(), f.resolved(), f.resolvedInTime(), f.openNow(), f.overdueNow());
        } catch (RuntimeException e) {
            log.warn("Policy plan: helpdesk figures of school {} not available: {}", schoolId, e.toString());
            return null;
        }
    }

    private Learning learning(long schoolId, Caller caller) {
        try {
            if (learning.line(schoolId, caller).isEmpty()) {
                return null;
            }
            var analysis = learning.analysis(schoolId, false, caller);
            var c = analysis.coverage();
            return new Learning(analysis.framework(), c.covered(), c.mastered(), c.total(), c.percent(),
                analysis.counts().getOrDefault(LineFinding.Severity.CRITICAL, 0L), analysis.counts().getOrDefault(LineFinding.Severity.WARNING, 0L));
        } catch (RuntimeException e) {
            log.warn("Policy plan: learning line of school {} not available: {}", schoolId, e.toString());
            return null;
        }
    }

    private Money money(long schoolId, Caller caller) {
        try {
            var plan = investments.plan(schoolId, caller);
            return new Money(plan, investments.forecast(schoolId, plan.years(), caller), investments.tco(schoolId, caller));
        } catch (RuntimeException e) {
            log.warn("Policy plan: investment figures of school {} not available: {}", schoolId, e.toString());
            return null;
        }
    }

    private Inventory inventory(long schoolId, SchoolYearView year, Caller caller) {
        try {
            var categories = inventory.byCategory(schoolId, caller);
            var licenceCosts = inventory.licenceCosts(schoolId, year.startDate(), year.endDate(), caller);
            if (categories.isEmpty() && licenceCosts.isEmpty()) {
                return null;
            }
            Map<Long, LicenceLine> perTitle = new LinkedHashMap<>();
            long undated = 0;
            for (var l : licenceCosts) {
                if (l.start() == null) {
                    undated++;
                    continue;
                }
                var cost = l.costIn(year.startDate(), year.endDate());
                var types = new java.util.TreeSet<>(Set.of(l.type()));
                perTitle.merge(l.titleId(), new LicenceLine(l.title(), types, l.seats(), cost), (a, b) -> {
                    a.types().addAll(b.types());
                    return new LicenceLine(a.title(), a.types(), a.seats() == null || b.seats() == null ? null : a.seats() + b.seats(),
                        a.cost().add(b.cost()));
                });
            }
            var licences = perTitle.values().stream().filter(l -> l.cost().signum() > 0).toList();
            var licenceCost = licences.stream().map(LicenceLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            var counts = people.countByKind(schoolId, caller);
            long pupilDevices = categories.stream().filter(c -> PUPIL_DEVICES.contains(c.category()))
                .mapToLong(InventorySummary.CategoryFigures::inUse).sum();
            var value = categories.stream().map(InventorySummary.CategoryFigures::purchaseValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Inventory(categories, counts.getOrDefault(PersonKind.PUPIL, 0L), counts.getOrDefault(PersonKind.STAFF, 0L),
                pupilDevices, value, licences, licenceCost, undated);
        } catch (RuntimeException e) {
            log.warn("Policy plan: inventory figures of school {} not available: {}", schoolId, e.toString());
            return null;
        }
    }

    private TeamPart team(long schoolId, SchoolYearView year, Caller caller) {
        try {
            var members = team.members(schoolId, year.id(), caller);
            if (members.isEmpty()) {
                return null;
            }
            Map<Finding.Severity, Long> findings = new EnumMap<>(Finding.Severity.class);
            for (var f : team.coverage(schoolId, year.id(), caller)) {
                findings.merge(f.severity(), 1L, Long::sum);
            }
            var list = members.stream().map(m -> new Member(m.name(), m.coordinator(), m.totalHours())).toList();
            return new TeamPart(list, list.stream().mapToDouble(Member::hours).sum(), findings);
        } catch (RuntimeException e) {
            log.warn("Policy plan: team figures of school {} not available: {}", schoolId, e.toString());
            return null;
        }
    }
}
