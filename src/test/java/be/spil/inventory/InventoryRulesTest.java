package be.spil.inventory;

import static be.spil.inventory.AssetStatus.DISPOSED;
import static be.spil.inventory.AssetStatus.IN_REPAIR;
import static be.spil.inventory.AssetStatus.IN_STOCK;
import static be.spil.inventory.AssetStatus.IN_USE;
import static be.spil.inventory.AssetStatus.LOST;
import static be.spil.inventory.AssetStatus.ORDERED;
import static be.spil.inventory.AssetStatus.RETIRED;
import static be.spil.inventory.AssetStatus.STOLEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The small rules of the inventory: status changes, junk serials, tag numbers, network data. */
class InventoryRulesTest {

    @Test
    void statusesFollowTheLifecycle() {
        assertThat(StatusPolicy.allowed(ORDERED, IN_STOCK)).isTrue();
        assertThat(StatusPolicy.allowed(IN_STOCK, IN_USE)).isTrue();
        assertThat(StatusPolicy.allowed(IN_USE, IN_REPAIR)).isTrue();
        assertThat(StatusPolicy.allowed(IN_REPAIR, IN_USE)).isTrue();
        for (var s : new AssetStatus[] {IN_USE, IN_STOCK, IN_REPAIR}) {
            assertThat(StatusPolicy.allowed(s, LOST)).as("%s → LOST", s).isTrue();
            assertThat(StatusPolicy.allowed(s, STOLEN)).as("%s → STOLEN", s).isTrue();
        }
        for (var s : AssetStatus.values()) {
            assertThat(StatusPolicy.allowed(s, s)).as("%s → itself", s).isFalse();
            if (s != RETIRED && s != DISPOSED) {
                assertThat(StatusPolicy.allowed(s, RETIRED)).as("%s → RETIRED", s).isTrue();
            }
        }
        assertThat(StatusPolicy.allowed(RETIRED, DISPOSED)).isTrue();
    }

    @Test
    void statusesCannotSkipOrGoBack() {
        assertThat(StatusPolicy.allowed(ORDERED, IN_USE)).isFalse();
        assertThat(StatusPolicy.allowed(ORDERED, LOST)).isFalse();
        assertThat(StatusPolicy.allowed(IN_STOCK, DISPOSED)).isFalse();
        assertThat(StatusPolicy.allowed(RETIRED, IN_USE)).isFalse();
        assertThat(StatusPolicy.allowed(LOST, IN_USE)).isFalse();
        assertThat(StatusPolicy.allowed(IN_USE, ORDERED)).isFalse();
        assertThat(StatusPolicy.next(DISPOSED)).isEmpty();
        assertThat(StatusPolicy.next(RETIRED)).containsExactly(DISPOSED);
    }

    @Test
    void junkSerialsCountAsNone() {
        for (String junk : new String[] {"Default string", "To be filled by O.E.M.", "0123456789", "System Serial Number",
            "None", "N/A", "", "   ", "default STRING", null}) {
            assertThat(Serials.normalise(junk)).as("'%s'", junk).isNull();
        }
        assertThat(Serials.normalise("  5CG1234XYZ ")).isEqualTo("5CG1234XYZ");
        assertThat(Serials.normalise("0123456780")).isEqualTo("0123456780");
    }

    @Test
    void tagsAreNumberedWithTheSchoolsPrefix() {
        assertThat(AssetTags.prefix("lindenhof")).isEqualTo("LIN");
        assertThat(AssetTags.prefix("sint-jozef")).isEqualTo("SIN");
        assertThat(AssetTags.prefix("s-1")).isEqualTo("S1");
        assertThat(AssetTags.prefix("---")).isEqualTo("AST");
        assertThat(AssetTags.format("LIN", 123)).isEqualTo("LIN-000123");
        assertThat(AssetTags.format("LIN", 1234567)).isEqualTo("LIN-1234567");
        assertThat(AssetTags.normalise(" lin-12 ")).isEqualTo("LIN-12");
        assertThat(AssetTags.VALID.matcher("LIN-000123").matches()).isTrue();
        assertThat(AssetTags.VALID.matcher("-LIN").matches()).isFalse();
        assertThat(AssetTags.VALID.matcher("LIN 12").matches()).isFalse();
        assertThat(AssetTags.VALID.matcher("<SCRIPT>").matches()).isFalse();
    }

    @Test
    void macAddressesAreCheckedAndWrittenOneWay() {
        assertThat(Network.mac("aa:bb:cc:dd:ee:ff")).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(Network.mac("AA-BB-CC-DD-EE-0F")).isEqualTo("AA:BB:CC:DD:EE:0F");
        assertThat(Network.mac("aabb.ccdd.eeff")).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(Network.mac("aabbccddeeff")).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(Network.mac("aa:bb:cc:dd:ee")).isNull();
        assertThat(Network.mac("gg:bb:cc:dd:ee:ff")).isNull();
        assertThat(Network.mac("aa:bb:cc:dd:ee:ff:00")).isNull();
        var bad = new ArrayList<String>();
        assertThat(Network.macs("aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF; 00:11:22:33:44:55 nonsense", bad))
            .containsExactly("AA:BB:CC:DD:EE:FF", "00:11:22:33:44:55");
        assertThat(bad).containsExactly("nonsense");
    }

    @Test
    void hostnamesAndIpAddresses() {
        assertThat(Network.hostname("LIN-LT-0123")).isTrue();
        assertThat(Network.hostname("pc12.school.local")).isTrue();
        assertThat(Network.hostname("-bad")).isFalse();
        assertThat(Network.hostname("has space")).isFalse();
        assertThat(Network.hostname("a..b")).isFalse();
        assertThat(Network.ip("10.0.12.250")).isTrue();
        assertThat(Network.ip("256.1.1.1")).isFalse();
        assertThat(Network.ip("10.0.1")).isFalse();
        assertThat(Network.ip("fe80::1")).isTrue();
        assertThat(Network.ip("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(Network.ip("example.com")).isFalse();
        assertThat(Network.ip("::zz")).isFalse();
    }
}
