package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory in figures, for reports such as the ICT policy plan: the assets a school has (ordered, in stock, in use
 * or in repair) per category, with their age from the purchase date and their purchase value; the licences that cost
 * money and what they cost in a period; installations and repairs per device category. Aggregate queries only.
 */
@Service
@Transactional(readOnly = true)
public class InventorySummary {
    /** Devices of one category: how many, how many in use, by age (years since purchase), and what they cost. */
    public record CategoryFigures(AssetCategory category, long total, long inUse, long underTwoYears, long twoToFourYears,
                                  long fourToSixYears, long sixYearsOrMore, long ageUnknown, BigDecimal purchaseValue) {}

    /**
     * Devices of one category (and, for one school, one model: {@code modelId}, null without a model) bought in one
     * school year ({@code schoolYear}: the year it starts in; null when the purchase date is unknown): how many, how
     * many of them have no price, and the sum of the known prices.
     */
    public record PurchaseCohort(AssetCategory category, Integer schoolYear, long count, long withoutPrice, BigDecimal value,
                                 Long modelId) {
        public PurchaseCohort(AssetCategory category, Integer schoolYear, long count, long withoutPrice, BigDecimal value) {
            this(category, schoolYear, count, withoutPrice, value, null);
        }
    }

    /** A model the school has devices of: how many, and the average price paid (null when none has a price). */
    public record ModelInUse(long modelId, String manufacturer, String name, AssetCategory category, long devices,
                             BigDecimal averagePrice) {}

    /**
     * A licence with a cost, and the period it covers (either end may be unknown). {@link #costIn} tells which part of
     * the cost falls in a period, so a three-year licence counts for a third in each school year.
     */
    public record LicenceCost(long titleId, String title, LicenceType type, Integer seats, BigDecimal cost, LocalDate start,
                              LocalDate end) {
        /**
         * The part of the cost that falls in {@code from}–{@code to} (both included): with both dates, pro rata of the
         * days; a subscription with an open end costs its amount in every year it runs; any other licence without an
         * end is a one-off, counted where it starts; without a start date the period is unknown and nothing is counted.
         */
        public BigDecimal costIn(LocalDate from, LocalDate to) {
            if (start == null || start.isAfter(to) || end != null && end.isBefore(from)) {
                return BigDecimal.ZERO.setScale(2);
            }
            if (end == null) {
                return type == LicenceType.SUBSCRIPTION || !start.isBefore(from) ? cost.setScale(2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            }
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            LocalDate first = start.isAfter(from) ? start : from;
            LocalDate last = end.isBefore(to) ? end : to;
            long overlap = ChronoUnit.DAYS.between(first, last) + 1;
            return cost.multiply(BigDecimal.valueOf(overlap)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
        }
    }

    /** How many live installations of a title are on live devices of a category. */
    public record Installed(long titleId, AssetCategory category, long count) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    InventorySummary(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CategoryFigures> byCategory(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select category, count(*) as total,
                  sum(case when status = 'IN_USE' then 1 else 0 end) as in_use,
                  sum(case when purchase_date > :two then 1 else 0 end) as age0,
                  sum(case when purchase_date <= :two and purchase_date > :four then 1 else 0 end) as age2,
                  sum(case when purchase_date <= :four and purchase_date > :six then 1 else 0 end) as age4,
                  sum(case when purchase_date <= :six then 1 else 0 end) as age6,
                  sum(case when purchase_date is null then 1 else 0 end) as age_unknown,
                  coalesce(sum(price), 0) as purchase_value
                from asset where school_id = :s and status in ('ORDERED', 'IN_STOCK', 'IN_USE', 'IN_REPAIR')
                group by category order by total desc, category""")
            .param("s", schoolId)
            .param("two", Date.valueOf(today.minusYears(2))).param("four", Date.valueOf(today.minusYears(4)))
            .param("six", Date.valueOf(today.minusYears(6)))
            .query((rs, n) -> new CategoryFigures(AssetCategory.valueOf(rs.getString("category")), rs.getLong("total"),
                rs.getLong("in_use"), rs.getLong("age0"), rs.getLong("age2"), rs.getLong("age4"), rs.getLong("age6"),
                rs.getLong("age_unknown"), rs.getBigDecimal("purchase_value")))
            .list();
    }

    /**
     * The devices a school has (or, {@code schoolId} null, the whole group: central admins only) grouped by category
     * and the school year they were bought in; one aggregate query, whatever the number of devices.
     */
    public List<PurchaseCohort> cohorts(Long schoolId, Caller caller) {
        if (schoolId == null ? !caller.centralAdmin() : !caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId == null ? "all" : schoolId);
        }
        // one school: per model too (a school has a few hundred at most); the whole group: per category only
        String model = schoolId == null ? "cast(null as bigint)" : "model_id";
        return jdbc.sql("""
                select category,
                  case when purchase_date is null then null
                       when extract(month from purchase_date) >= 9 then extract(year from purchase_date)
                       else extract(year from purchase_date) - 1 end as cohort,
                  %s as model,
                  count(*) as n, sum(case when price is null then 1 else 0 end) as no_price,
                  coalesce(sum(price), 0) as purchase_value
                from asset where (:all or school_id = :s) and status in ('ORDERED', 'IN_STOCK', 'IN_USE', 'IN_REPAIR')
                group by 1, 2, 3 order by 1, 2""".formatted(model))
            .param("all", schoolId == null).param("s", schoolId == null ? -1L : schoolId)
            .query((rs, n) -> new PurchaseCohort(AssetCategory.valueOf(rs.getString("category")),
                rs.getObject("cohort") == null ? null : rs.getInt("cohort"), rs.getLong("n"), rs.getLong("no_price"),
                rs.getBigDecimal("purchase_value"), rs.getObject("model", Long.class)))
            .list();
    }

    /** The models a school has live devices of, most devices first (at most {@code limit}). */
    public List<ModelInUse> modelsInUse(long schoolId, int limit, Caller caller) {
        requireSee(schoolId, caller);
        return modelsInUse(schoolId, null, limit);
    }

    /** One model, when the school has live devices of it. */
    public java.util.Optional<ModelInUse> modelInUse(long schoolId, long modelId, Caller caller) {
        requireSee(schoolId, caller);
        return modelsInUse(schoolId, modelId, 1).stream().findFirst();
    }

    private List<ModelInUse> modelsInUse(long schoolId, Long modelId, int limit) {
        return jdbc.sql("""
                select m.id, m.manufacturer, m.name, m.category, count(*) as n, avg(a.price) as average
                from asset a join asset_model m on m.id = a.model_id
                where a.school_id = :s and a.status in ('ORDERED', 'IN_STOCK', 'IN_USE', 'IN_REPAIR') and (:any or m.id = :m)
                group by m.id, m.manufacturer, m.name, m.category order by n desc, m.manufacturer, m.name limit :limit""")
            .param("s", schoolId).param("any", modelId == null).param("m", modelId == null ? -1L : modelId).param("limit", limit)
            .query((rs, n) -> new ModelInUse(rs.getLong(1), rs.getString(2), rs.getString(3), AssetCategory.valueOf(rs.getString(4)),
                rs.getLong(5), rs.getBigDecimal(6) == null ? null : rs.getBigDecimal(6).setScale(2, RoundingMode.HALF_UP)))
            .list();
    }

    /**
     * The licences of a school that cost money and may run in {@code from}–{@code to} (those without a start date
     * too, so a report can say they could not be counted), by title.
     */
    public List<LicenceCost> licenceCosts(long schoolId, LocalDate from, LocalDate to, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("""
                select l.title_id, t.name, l.type, l.seats, l.cost, l.start_date, l.end_date
                from software_licence l join software_title t on t.id = l.title_id
                where l.school_id = :s and not l.archived and l.cost is not null
                  and (l.start_date is null or l.start_date <= :to) and (l.end_date is null or l.end_date >= :from)
                order by t.name_key, l.start_date""")
            .param("s", schoolId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
            .query((rs, n) -> new LicenceCost(rs.getLong(1), rs.getString(2), LicenceType.valueOf(rs.getString(3)),
                (Integer) rs.getObject(4, Integer.class), rs.getBigDecimal(5), localDate(rs.getDate(6)), localDate(rs.getDate(7))))
            .list();
    }

    /** The live installations per title and device category of a school: how a licence's cost spreads over devices. */
    public List<Installed> installationsByCategory(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("""
                select i.title_id, a.category, count(*) from software_installation i join asset a on a.id = i.asset_id
                where i.school_id = :s and i.removed_at is null and a.status in ('ORDERED', 'IN_STOCK', 'IN_USE', 'IN_REPAIR')
                group by i.title_id, a.category""")
            .param("s", schoolId)
            .query((rs, n) -> new Installed(rs.getLong(1), AssetCategory.valueOf(rs.getString(2)), rs.getLong(3)))
            .list();
    }

    /** How many times devices of each category of a school went into repair since {@code since}. */
    public Map<AssetCategory, Long> repairsSince(long schoolId, Instant since, Caller caller) {
        requireSee(schoolId, caller);
        Map<AssetCategory, Long> repairs = new EnumMap<>(AssetCategory.class);
        jdbc.sql("""
                select a.category, count(*) from asset_status_change c join asset a on a.id = c.asset_id
                where a.school_id = :s and c.to_status = 'IN_REPAIR' and c.at >= :since group by a.category""")
            .param("s", schoolId).param("since", Timestamp.from(since))
            .query((rs, n) -> repairs.put(AssetCategory.valueOf(rs.getString(1)), rs.getLong(2)))
            .list();
        return repairs;
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
