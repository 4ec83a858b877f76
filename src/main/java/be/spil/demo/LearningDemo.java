package be.spil.demo;

import be.spil.learning.ActivityForm;
import be.spil.learning.Frameworks;
import be.spil.learning.Grade;
import be.spil.learning.LearningLines;
import be.spil.learning.Step;
import be.spil.learning.WorkForm;
import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A learning line on DigComp 2.2 for every demo school: a good start in some competences, with the gaps, early steps
 * and lopsided learning domains the analysis is there to find.
 */
@Component
class LearningDemo {
    private final LearningLines lines;
    private final Frameworks frameworks;
    private final be.spil.learning.Trainings trainings;
    private final be.spil.school.SchoolCalendar calendar;
    private final be.spil.directory.People people;

    LearningDemo(LearningLines lines, Frameworks frameworks, be.spil.learning.Trainings trainings,
                 be.spil.school.SchoolCalendar calendar, be.spil.directory.People people) {
        this.lines = lines;
        this.frameworks = frameworks;
        this.trainings = trainings;
        this.calendar = calendar;
        this.people = people;
    }

    private record Plan(String competence, int grade, String domain, String description, String tool, Step step, WorkForm workForm) {}

    private static final List<Plan> PLANS = List.of(
        new Plan("1.1", 3, "Wereldoriëntatie", "Een prent zoeken over de herfst op een kinderzoekmachine", "Tablet", Step.INTRODUCE, WorkForm.PARTNER),
        new Plan("1.1", 4, "Taal", "Met trefwoorden zoeken naar een dierenverhaal", "Laptop", Step.PRACTISE, WorkForm.CORNER),
        new Plan("1.1", 6, "Wereldoriëntatie", "Zelfstandig bronnen zoeken en kiezen voor een spreekbeurt", "Laptop", Step.MASTER, WorkForm.CONTRACT),
        new Plan("1.2", 5, "Wereldoriëntatie", "Nepnieuws of niet? Twee websites vergelijken", "Laptop", Step.INTRODUCE, WorkForm.GROUP),
        new Plan("1.2", 8, "Taal", "Een bron beoordelen met een checklist", "Laptop", Step.MASTER, WorkForm.PARTNER),
        new Plan("1.3", 4, "Wiskunde", "Werk bewaren in de eigen map en terugvinden", "Laptop", Step.INTRODUCE, WorkForm.CLASS),
        new Plan("2.1", 2, "Taal", "Een spraakbericht opnemen voor de klas", "Tablet", Step.INTRODUCE, WorkForm.CORNER),
        new Plan("2.1", 5, "Frans", "Een korte boodschap in het Frans sturen naar een partnerklas", "Laptop", Step.PRACTISE, WorkForm.PARTNER),
        new Plan("2.4", 6, "Wereldoriëntatie", "Samen een presentatie maken in een gedeeld document", "Laptop", Step.PRACTISE, WorkForm.GROUP),
        new Plan("2.5", 5, "Taal", "Afspraken voor online praten opstellen", null, Step.INTRODUCE, WorkForm.CLASS),
        new Plan("3.1", 1, "Muzische vorming", "Een tekening maken met een tekenapp", "Tablet", Step.INTRODUCE, WorkForm.CORNER),
        new Plan("3.1", 3, "Muzische vorming", "Een fotoverhaal maken", "Tablet", Step.PRACTISE, WorkForm.GROUP),
        new Plan("3.1", 7, "Taal", "Een digitaal boekje schrijven en vormgeven", "Laptop", Step.MASTER, WorkForm.CONTRACT),
        new Plan("3.4", 2, "Wiskunde", "Een robotje een weg laten volgen", "Bee-Bot", Step.INTRODUCE, WorkForm.CORNER),
        new Plan("3.4", 4, "Wiskunde", "Programmeren met blokken: een doolhof", "Laptop", Step.PRACTISE, WorkForm.PARTNER),
        new Plan("3.4", 6, "Wiskunde", "Een spel programmeren met herhalingen", "Laptop", Step.PRACTISE, WorkForm.PARTNER),
        new Plan("4.2", 7, "Wereldoriëntatie", "Wat deel je wel en niet online?", null, Step.PRACTISE, WorkForm.CLASS),
        new Plan("4.3", 4, "Lichamelijke opvoeding", "Schermtijd en bewegen: een weekschema", null, Step.INTRODUCE, WorkForm.CLASS),
        new Plan("5.1", 6, "Wiskunde", "Wat doe je als de laptop niet start?", "Laptop", Step.INTRODUCE, WorkForm.GROUP));

    /** The school's learning line, started and filled by the system; grade numbers count from the school's first grade. */
    void learningLine(SchoolView school, Caller system) {
        var digcomp = frameworks.list(system, "PUPIL").stream().filter(f -> f.code().equals("digcomp")).findFirst();
        if (digcomp.isEmpty()) {
            return;
        }
        lines.setUp(school.id(), digcomp.get().id(), lines.defaultDomains(school.id()), null, system);
        List<Grade> grades = lines.grades(school.id());
        var domains = lines.defaultDomains(school.id());
        for (var p : PLANS) {
            var grade = grades.get(Math.min(p.grade(), grades.size() - 1));
            String domain = domains.contains(p.domain()) ? p.domain() : domains.get(p.grade() % domains.size());
            lines.createActivity(school.id(), new ActivityForm(p.competence(), grade, domain, p.description(), p.tool(), p.step(),
                p.workForm(), null, null), system);
        }
        if (school.level() != be.spil.school.SchoolLevel.SECUNDAIR) {
            lines.setShared(school.id(), true, lines.requireLine(school.id(), system).version(), system);
        }
        trainings(school, system);
    }

    /** Two trainings in the current school year: the ICT team shows the learning platform, an external one on AI. */
    private void trainings(SchoolView school, Caller system) {
        var year = calendar.currentSchoolYear();
        if (year.isEmpty()) {
            return;
        }
        var staff = people.search(school.id(), new be.spil.directory.People.Search(null, be.spil.directory.PersonKind.STAFF, false, null),
            new be.spil.shared.Paging(0, 12), system).items();
        var first = trainings.create(school.id(), new be.spil.learning.TrainingForm("Het digitale leerplatform in de klas", null, true,
            year.get().startDate().plusDays(45), null, new java.math.BigDecimal("2"), null, List.of("2.1", "2.2", "3.1"),
            null, null), system);
        var second = trainings.create(school.id(), new be.spil.learning.TrainingForm("Generatieve AI verantwoord gebruiken",
            "Pedagogische begeleidingsdienst", false, year.get().startDate().plusDays(120), null, new java.math.BigDecimal("6"),
            new java.math.BigDecimal("180"), List.of("1.4", "6.2"), "https://www.klascement.net", null), system);
        var firstParticipants = new java.util.LinkedHashMap<Long, be.spil.learning.TrainingView.Status>();
        var secondParticipants = new java.util.LinkedHashMap<Long, be.spil.learning.TrainingView.Status>();
        for (int i = 0; i < staff.size(); i++) {
            firstParticipants.put(staff.get(i).id(), be.spil.learning.TrainingView.Status.ATTENDED);
            if (i % 2 == 0) {
                secondParticipants.put(staff.get(i).id(), be.spil.learning.TrainingView.Status.PLANNED);
            }
        }
        trainings.setParticipants(school.id(), first.id(), firstParticipants, first.version(), system);
        trainings.setParticipants(school.id(), second.id(), secondParticipants, second.version(), system);
    }
}
