package be.spil.demo;

import be.spil.inventory.Assets;
import be.spil.inventory.Software;
import be.spil.knowledge.ArticleForm;
import be.spil.knowledge.Articles;
import be.spil.knowledge.Audience;
import be.spil.knowledge.BodyFormat;
import be.spil.school.SchoolView;
import be.spil.shared.Paging;
import java.util.List;
import org.springframework.stereotype.Component;

/** Demo knowledge base: categories, public articles (on /kb/{school}) and manuals linked to a device model and a software title. */
@Component
class KnowledgeDemo {
    private final Articles articles;
    private final Assets assets;
    private final Software software;

    KnowledgeDemo(Articles articles, Assets assets, Software software) {
        this.articles = articles;
        this.assets = assets;
        this.software = software;
    }

    public void fill(List<SchoolView> schools) {
        var models = assets.models(null, null, new Paging(0, 1)).items();
        for (var school : schools) {
            var manuals = articles.createCategory(school.id(), "Handleidingen", false, DemoData.SYSTEM);
            var parents = articles.createCategory(school.id(), "Voor ouders", false, DemoData.SYSTEM);
            articles.create(school.id(), new ArticleForm("Wifi voor ouders en bezoekers",
                "Verbind met het netwerk **Gast**. De code staat op het bord aan het onthaal en verandert elke maand.",
                BodyFormat.MARKDOWN, Audience.PUBLIC, false, null, parents.id(), List.of("wifi", "ouders"), List.of(), List.of()),
                DemoData.SYSTEM);
            articles.create(school.id(), new ArticleForm("Aanmelden op Smartschool voor ouders",
                "1. Open de app of de website van de school.\n2. Meld je aan met de co-account die je van de school kreeg.\n"
                    + "3. Wachtwoord kwijt? Vraag een nieuwe brief aan op het secretariaat.",
                BodyFormat.MARKDOWN, Audience.PUBLIC, false, null, parents.id(), List.of("smartschool", "ouders"), List.of(), List.of()),
                DemoData.SYSTEM);
            if (!models.isEmpty()) {
                var m = models.get(0);
                articles.create(school.id(), new ArticleForm("Handleiding " + m.manufacturer() + " " + m.name(),
                    "- Opladen: de lader in de laptopkar, lampje groen = vol.\n- Printer toevoegen: *Instellingen > Printers*.\n"
                        + "- Problemen? Meld ze met het inventarisnummer op de sticker.",
                    BodyFormat.MARKDOWN, Audience.STAFF, false, null, manuals.id(), List.of("laptop", "printer"), List.of(m.id()), List.of()),
                    DemoData.SYSTEM);
            }
            var titles = software.titleChoices(school.id(), DemoData.SYSTEM);
            if (!titles.isEmpty()) {
                var t = titles.get(0);
                articles.create(school.id(), new ArticleForm("Handleiding " + t.name(),
                    "Installeren doet het ICT-team. Een licentie nodig? Meld het als aanvraag.",
                    BodyFormat.MARKDOWN, Audience.EVERYONE, false, null, manuals.id(), List.of("software"), List.of(), List.of(t.id())),
                    DemoData.SYSTEM);
            }
        }
    }
}
