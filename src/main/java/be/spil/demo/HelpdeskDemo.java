package be.spil.demo;

import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.helpdesk.Priority.Level;
import be.spil.helpdesk.ReportForm;
import be.spil.helpdesk.TicketChange;
import be.spil.helpdesk.TicketStatus;
import be.spil.helpdesk.Tickets;
import be.spil.knowledge.ArticleForm;
import be.spil.knowledge.Articles;
import be.spil.knowledge.Audience;
import be.spil.knowledge.BodyFormat;
import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Demo helpdesk and knowledge base: a few manuals per school and for the group, and tickets in several states. */
@Component
class HelpdeskDemo {
    private final Tickets tickets;
    private final Articles articles;
    private final People people;

    HelpdeskDemo(Tickets tickets, Articles articles, People people) {
        this.tickets = tickets;
        this.articles = articles;
        this.people = people;
    }

    public void fill(List<SchoolView> schools) {
        var first = schools.get(0);
        articles.create(first.id(), new ArticleForm("Wachtwoord van Smartschool vergeten",
            "1. Ga naar de aanmeldpagina van Smartschool.\n2. Kies **Wachtwoord vergeten?**.\n3. Volg de link in de e-mail.\n\n"
                + "Lukt het niet? Meld het probleem in Spil bij de categorie *Accounts*.", BodyFormat.MARKDOWN, Audience.TEACHERS, true, null),
            DemoData.SYSTEM);
        for (var school : schools) {
            articles.create(school.id(), new ArticleForm("Beamer of digibord geeft geen beeld",
                "- Staat de bron op **HDMI 1**? Druk op *Source* op de afstandsbediening.\n- Zit de HDMI-kabel goed in de laptop?\n"
                    + "- Laptop: druk op **Windows + P** en kies *Dupliceren*.", BodyFormat.MARKDOWN, Audience.TEACHERS, false, null),
                DemoData.SYSTEM);
            articles.create(school.id(), new ArticleForm("Afdrukken op de kopieerapparaten",
                "Kies de printer 'Kopieerapparaat' en haal je afdruk op met je badge.", BodyFormat.TEXT, Audience.TEACHERS, false, null),
                DemoData.SYSTEM);
            articles.create(school.id(), new ArticleForm("Wifi voor gasten",
                "Het gastennetwerk heet **Gast**; de code hangt in het secretariaat.", BodyFormat.MARKDOWN, Audience.TEACHERS, false, null),
                DemoData.SYSTEM);
            articles.create(school.id(), new ArticleForm("Switch in de berging herstarten",
                "Alleen voor het ICT-team: stroom eraf, 30 seconden wachten, stroom erop. Noteer het in het logboek.", BodyFormat.TEXT,
                Audience.ICT_TEAM, false, null), DemoData.SYSTEM);
            tickets(school);
        }
    }

    private void tickets(SchoolView school) {
        var staff = people.search(school.id(), new People.Search(null, PersonKind.STAFF, false, null), new Paging(0, 4), DemoData.SYSTEM)
            .items();
        var team = people.withRoles(school.id(), Set.of(Role.ICT_COORDINATOR, Role.TECHNICIAN));
        if (staff.isEmpty() || team.isEmpty()) {
            return;
        }
        var reports = List.of(
            new ReportForm("Beamer in lokaal 1 geeft geen beeld", "Sinds deze ochtend blijft het scherm blauw.", null, null, null,
                Level.MEDIUM, Level.HIGH),
            new ReportForm("Printer in het secretariaat: papierstoring", "Lade 2 loopt telkens vast.", null, null, null,
                Level.LOW, Level.MEDIUM),
            new ReportForm("Laptop start niet meer op", "Het lampje knippert oranje.", null, null, null, Level.LOW, Level.HIGH),
            new ReportForm("Wifi valt weg in de refter", "Tijdens de middag lukt het niet om Smartschool te openen.", null, null, null,
                Level.HIGH, Level.MEDIUM),
            new ReportForm("Nieuwe leerling heeft nog geen account", "Ella uit het vierde leerjaar kan niet aanmelden.", null, null, null,
                Level.LOW, Level.LOW));
        for (int i = 0; i < reports.size(); i++) {
            var reporter = staff.get(i % staff.size());
            var caller = new Caller(reporter.id(), reporter.email(), reporter.name(), false, Map.of(school.id(), Set.of(Role.STAFF)));
            var ticket = tickets.report(school.id(), reports.get(i), caller);
            var handler = team.get(i % team.size());
            if (i == 0 || i == 2) {
                tickets.change(school.id(), ticket.number(), new TicketChange(ticket.version(), null, handler.id(), null, null, null, null),
                    DemoData.SYSTEM);
            }
            if (i == 2) {
                tickets.comment(school.id(), ticket.number(), "Ik kom hem deze middag ophalen.", false, DemoData.SYSTEM);
                tickets.comment(school.id(), ticket.number(), "Garantie loopt nog: leverancier bellen.", true, DemoData.SYSTEM);
            }
            if (i == 4) {
                tickets.change(school.id(), ticket.number(), new TicketChange(ticket.version(), TicketStatus.RESOLVED, null, null, null,
                    null, null), DemoData.SYSTEM);
            }
        }
    }
}
