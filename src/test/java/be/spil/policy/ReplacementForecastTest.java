package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.InventorySummary.PurchaseCohort;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplacementForecastTest {
    private static PurchaseCohort cohort(AssetCategory category, Integer year, long count, String value) {
        return new PurchaseCohort(category, year, count, 0, new BigDecimal(value));
    }

    @Test
    void laptopsBoughtFiveYearsAgoAreReplacedThisYearAndOlderOnesCountAsOverdue() {
        var result = ReplacementForecast.compute(List.of(
                cohort(AssetCategory.LAPTOP, 2021, 20, "10000.00"),   // 5 years: end of life 2026
                cohort(AssetCategory.LAPTOP, 2019, 4, "2000.00"),     // end of life 2024: overdue, counted now
                cohort(AssetCategory.LAPTOP, 2024, 10, "6000.00"),    // end of life 2029
                cohort(AssetCategory.SWITCH, 2020, 2, "800.00")),     // 8 years: 2028, paid from the network budget
            Map.of(), Map.of(), 2026, 5, Map.of(2026, Map.of(BudgetCategory.DEVICES, new BigDecimal("9000.00"))));
        assertThat(result.rows()).hasSize(5);
        var now = result.rows().get(0);
        assertThat(now.schoolYear()).isEqualTo("2026-2027");
        assertThat(now.devices()).isEqualTo(24);
        assertThat(now.overdue()).isEqualTo(4);
        assertThat(now.devicesCost()).isEqualByComparingTo("12000.00");
        assertThat(now.gap()).isEqualByComparingTo("-3000.00");
        assertThat(result.rows().get(2).networkCost()).isEqualByComparingTo("800.00");
        assertThat(result.rows().get(3).devices()).isEqualTo(10);
        assertThat(result.rows().get(4).devices()).isZero();
    }

    @Test
    void aConfiguredLifecycleAndPriceChangeWhenAndHowMuch() {
        var lifecycles = Map.of(AssetCategory.TABLET, new Lifecycle(AssetCategory.TABLET, 3, new BigDecimal("400.00"), true));
        var result = ReplacementForecast.compute(List.of(cohort(AssetCategory.TABLET, 2024, 30, "9000.00")), lifecycles, Map.of(), 2026, 3,
            Map.of());
        assertThat(result.rows().get(1).devices()).isEqualTo(30);
        assertThat(result.rows().get(1).devicesCost()).isEqualByComparingTo("12000.00");
        assertThat(result.rows().get(1).gap()).isEqualByComparingTo("-12000.00");
    }

    @Test
    void bookValueDepreciatesLinearlyAndDevicesWithoutADateAreCountedApart() {
        var result = ReplacementForecast.compute(List.of(
                cohort(AssetCategory.INTERACTIVE_DISPLAY, 2022, 1, "4000.00"),  // 8 years, 4 gone: half
                cohort(AssetCategory.INTERACTIVE_DISPLAY, 2010, 1, "3000.00"),  // long past: nothing left
                cohort(AssetCategory.INTERACTIVE_DISPLAY, null, 3, "0")),
            Map.of(), Map.of(), 2026, 5, Map.of());
        var displays = result.categories().get(0);
        assertThat(displays.devices()).isEqualTo(5);
        assertThat(displays.purchaseValue()).isEqualByComparingTo("7000.00");
        assertThat(displays.bookValue()).isEqualByComparingTo("2000.00");
        assertThat(displays.unknownAge()).isEqualTo(3);
        assertThat(result.unknownAge()).isEqualTo(3);
        // the old one is overdue now, the newer one reaches its 8 years in the fifth year
        assertThat(result.rows()).extracting(ReplacementForecast.Year::devices).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(result.rows().get(0).overdue()).isEqualTo(1);
    }

    @Test
    void nothingToForecastGivesEmptyYears() {
        var result = ReplacementForecast.compute(List.of(), Map.of(), Map.of(), 2026, 2, Map.of());
        assertThat(result.rows()).extracting(ReplacementForecast.Year::devices).containsExactly(0L, 0L);
        assertThat(result.categories()).isEmpty();
    }

    @Test
    void aPriceConfiguredForAModelWinsOverTheCategorysAndThePurchasePrice() {
        var lifecycles = Map.of(AssetCategory.LAPTOP, new Lifecycle(AssetCategory.LAPTOP, 5, new BigDecimal("700.00"), true));
        var result = ReplacementForecast.compute(List.of(
                new PurchaseCohort(AssetCategory.LAPTOP, 2021, 10, 0, new BigDecimal("5000.00"), 7L),    // model 7: 900 each
                new PurchaseCohort(AssetCategory.LAPTOP, 2021, 2, 0, new BigDecimal("1000.00"), 8L),     // category: 700 each
                new PurchaseCohort(AssetCategory.TABLET, 2022, 3, 0, new BigDecimal("900.00"), 9L)),     // own price, 4 years
            lifecycles, Map.of(7L, new BigDecimal("900.00")), 2026, 2, Map.of());
        assertThat(result.rows().get(0).devices()).isEqualTo(15);
        assertThat(result.rows().get(0).devicesCost()).isEqualByComparingTo("11300.00");
    }
}
