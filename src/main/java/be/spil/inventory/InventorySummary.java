package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory in figures, for reports such as the ICT policy plan: the assets a school has (ordered, in stock, in use
 * or in repair) per category, with their age from the purchase date and their purchase value. One aggregate query.
 */
@Service
@Transactional(readOnly = true)
public class InventorySummary {
    /** Devices of one category: how many, how many in use, by age (years since purchase), and what they cost. */
    public record CategoryFigures(AssetCategory category, long total, long inUse, long underTwoYears, long twoToFourYears,
                                  long fourToSixYears, long sixYearsOrMore, long ageUnknown, BigDecimal purchaseValue) {}

    /**
     * Devices of one category bought in one school year ({@code schoolYear}: the year it starts in; null when the
     * purchase date is unknown): how many, how many of them have no price, and the sum of the known prices.
     */
    public record PurchaseCohort(AssetCategory category, Integer schoolYear, long count, long withoutPrice, BigDecimal value) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    InventorySummary(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CategoryFigures> byCategory(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
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
        return jdbc.sql("""
                select category,
                  case when purchase_date is null then null
                       when extract(month from purchase_date) >= 9 then extract(year from purchase_date)
                       else extract(year from purchase_date) - 1 end as cohort,
                  count(*) as n, sum(case when price is null then 1 else 0 end) as no_price,
                  coalesce(sum(price), 0) as purchase_value
                from asset where (:all or school_id = :s) and status in ('ORDERED', 'IN_STOCK', 'IN_USE', 'IN_REPAIR')
                group by 1, 2 order by 1, 2""")
            .param("all", schoolId == null).param("s", schoolId == null ? -1L : schoolId)
            .query((rs, n) -> new PurchaseCohort(AssetCategory.valueOf(rs.getString("category")),
                rs.getObject("cohort") == null ? null : rs.getInt("cohort"), rs.getLong("n"), rs.getLong("no_price"),
                rs.getBigDecimal("purchase_value")))
            .list();
    }
}
