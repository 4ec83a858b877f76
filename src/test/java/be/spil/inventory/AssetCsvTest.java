package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.spil.inventory.AssetCsv.Column;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class AssetCsvTest {
    @Test
    void readsBelgianExcelInWindows1252() {
        byte[] bytes = "Inventarisnummer;Catégorie;Prijs;Aankoopdatum;Opmerkingen;Kleur\r\nA-1;laptop;849,99;03/09/2025;café ëxtra; \"a;b\"\r\n"
            .getBytes(Charset.forName("windows-1252"));
        var parsed = AssetCsv.parse(bytes);
        assertThat(parsed.unknown()).containsExactly("Kleur");
        assertThat(parsed.rows()).hasSize(1);
        var row = parsed.rows().get(0);
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.values().get(Column.CATEGORY)).isEqualTo("laptop");
        assertThat(row.values().get(Column.NOTES)).isEqualTo("café ëxtra");
        assertThat(AssetCsv.price(row.values().get(Column.PRICE))).isEqualByComparingTo("849.99");
        assertThat(AssetCsv.date(row.values().get(Column.PURCHASE_DATE))).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void readsUtf8WithBomAndRfc4180WithQuotedCommasAndNewlines() {
        byte[] body = "tag,notes,serial\nB-1,\"een, twee\nen drie\",SN1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        for (byte[] bytes : new byte[][] {body, bom}) {
            var parsed = AssetCsv.parse(bytes);
            assertThat(parsed.rows()).hasSize(1);
            assertThat(parsed.rows().get(0).values().get(Column.NOTES)).isEqualTo("een, twee\nen drie");
            assertThat(parsed.rows().get(0).values().get(Column.TAG)).isEqualTo("B-1");
        }
        assertThat(AssetCsv.decode("é".getBytes(StandardCharsets.UTF_8))).isEqualTo("é");
        assertThat(AssetCsv.decode("é".getBytes(Charset.forName("windows-1252")))).isEqualTo("é");
    }

    @Test
    void recognisesSnipeItAndSpilHeaders() {
        assertThat(Column.byHeader("Asset Tag")).contains(Column.TAG);
        assertThat(Column.byHeader("Purchase Cost")).contains(Column.PRICE);
        assertThat(Column.byHeader("Location")).contains(Column.ROOM);
        assertThat(Column.byHeader("Purchased")).contains(Column.PURCHASE_DATE);
        assertThat(Column.byHeader("Cost")).contains(Column.PRICE);
        assertThat(Column.byHeader("Warranty Expires")).contains(Column.WARRANTY_END);
        assertThat(Column.byHeader("PURCHASEDATE")).contains(Column.PURCHASE_DATE);
        assertThat(Column.byHeader("Einde garantie")).contains(Column.WARRANTY_END);
        assertThat(Column.byHeader("Serienummer")).contains(Column.SERIAL);
        assertThat(Column.byHeader("colour")).isEmpty();
    }

    @Test
    void parsesAmountsAndDates() {
        assertThat(AssetCsv.price("1.234,56")).isEqualByComparingTo(new BigDecimal("1234.56"));
        assertThat(AssetCsv.price("1,234.56")).isEqualByComparingTo(new BigDecimal("1234.56"));
        assertThat(AssetCsv.price("€ 850")).isEqualTo(new BigDecimal("850.00"));
        assertThatThrownBy(() -> AssetCsv.price("veel")).isInstanceOf(NumberFormatException.class);
        assertThat(AssetCsv.date("2025-09-03")).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(AssetCsv.date("2025-09-03 00:00:00")).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThatThrownBy(() -> AssetCsv.date("31/02/2025")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void refusesEmptyAndHeaderlessFiles() {
        assertThatThrownBy(() -> AssetCsv.parse(new byte[0])).hasMessage("asset.import.empty");
        assertThatThrownBy(() -> AssetCsv.parse("kleur;maat\nrood;L\n".getBytes(StandardCharsets.UTF_8)))
            .hasMessage("asset.import.noColumns");
        assertThatThrownBy(() -> AssetCsv.parse(new byte[AssetCsv.MAX_BYTES + 1])).hasMessage("asset.import.tooLarge");
    }
}
