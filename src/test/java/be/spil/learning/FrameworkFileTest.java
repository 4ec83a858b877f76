package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkFileTest {
    static FrameworkFile.Data data(List<FrameworkFile.Item> items) {
        return new FrameworkFile.Data("eigen", "1", "Eigen kader", null, FrameworkFile.Audience.PUPIL, List.of("1e graad", "2e graad"),
            null, null, null, null, items);
    }

    @Test
    void readsTheBelgianExcelDialectInWindows1252() {
        byte[] bytes = "Code;Ouder;Niveau;Naam\r\nA;;;Mediawijsheid\r\nA.1;A;1e graad;Kritisch omgaan met \u00e9\u00e9n bron\r\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        var items = FrameworkFile.csv(bytes);
        assertThat(items).hasSize(2);
        assertThat(items.get(1)).isEqualTo(new FrameworkFile.Item(3, "A.1", "A", "1e graad", "Kritisch omgaan met \u00e9\u00e9n bron", null));
        assertThat(FrameworkFile.check(data(items))).isEmpty();
    }

    @Test
    void readsUtf8WithBomAndCommasByApiNames() {
        byte[] bytes = ("\uFEFFcode,parent,name,nameEn\nA,,Mediawijsheid,Media literacy\n\"A,1\",A,\"Zoeken; vinden\",Search\n")
            .getBytes(StandardCharsets.UTF_8);
        var items = FrameworkFile.csv(bytes);
        assertThat(items).extracting(FrameworkFile.Item::code).containsExactly("A", "A,1");
        assertThat(items.get(1).name()).isEqualTo("Zoeken; vinden");
        assertThat(items.get(1).nameEn()).isEqualTo("Search");
    }

    @Test
    void refusesDuplicateCodesMissingParentsAndUnknownLevelsPerRow() {
        var items = List.of(new FrameworkFile.Item(2, "A", null, null, "Gebied", null),
            new FrameworkFile.Item(3, "A.1", "A", "1e graad", "Goed", null),
            new FrameworkFile.Item(4, "A.1", "A", null, "Dubbel", null),
            new FrameworkFile.Item(5, "B.1", "B", null, "Wees", null),
            new FrameworkFile.Item(6, "A.2", "A", "4e graad", "Onbekend niveau", null),
            new FrameworkFile.Item(7, "A.3", "A", null, " ", null));
        var errors = FrameworkFile.check(data(items));
        assertThat(errors).extracting(FrameworkFile.RowError::row, FrameworkFile.RowError::field, FrameworkFile.RowError::code)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "code", "learning.competence.code.duplicate"),
                org.assertj.core.groups.Tuple.tuple(5, "parent", "learning.competence.parent.missing"),
                org.assertj.core.groups.Tuple.tuple(6, "level", "learning.competence.level.unknown"),
                org.assertj.core.groups.Tuple.tuple(7, "name", "learning.competence.name.blank"));
    }

    @Test
    void refusesBadMetadata() {
        var d = new FrameworkFile.Data("Niet Goed!", "", "", null, null, List.of(), null, null, null, null, List.of());
        assertThat(FrameworkFile.check(d)).extracting(FrameworkFile.RowError::field)
            .containsExactly("code", "version", "name", "audience", "levels", "competences");
    }

    @Test
    void aCsvWithoutCodeAndNameColumnsOrAnEmptyFileIsUnreadable() {
        assertThatThrownBy(() -> FrameworkFile.csv("foo;bar\n1;2\n".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOfSatisfying(FrameworkFile.Unreadable.class, e -> assertThat(e.code).isEqualTo("learning.import.noColumns"));
        assertThatThrownBy(() -> FrameworkFile.csv(" \n".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOfSatisfying(FrameworkFile.Unreadable.class, e -> assertThat(e.code).isEqualTo("learning.import.empty"));
        assertThatThrownBy(() -> FrameworkFile.json("{\"code\": [1, ".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOfSatisfying(FrameworkFile.Unreadable.class, e -> assertThat(e.code).isEqualTo("learning.import.badJson"));
    }

    @Test
    void exportReadsBackTheSame() {
        var items = List.of(new FrameworkFile.Item(2, "A", null, null, "Gebied; met \"quotes\"", "Area"),
            new FrameworkFile.Item(3, "A.1", "A", "1e graad", "Goed", "Good"));
        var csv = FrameworkFile.toCsv(items, false);
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFCode;Ouder;Niveau;Naam;Naam (Engels)\r\n");
        assertThat(FrameworkFile.csv(csv)).extracting(FrameworkFile.Item::code, FrameworkFile.Item::parent, FrameworkFile.Item::name)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "", "Gebied; met \"quotes\""),
                org.assertj.core.groups.Tuple.tuple("A.1", "A", "Goed"));
        var json = FrameworkFile.toJson(data(items));
        var back = FrameworkFile.json(json);
        assertThat(back.code()).isEqualTo("eigen");
        assertThat(back.levels()).containsExactly("1e graad", "2e graad");
        assertThat(back.items()).extracting(FrameworkFile.Item::code).containsExactly("A", "A.1");
        assertThat(FrameworkFile.check(back)).isEmpty();
    }

    @Test
    void comparesVersionsByCode() {
        var v1 = List.of(new FrameworkFile.Item(2, "1", null, null, "Een", null), new FrameworkFile.Item(3, "2", null, null, "Twee", null));
        var v2 = List.of(new FrameworkFile.Item(2, "1", null, null, "Eén", null), new FrameworkFile.Item(3, "3", null, null, "Drie", null));
        var changes = FrameworkFile.compare(v1, v2);
        assertThat(changes.added()).containsExactly("3");
        assertThat(changes.removed()).containsExactly("2");
        assertThat(changes.renamed()).containsExactly("1");
    }
}
