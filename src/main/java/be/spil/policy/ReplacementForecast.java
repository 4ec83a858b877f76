package be.spil.policy;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.InventorySummary.PurchaseCohort;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which devices reach the end of their life in which school year and what replacing them costs, from the devices
 * bought per school year and the lifecycle per category; compared with the budget lines for devices and network.
 * Devices already past their life count in the first year. Depreciation is linear over the lifecycle. A replacement
 * costs the price configured for its model, else the one configured for its category, else what the device cost.
 */
final class ReplacementForecast {
    /** One school year of the forecast; {@code gap} is budget minus cost (negative: money is missing). */
    public record Year(String schoolYear, long devices, long overdue, long withoutPrice, BigDecimal devicesCost,
                       BigDecimal networkCost, BigDecimal budget, BigDecimal gap) {}

    /** One category: its lifecycle, how many devices, their purchase value, book value now, and how many have no date. */
    public record Category(AssetCategory category, int lifecycleYears, BigDecimal price, boolean own, long devices,
                           BigDecimal purchaseValue, BigDecimal bookValue, long unknownAge) {}

    public record Result(int firstYear, int years, List<Year> rows, List<Category> categories, long unknownAge) {}

    private ReplacementForecast() {}

    /**
     * @param firstYear the first school year of the forecast (the year it starts in), usually the current one
     * @param modelPrices the price of a new device per model id, where the school configured one
     * @param budget    planned money per school year (start year) for devices and for network
     */
    static Result compute(List<PurchaseCohort> cohorts, Map<AssetCategory, Lifecycle> lifecycles, Map<Long, BigDecimal> modelPrices,
                          int firstYear, int years, Map<Integer, Map<BudgetCategory, BigDecimal>> budget) {
        long[] devices = new long[years];
        long[] withoutPrice = new long[years];
        long overdue = 0;
        BigDecimal[] devicesCost = zeros(years);
        BigDecimal[] networkCost = zeros(years);
        Map<AssetCategory, long[]> counts = new EnumMap<>(AssetCategory.class);
        Map<AssetCategory, BigDecimal[]> values = new EnumMap<>(AssetCategory.class);
        long unknownAge = 0;
        for (var cohort : cohorts) {
            var life = lifecycles.getOrDefault(cohort.category(), Lifecycle.defaultFor(cohort.category()));
            long[] c = counts.computeIfAbsent(cohort.category(), k -> new long[2]);
            BigDecimal[] v = values.computeIfAbsent(cohort.category(), k -> zeros(2));
            c[0] += cohort.count();
            v[0] = v[0].add(cohort.value());
            if (cohort.schoolYear() == null) {
                c[1] += cohort.count();
                unknownAge += cohort.count();
                continue;
            }
            int age = firstYear - cohort.schoolYear();
            double remaining = Math.max(0, Math.min(1, 1 - (double) age / life.years()));
            v[1] = v[1].add(cohort.value().multiply(BigDecimal.valueOf(remaining)));
            int end = cohort.schoolYear() + life.years();
            int index = Math.max(0, end - firstYear);
            if (index >= years) {
                continue;
            }
            if (end < firstYear) {
                overdue += cohort.count();
            }
            devices[index] += cohort.count();
            BigDecimal cost;
            var modelPrice = cohort.modelId() == null ? null : modelPrices.get(cohort.modelId());
            if (modelPrice != null) {
                cost = modelPrice.multiply(BigDecimal.valueOf(cohort.count()));
            } else if (life.price() != null) {
                cost = life.price().multiply(BigDecimal.valueOf(cohort.count()));
            } else {
                cost = cohort.value();
                withoutPrice[index] += cohort.withoutPrice();
            }
            if (BudgetCategory.of(cohort.category()) == BudgetCategory.NETWORK) {
                networkCost[index] = networkCost[index].add(cost);
            } else {
                devicesCost[index] = devicesCost[index].add(cost);
            }
        }
        List<Year> rows = new ArrayList<>();
        for (int i = 0; i < years; i++) {
            int year = firstYear + i;
            var planned = budget.getOrDefault(year, Map.of());
            var money = planned.getOrDefault(BudgetCategory.DEVICES, BigDecimal.ZERO)
                .add(planned.getOrDefault(BudgetCategory.NETWORK, BigDecimal.ZERO));
            var cost = devicesCost[i].add(networkCost[i]);
            rows.add(new Year(year + "-" + (year + 1), devices[i], i == 0 ? overdue : 0, withoutPrice[i], money(devicesCost[i]),
                money(networkCost[i]), money(money), money(money.subtract(cost))));
        }
        List<Category> categories = new ArrayList<>();
        counts.forEach((category, c) -> {
            var life = lifecycles.getOrDefault(category, Lifecycle.defaultFor(category));
            categories.add(new Category(category, life.years(), life.price(), life.own(), c[0], money(values.get(category)[0]),
                money(values.get(category)[1]), c[1]));
        });
        return new Result(firstYear, years, rows, categories, unknownAge);
    }

    private static BigDecimal[] zeros(int n) {
        var a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
