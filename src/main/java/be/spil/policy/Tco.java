package be.spil.policy;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.InventorySummary.Installed;
import be.spil.inventory.InventorySummary.LicenceCost;
import be.spil.inventory.InventorySummary.PurchaseCohort;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The total cost of ownership per device category, as advice for purchases: what a device costs a year (its purchase
 * price spread over its lifecycle, plus its share of the licences of the software installed on it) and over its
 * whole life, with the repairs of the last twelve months. A licence's cost of the year is shared over the device
 * categories it is installed on, in proportion to the installations; a licence installed nowhere stays apart.
 */
final class Tco {
    /** One device category; amounts per device are null when no device of the category has a price. */
    public record Category(AssetCategory category, long devices, int lifecycleYears, BigDecimal averagePrice,
                           BigDecimal purchasePerYear, BigDecimal licencesPerYear, BigDecimal licencesPerDevicePerYear,
                           BigDecimal perDevicePerYear, BigDecimal perDeviceLifetime, long repairs) {}

    /**
     * @param licences   licence cost of the school year
     * @param unassigned licence cost of the year not tied to any device (the title is installed nowhere)
     * @param undated    licences with a cost but no start date, which could not be counted
     */
    public record Result(String schoolYear, List<Category> categories, BigDecimal licences, BigDecimal unassigned, long undated) {}

    private Tco() {}

    static Result compute(int year, List<PurchaseCohort> cohorts, Map<AssetCategory, Lifecycle> lifecycles,
                          List<LicenceCost> licenceCosts, List<Installed> installed, Map<AssetCategory, Long> repairs) {
        var from = LocalDate.of(year, 9, 1);
        var to = LocalDate.of(year + 1, 8, 31);
        Map<Long, BigDecimal> costPerTitle = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        long undated = 0;
        for (var licence : licenceCosts) {
            if (licence.start() == null) {
                undated++;
                continue;
            }
            var cost = licence.costIn(from, to);
            total = total.add(cost);
            costPerTitle.merge(licence.titleId(), cost, BigDecimal::add);
        }
        Map<Long, Long> installsPerTitle = new HashMap<>();
        installed.forEach(i -> installsPerTitle.merge(i.titleId(), i.count(), Long::sum));
        Map<AssetCategory, BigDecimal> licencesPerCategory = new EnumMap<>(AssetCategory.class);
        for (var i : installed) {
            var cost = costPerTitle.get(i.titleId());
            if (cost != null) {
                licencesPerCategory.merge(i.category(), cost.multiply(BigDecimal.valueOf(i.count()))
                    .divide(BigDecimal.valueOf(installsPerTitle.get(i.titleId())), 6, RoundingMode.HALF_UP), BigDecimal::add);
            }
        }
        var unassigned = costPerTitle.entrySet().stream().filter(e -> !installsPerTitle.containsKey(e.getKey()))
            .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);

        Map<AssetCategory, long[]> counts = new EnumMap<>(AssetCategory.class);
        Map<AssetCategory, BigDecimal> values = new EnumMap<>(AssetCategory.class);
        for (var cohort : cohorts) {
            long[] c = counts.computeIfAbsent(cohort.category(), k -> new long[2]);
            c[0] += cohort.count();
            c[1] += cohort.count() - cohort.withoutPrice();
            values.merge(cohort.category(), cohort.value(), BigDecimal::add);
        }
        List<Category> categories = new ArrayList<>();
        counts.forEach((category, c) -> {
            var life = lifecycles.getOrDefault(category, Lifecycle.defaultFor(category));
            var licences = licencesPerCategory.getOrDefault(category, BigDecimal.ZERO);
            var perDeviceLicences = licences.divide(BigDecimal.valueOf(c[0]), 2, RoundingMode.HALF_UP);
            BigDecimal average = c[1] == 0 ? null : values.get(category).divide(BigDecimal.valueOf(c[1]), 2, RoundingMode.HALF_UP);
            BigDecimal purchasePerYear = average == null ? null
                : average.divide(BigDecimal.valueOf(life.years()), 2, RoundingMode.HALF_UP);
            categories.add(new Category(category, c[0], life.years(), average, purchasePerYear, money(licences), perDeviceLicences,
                purchasePerYear == null ? null : purchasePerYear.add(perDeviceLicences),
                average == null ? null : average.add(perDeviceLicences.multiply(BigDecimal.valueOf(life.years()))),
                repairs.getOrDefault(category, 0L)));
        });
        return new Result(year + "-" + (year + 1), categories, money(total), money(unassigned), undated);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
