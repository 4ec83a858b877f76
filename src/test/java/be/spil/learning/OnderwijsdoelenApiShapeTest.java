package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.spil.shared.FieldErrorsException;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Onderwijsdoelen API's own answer ({@code gegevens.member}, goals with {@code omschrijving} in HTML and their set's
 * structure and key competence), read from a file and fetched page by page by the server; the sample is written here in
 * the shape the API answers, with goals of key competence 4 as published.
 */
@SpilIntegrationTest
class OnderwijsdoelenApiShapeTest {
    @Autowired Frameworks frameworks;

    private static final String SC4 = "Digitale competentie en mediawijsheid";

    /** One goal as the API answers it. */
    private static String member(int id, String graad, String stroom, String set, String code, String omschrijving) {
        return "{\"@id\":\"" + id + "\",\"code\":\"" + code + "\",\"omschrijving\":\"<p>" + omschrijving + "&nbsp;</p>\","
            + "\"onderwijsdoel_type\":\"Eindtermen\",\"geldigheid\":{\"type\":\"Geldig\",\"geldig_van_dt\":\"2024-09-01T00:00:00Z\"},"
            + "\"titels\":{},\"memorie\":\"<p>Digitaal communiceren zoals</p><ul><li>in interactie gaan</li></ul>\","
            + "\"onderwijsdoelenset\":{\"onderwijsdoelenset\":\"" + set + "\",\"versie\":\"2.1\","
            + "\"onderwijsstructuur\":{\"onderwijsniveau\":\"Secundair onderwijs\",\"onderwijssoort\":\"Gewoon\",\"graad\":\"" + graad + "\""
            + (stroom == null ? "" : ",\"stroom\":\"" + stroom + "\"") + "},"
            + "\"vlaamse_sleutelcompetentie\":{\"nr\":4,\"naam\":\"" + SC4 + "\",\"korte_naam\":\"Digitale competenties\"}}}";
    }

    private static String page(List<String> members, int total) {
        return "{\"gegevens\":{\"member\":[" + String.join(",", members) + "],\"totalItems\":" + total + "}}";
    }

    /** Goals of key competence 4 as the API holds them: the same goal in several sets (A- and B-stroom, the finalities). */
    private static List<String> sc4() {
        String a = "Secundair onderwijs 1ste graad A-stroom -  " + SC4 + " - Eindtermen";
        String b = "Secundair onderwijs 1ste graad B-stroom -  " + SC4 + " - Eindtermen";
        String d2 = "Secundair onderwijs 2de graad aso, kso, tso Finaliteit doorstroom -  " + SC4 + " - Eindtermen";
        String am2 = "Secundair onderwijs 2de graad bso Finaliteit arbeidsmarkt -  " + SC4 + " - Eindtermen";
        String d3 = "Secundair onderwijs 3de graad aso, kso, tso Finaliteit doorstroom -  " + SC4 + " - Eindtermen";
        var m = new ArrayList<String>();
        m.add(member(92207, "1ste graad", "A-stroom", a, "04.01",
            "De leerlingen gebruiken doelgericht basisfunctionaliteiten van toepassingen om digitaal te communiceren."));
        m.add(member(92200, "1ste graad", "A-stroom", a, "04.02",
            "De leerlingen gebruiken doelgericht basisfunctionaliteiten van toepassingen om digitale inhouden te cre&euml;ren."));
        m.add(member(92201, "1ste graad", "A-stroom", a, "04.03", "De leerlingen gebruiken doelgericht basisfunctionaliteiten van "
            + "toepassingen om digitale inhouden te beheren aan de hand van een aangereikte structuur."));
        m.add(member(92202, "1ste graad", "A-stroom", a, "04.04",
            "De leerlingen passen ethische, sociale en legale regels toe bij het gebruiken van digitale technologie."));
        m.add(member(92203, "1ste graad", "A-stroom", a, "04.05", "De leerlingen ontwerpen doelgericht een digitaal en niet-digitaal "
            + "algoritme volgens de principes van computationeel denken en debuggen het."));
        m.add(member(92181, "1ste graad", "B-stroom", b, "04.01",
            "De leerlingen gebruiken doelgericht basisfunctionaliteiten van toepassingen om digitaal te communiceren."));
        m.add(member(90652, "2de graad", null, d2, "04.01",
            "De leerlingen gebruiken doelgericht courante functionaliteiten van vergelijkbare toepassingen om digitaal te communiceren."));
        m.add(member(90656, "2de graad", null, d2, "04.05",
            "De leerlingen analyseren de impact van digitale systemen op de maatschappij vanuit principes van computationeel denken."));
        m.add(member(90664, "2de graad", null, am2, "04.01",
            "De leerlingen gebruiken doelgericht courante functionaliteiten van vergelijkbare toepassingen om digitaal te communiceren."));
        m.add(member(90669, "3de graad", null, d3, "04.01", "De leerlingen gebruiken doelgericht courante functionaliteiten van "
            + "vergelijkbare toepassingen om digitale inhouden te cre&euml;ren."));
        m.add(member(90670, "3de graad", null, d3, "04.02",
            "De leerlingen respecteren ethische, sociale en legale regels bij het gebruiken van digitale technologie."));
        return m;
    }

    @Test
    void anAnswerOfTheApiIsReadWithStagesKeyCompetenceAndPlainText() {
        var members = sc4();
        var read = OnderwijsdoelenFile.read(page(members, members.size()).getBytes(StandardCharsets.UTF_8));
        assertThat(read.version()).isEqualTo("2.1");
        assertThat(read.title()).isEqualTo(SC4);
        assertThat(read.stages()).containsExactly("1e graad", "2e graad", "3e graad");
        assertThat(read.items()).extracting(FrameworkFile.Item::code).containsExactly("04", "04.01", "04.02", "04.03", "04.04", "04.05",
            "2G-04.01", "2G-04.05", "3G-04.01", "3G-04.02");
        assertThat(read.items().get(0).name()).isEqualTo(SC4);
        assertThat(read.items().get(2).name())
            .isEqualTo("De leerlingen gebruiken doelgericht basisfunctionaliteiten van toepassingen om digitale inhouden te creëren.");
        assertThat(read.items().subList(1, read.items().size())).allMatch(i -> "04".equals(i.parent()) && !i.name().contains("<") && !i.name().endsWith(" "));
        // every goal lines up with the framework Spil ships: same code, same stage, same text
        var shipped = frameworks.byId(frameworks.shipped("vl-sec-sc4").orElseThrow());
        for (var item : read.items().subList(1, read.items().size())) {
            assertThat(shipped.competences()).as(item.code()).anyMatch(c -> c.code().equals(item.code()) && c.name().equals(item.name())
                && c.level().equals(item.level()));
        }
    }

    @Test
    void theSameCodeWithAnotherTextInAnotherSetGetsItsStreamOrFinality() {
        String a = "Secundair onderwijs 1ste graad A-stroom - X - Eindtermen";
        String b = "Secundair onderwijs 1ste graad B-stroom - X - Eindtermen";
        String am = "Secundair onderwijs Tweede graad bso Finaliteit arbeidsmarkt - X - Eindtermen";
        var body = page(List.of(member(1, "1ste graad", "A-stroom", a, "03.01", "De leerlingen bepalen het onderwerp."),
            member(2, "1ste graad", "B-stroom", b, "03.01", "De leerlingen bepalen het onderwerp &amp; de hoofdgedachte."),
            member(3, "Tweede graad", null, am, "03.01", "De leerlingen lezen.")), 3);
        var read = OnderwijsdoelenFile.read(body.getBytes(StandardCharsets.UTF_8));
        assertThat(read.items()).extracting(FrameworkFile.Item::code).containsExactly("04", "03.01", "03.01-B", "2G-03.01");
        assertThat(read.items().get(2).name()).isEqualTo("De leerlingen bepalen het onderwerp & de hoofdgedachte.");
        assertThat(OnderwijsdoelenFile.stageNumber("3de graad")).isEqualTo(3);
        assertThat(OnderwijsdoelenFile.stageNumber("Eerste graad")).isEqualTo(1);
        assertThat(OnderwijsdoelenFile.stageNumber("graad")).isNull();
        assertThat(OnderwijsdoelenFile.plain("<p>a&nbsp;<b>b</b></p><!-- c -->")).isEqualTo("a b");
        // an answer without members is refused as a whole
        assertThatThrownBy(() -> OnderwijsdoelenFile.read("{\"gegevens\":{\"totalItems\":0}}".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(FrameworkFile.Unreadable.class);
    }

    @Test
    void theServerFetchesEveryPageWithTheKeyInItsHeaderAndImportsTheWhole() throws Exception {
        var members = sc4();
        var pages = List.of(page(members.subList(0, 6), members.size()), page(members.subList(6, members.size()), members.size()));
        var queries = new CopyOnWriteArrayList<String>();
        var keys = new CopyOnWriteArrayList<String>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/onderwijsdoelen/onderwijsdoel", exchange -> {
            String q = exchange.getRequestURI().getRawQuery();
            queries.add(q);
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-api-key")));
            int n = q.contains("paginanr=2") ? 1 : q.contains("paginanr=1") ? 0 : -1;
            byte[] body = (n < 0 ? page(List.of(), members.size()) : pages.get(n)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/short/onderwijsdoel", exchange -> {
            byte[] body = page(members.subList(0, 2), 40).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            var api = new Onderwijsdoelen(frameworks, url + "/onderwijsdoelen", "/onderwijsdoel", "sleutel-456", "x-api-key", 5);
            String code = "vl-test-api-" + Long.toString(System.nanoTime(), 36);
            var result = api.fetch("onderwijsniveau=Secundair%20onderwijs&vlaamse_sleutelcompetentie=4",
                new Onderwijsdoelen.Target(code, "", "", ""), false, Locale.ENGLISH, Fixtures.ADMIN);
            assertThat(result.errors()).isEmpty();
            assertThat(queries).containsExactly(
                "onderwijsniveau=Secundair%20onderwijs&vlaamse_sleutelcompetentie=4&paginanr=1&rijen_per_pagina=500",
                "onderwijsniveau=Secundair%20onderwijs&vlaamse_sleutelcompetentie=4&paginanr=2&rijen_per_pagina=500");
            assertThat(keys).containsOnly("sleutel-456");
            var f = frameworks.byId(result.id());
            assertThat(f.version()).isEqualTo("2.1");
            assertThat(f.name()).isEqualTo(SC4);
            assertThat(f.levels()).containsExactly("1e graad", "2e graad", "3e graad");
            assertThat(f.leaves()).extracting(FrameworkView.CompetenceView::code).containsExactly("04.01", "04.02", "04.03", "04.04",
                "04.05", "2G-04.01", "2G-04.05", "3G-04.01", "3G-04.02");
            assertThat(f.source()).contains("onderwijsdoelen");
            // an answer that stops before its totalItems is refused and writes nothing
            String other = "vl-test-api-" + Long.toString(System.nanoTime(), 36);
            var shortApi = new Onderwijsdoelen(frameworks, url + "/short", "onderwijsdoel", "sleutel-456", "x-api-key", 5);
            assertThatThrownBy(() -> shortApi.fetch("", new Onderwijsdoelen.Target(other, "1", "n", ""), false, Locale.ENGLISH,
                Fixtures.ADMIN)).isInstanceOf(FieldErrorsException.class)
                .satisfies(e -> assertThat(((FieldErrorsException) e).errors().get(0).code()).isEqualTo("learning.onderwijsdoelen.incomplete"));
            assertThat(frameworks.list(Fixtures.ADMIN, null)).noneMatch(x -> x.code().equals(other));
        } finally {
            server.stop(0);
        }
    }
}
