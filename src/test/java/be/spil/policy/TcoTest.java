package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.InventorySummary.Installed;
import be.spil.inventory.InventorySummary.LicenceCost;
import be.spil.inventory.InventorySummary.PurchaseCohort;
import be.spil.inventory.LicenceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcoTest {
    private static final LocalDate FROM = LocalDate.of(2026, 9, 1);
    private static final LocalDate TO = LocalDate.of(2027, 8, 31);

    private static LicenceCost licence(long title, LicenceType type, String cost, LocalDate start, LocalDate end) {
        return new LicenceCost(title, "Title " + title, type, 10, new BigDecimal(cost), start, end);
    }

    @Test
    void aLicenceCostsTheShareOfItsDaysThatFallsInTheSchoolYear() {
        // one school year exactly
        assertThat(licence(1, LicenceType.SUBSCRIPTION, "120", FROM, TO).costIn(FROM, TO)).isEqualByComparingTo("120.00");
        // two years (731 days with 29 February 2028): 365 of them in this year
        assertThat(licence(1, LicenceType.PER_DEVICE, "900", FROM, LocalDate.of(2028, 8, 31)).costIn(FROM, TO))
            .isEqualByComparingTo("449.38");
        // began before, ends in the middle of the year: only the days inside
        assertThat(licence(1, LicenceType.SITE, "365", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)).costIn(FROM, TO))
            .isEqualByComparingTo(new BigDecimal("365").multiply(BigDecimal.valueOf(181)).divide(BigDecimal.valueOf(365), 2,
                java.math.RoundingMode.HALF_UP));
        // an open-ended subscription costs its amount every year it runs; a perpetual licence only in the year it starts
        assertThat(licence(1, LicenceType.SUBSCRIPTION, "50", LocalDate.of(2024, 1, 1), null).costIn(FROM, TO)).isEqualByComparingTo("50.00");
        assertThat(licence(1, LicenceType.PER_DEVICE, "1000", LocalDate.of(2026, 10, 1), null).costIn(FROM, TO)).isEqualByComparingTo("1000.00");
        assertThat(licence(1, LicenceType.PER_DEVICE, "1000", LocalDate.of(2025, 10, 1), null).costIn(FROM, TO)).isZero();
        // outside the year, or without a start date: nothing
        assertThat(licence(1, LicenceType.SUBSCRIPTION, "99", LocalDate.of(2027, 9, 1), null).costIn(FROM, TO)).isZero();
        assertThat(licence(1, LicenceType.SUBSCRIPTION, "99", null, TO).costIn(FROM, TO)).isZero();
    }

    @Test
    void aDeviceCostsItsPriceOverItsLifePlusItsShareOfTheLicencesOfItsSoftware() {
        var cohorts = List.of(new PurchaseCohort(AssetCategory.LAPTOP, 2024, 6, 2, new BigDecimal("2400.00")),
            new PurchaseCohort(AssetCategory.LAPTOP, 2025, 4, 0, new BigDecimal("2400.00")),
            new PurchaseCohort(AssetCategory.DESKTOP, null, 2, 2, BigDecimal.ZERO));
        var licences = List.of(licence(1, LicenceType.SUBSCRIPTION, "1000", FROM, TO),      // on 8 laptops and 2 desktops
            licence(2, LicenceType.SITE, "300", FROM, TO),                                   // installed nowhere
            licence(3, LicenceType.PER_USER, "75", null, null));                             // no dates: not counted
        var installed = List.of(new Installed(1, AssetCategory.LAPTOP, 8), new Installed(1, AssetCategory.DESKTOP, 2));
        var result = Tco.compute(2026, cohorts, Map.of(), licences, installed, Map.of(AssetCategory.LAPTOP, 3L));
        assertThat(result.schoolYear()).isEqualTo("2026-2027");
        assertThat(result.licences()).isEqualByComparingTo("1300.00");
        assertThat(result.unassigned()).isEqualByComparingTo("300.00");
        assertThat(result.undated()).isEqualTo(1);
        var laptop = result.categories().stream().filter(c -> c.category() == AssetCategory.LAPTOP).findFirst().orElseThrow();
        assertThat(laptop.devices()).isEqualTo(10);
        assertThat(laptop.averagePrice()).isEqualByComparingTo("600.00");        // 4800 over the 8 with a price
        assertThat(laptop.purchasePerYear()).isEqualByComparingTo("120.00");     // 5 years by default
        assertThat(laptop.licencesPerYear()).isEqualByComparingTo("800.00");
        assertThat(laptop.licencesPerDevicePerYear()).isEqualByComparingTo("80.00");
        assertThat(laptop.perDevicePerYear()).isEqualByComparingTo("200.00");
        assertThat(laptop.perDeviceLifetime()).isEqualByComparingTo("1000.00");
        assertThat(laptop.repairs()).isEqualTo(3);
        var desktop = result.categories().stream().filter(c -> c.category() == AssetCategory.DESKTOP).findFirst().orElseThrow();
        assertThat(desktop.averagePrice()).isNull();
        assertThat(desktop.perDevicePerYear()).isNull();
        assertThat(desktop.licencesPerDevicePerYear()).isEqualByComparingTo("100.00");
    }

    @Test
    void anEmptyInventoryHasNoCategories() {
        var result = Tco.compute(2026, List.of(), Map.of(), List.of(), List.of(), Map.of());
        assertThat(result.categories()).isEmpty();
        assertThat(result.licences()).isZero();
    }

    @Test
    void theChartAxisUsesRoundSteps() {
        assertThat(PlanChart.step(0)).isEqualTo(1);
        assertThat(PlanChart.step(7)).isEqualTo(2);
        assertThat(PlanChart.step(48_000)).isEqualTo(10_000);
        assertThat(PlanChart.step(1_234)).isEqualTo(500);
    }
}
