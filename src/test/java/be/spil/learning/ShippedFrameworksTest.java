package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.school.SchoolLevel;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The frameworks shipped with Spil: every file loads and checks clean, the Flemish goals carry the published text with its
 * source, and a database that loaded an older version gets the new one next to it and can adopt it with a preview.
 */
@SpilIntegrationTest
class ShippedFrameworksTest {
    @Autowired Frameworks frameworks;
    @Autowired LearningLines lines;
    @Autowired Fixtures fixtures;

    private static FrameworkFile.Data shipped(String file) throws IOException {
        try (var in = new ClassPathResource("learning/frameworks/" + file).getInputStream()) {
            return FrameworkFile.json(in.readAllBytes());
        }
    }

    @Test
    void everyShippedFileIsValidWithCodesParentsAndLevelsThatHoldTogether() throws IOException {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath:learning/frameworks/*.json");
        assertThat(resources).hasSizeGreaterThanOrEqualTo(4);
        var versions = new HashSet<String>();
        for (var r : resources) {
            FrameworkFile.Data d;
            try (var in = r.getInputStream()) {
                d = FrameworkFile.json(in.readAllBytes());
            }
            assertThat(FrameworkFile.check(d)).as(r.getFilename()).isEmpty();
            assertThat(versions.add(d.code() + " " + d.version())).as("one file per code and version: " + r.getFilename()).isTrue();
            var codes = d.items().stream().map(FrameworkFile.Item::code).toList();
            for (var i : d.items()) {
                assertThat(i.parent() == null || codes.contains(i.parent())).as(i.code()).isTrue();
                assertThat(i.level() == null || d.levels().contains(i.level())).as(i.code()).isTrue();
                assertThat(i.name()).as(i.code()).isNotBlank().doesNotContain("<", "&nbsp;");
            }
            assertThat(d.source()).as(r.getFilename()).isNotBlank();
            assertThat(d.licence()).as(r.getFilename()).isNotBlank();
        }
    }

    @Test
    void keyCompetenceFourIsTheOfficialTextPerStage() throws IOException {
        var d = shipped("vlaanderen-secundair-sc4.json");
        assertThat(d.code()).isEqualTo("vl-sec-sc4");
        assertThat(d.version()).isEqualTo("2024");
        assertThat(d.levels()).containsExactly("1e graad", "2e graad", "3e graad");
        assertThat(d.licence()).startsWith("Officiële tekst");
        assertThat(d.source()).contains("onderwijsdoelen.be", "https://onderwijs.api.vlaanderen.be/onderwijsdoelen").doesNotContain("eigen woorden");
        assertThat(d.items()).extracting(FrameworkFile.Item::code).containsExactly("04", "04.01", "04.02", "04.03", "04.04", "04.05",
            "2G-04.01", "2G-04.02", "2G-04.03", "2G-04.04", "2G-04.05", "3G-04.01", "3G-04.02");
        var byLevel = new ArrayList<String>();
        d.items().stream().skip(1).forEach(i -> byLevel.add(i.level()));
        assertThat(byLevel).containsExactly("1e graad", "1e graad", "1e graad", "1e graad", "1e graad",
            "2e graad", "2e graad", "2e graad", "2e graad", "2e graad", "3e graad", "3e graad");
        assertThat(d.items().get(1).name())
            .isEqualTo("De leerlingen gebruiken doelgericht basisfunctionaliteiten van toepassingen om digitaal te communiceren.");
        assertThat(d.items().get(10).name())
            .isEqualTo("De leerlingen analyseren de impact van digitale systemen op de maatschappij vanuit principes van computationeel denken.");
        assertThat(d.items().get(12).name())
            .isEqualTo("De leerlingen respecteren ethische, sociale en legale regels bij het gebruiken van digitale technologie.");
        // against Spil's former summary (version 2019-spil): the first stage's codes stay and change text, the rest is removed
        var summary = new ArrayList<FrameworkFile.Item>();
        summary.add(new FrameworkFile.Item(1, "04", null, null, "Sleutelcompetentie 4: digitale competentie en mediawijsheid", null));
        for (String c : new String[] {"04.01", "04.02", "04.03", "04.04", "04.05", "04.06", "04.07", "04.08"}) {
            summary.add(new FrameworkFile.Item(2, c, "04", "1e graad", "eigen omschrijving " + c, null));
        }
        var changes = FrameworkFile.compare(summary, d.items());
        assertThat(changes.renamed()).containsExactly("04.01", "04.02", "04.03", "04.04", "04.05");
        assertThat(changes.removed()).containsExactly("04.06", "04.07", "04.08");
        assertThat(changes.added()).hasSize(7).allMatch(c -> c.startsWith("2G-") || c.startsWith("3G-"));
        // the database has it loaded, and a new secondary line starts from it
        assertThat(frameworks.list(Fixtures.ADMIN, "PUPIL")).anyMatch(f -> f.code().equals("vl-sec-sc4") && f.version().equals("2024")
            && f.competenceCount() == 13);
    }

    @Test
    void aDatabaseWithTheOld2007TextGetsTheCorrectionAsANewVersionAndAdoptsIt() throws IOException {
        var fixed = shipped("vlaanderen-basis-ict-2007.json");
        assertThat(fixed.version()).isEqualTo("2007-herzien");
        assertThat(fixed.items()).filteredOn(i -> i.code().equals("ICT5")).extracting(FrameworkFile.Item::name)
            .containsExactly("De leerlingen kunnen ICT gebruiken om eigen ideeën creatief vorm te geven.");
        assertThat(fixed.items()).filteredOn(i -> i.code().equals("ICT6")).extracting(FrameworkFile.Item::name)
            .containsExactly("De leerlingen kunnen met behulp van ICT voor hen bestemde digitale informatie opzoeken, verwerken en bewaren.");
        // an existing database: the 2007 version as Spil shipped it first (other wording of 5 and 6), under a code of its own here
        String code = "vl-test-ict-" + Long.toString(System.nanoTime(), 36);
        var oldItems = fixed.items().stream().map(i -> switch (i.code()) {
            case "ICT5" -> new FrameworkFile.Item(i.row(), i.code(), i.parent(), i.level(),
                "De leerlingen kunnen op een doordachte wijze ICT gebruiken om hun eigen ideeën creatief vorm te geven.", i.nameEn());
            case "ICT6" -> new FrameworkFile.Item(i.row(), i.code(), i.parent(), i.level(),
                "De leerlingen kunnen met behulp van ICT informatie opzoeken, verwerken en bewaren.", i.nameEn());
            default -> i;
        }).toList();
        var old = new FrameworkFile.Data(code, "2007", fixed.name(), fixed.nameEn(), fixed.audience(), fixed.levels(), fixed.source(),
            fixed.licence(), fixed.attribution(), null, oldItems);
        long oldId = frameworks.importFramework(null, old, false, Locale.ENGLISH, Fixtures.ADMIN).id();
        var school = fixtures.school(SchoolLevel.BASIS);
        lines.setUp(school.id(), oldId, List.of("Taal", "Wiskunde"), null, Fixtures.ADMIN);
        lines.createActivity(school.id(), new ActivityForm("ICT6", Grade.L3, "Taal", "Opzoeken in de klasbib-app", null, Step.INTRODUCE,
            null, null, null), Fixtures.ADMIN);
        // the upgrade loads the corrected text as a version of its own next to 2007, nothing is changed in place
        var corrected = new FrameworkFile.Data(code, fixed.version(), fixed.name(), fixed.nameEn(), fixed.audience(), fixed.levels(),
            fixed.source(), fixed.licence(), fixed.attribution(), fixed.note(), fixed.items());
        long newId = frameworks.importFramework(null, corrected, false, Locale.ENGLISH, Fixtures.ADMIN).id();
        assertThat(frameworks.byId(oldId).competences()).filteredOn(c -> c.code().equals("ICT6")).extracting(FrameworkView.CompetenceView::name)
            .containsExactly("De leerlingen kunnen met behulp van ICT informatie opzoeken, verwerken en bewaren.");
        var preview = lines.adoptPreview(school.id(), newId, Fixtures.ADMIN);
        assertThat(preview.kept()).isEqualTo(6);
        assertThat(preview.renamed()).extracting(LearningLines.CodeChange::code).containsExactly("ICT5", "ICT6");
        assertThat(preview.renamed().get(1).activities()).isEqualTo(1);
        assertThat(preview.removed()).isEmpty();
        assertThat(preview.added()).isEmpty();
        var version = lines.requireLine(school.id(), Fixtures.ADMIN).version();
        var adopted = lines.adopt(school.id(), newId, java.util.Map.of(), version, Fixtures.ADMIN);
        assertThat(adopted.flagged()).isZero();
        assertThat(lines.requireLine(school.id(), Fixtures.ADMIN).frameworkId()).isEqualTo(newId);
        assertThat(lines.activities(school.id(), null, null, Fixtures.ADMIN)).extracting(ActivityView::competence).containsExactly("ICT6");
        // and the real database holds the corrected version under the shipped code
        assertThat(frameworks.list(Fixtures.ADMIN, "PUPIL")).anyMatch(f -> f.code().equals("vl-basis-ict")
            && f.version().equals("2007-herzien"));
        assertThat(Arrays.asList(fixed.note(), fixed.source())).allMatch(s -> s != null && !s.isBlank());
    }
}
