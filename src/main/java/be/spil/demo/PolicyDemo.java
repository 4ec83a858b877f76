package be.spil.demo;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetFilter;
import be.spil.inventory.Assets;
import be.spil.inventory.LicenceType;
import be.spil.inventory.Software;
import be.spil.inventory.SoftwareCategory;
import be.spil.inventory.SoftwarePlatform;
import be.spil.policy.ActionStatus;
import be.spil.policy.GoalDomain;
import be.spil.policy.GoalKind;
import be.spil.policy.BudgetCategory;
import be.spil.policy.BudgetFunding;
import be.spil.policy.Investments;
import be.spil.policy.UsageRules;
import java.math.BigDecimal;
import be.spil.policy.PlanForms;
import be.spil.policy.PolicyPlans;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import be.spil.shared.Paging;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A policy plan for the current school year: a vision, three goals with actions, one of them overdue; and the licences
 * that cost money (installed on the laptops and chromebooks, or a web platform installed nowhere), so the plan's
 * licence costs and total cost of ownership have figures.
 */
@Component
@Profile("demo")
class PolicyDemo {
    private final PolicyPlans plans;
    private final Investments investments;
    private final UsageRules rules;
    private final Clock clock;
    private final Software software;
    private final Assets assets;

    PolicyDemo(PolicyPlans plans, Investments investments, UsageRules rules, Clock clock, Software software, Assets assets) {
        this.software = software;
        this.assets = assets;
        this.plans = plans;
        this.investments = investments;
        this.rules = rules;
        this.clock = clock;
    }

    void plan(SchoolView school, SchoolYearView year, long coordinator, long director, Caller system) {
        LocalDate today = LocalDate.now(clock);
        plans.replace(school.id(), year, new PlanForms.Whole(
            "ICT helpt onze leerlingen zelfstandig en samen te leren. We kiezen voor toestellen die in de klas klaarstaan, "
                + "voor leerkrachten die elkaar helpen, en voor mediawijsheid vanaf de eerste graad.",
            "Ons pedagogisch project zet in op zelfstandigheid en zorg op maat; ICT geeft leerlingen ruimte om op hun eigen "
                + "tempo te werken.",
            "De school werkt met een laptopkar en een digitaal bord in elke klas. De wifi valt weg in de verste lokalen.",
            null,
            List.of(
                new PlanForms.WholeGoal(null, GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, "Goede wifi in elk lokaal",
                    "Elke klas kan met een volledige laptopkar tegelijk online.", List.of(
                        action("Wifi-dekking meten", coordinator, today.minusMonths(2), ActionStatus.DONE),
                        action("Twee extra access points plaatsen", coordinator, today.plusMonths(2), ActionStatus.IN_PROGRESS))),
                new PlanForms.WholeGoal(null, GoalDomain.PROFESSIONAL_DEVELOPMENT, GoalKind.DIDACTIC,
                    "Elke leerkracht gebruikt het digitale bord interactief", null, List.of(
                        action("Nascholing digitaal bord voor het hele team", director, today.minusWeeks(3), ActionStatus.PLANNED),
                        action("Leerkrachten tonen elkaar een goede les", coordinator, today.plusMonths(5), ActionStatus.PLANNED))),
                new PlanForms.WholeGoal(null, GoalDomain.PUPIL_COMPETENCE, GoalKind.DIDACTIC, "Een leerlijn mediawijsheid",
                    "Van het eerste tot het zesde leerjaar, opgebouwd per graad.", List.of(
                        action("Leerlijn opstellen met de klastitularissen", coordinator, today.plusMonths(4), ActionStatus.PLANNED)))),
            null), system);
        int first = year.startDate().getYear();
        investments.addLine(school.id(), new Investments.LineForm(first, BudgetCategory.DEVICES, BudgetFunding.DIGIPLAN,
            "Tweede laptopkar", new BigDecimal("9500.00"), null, null), system);
        investments.addLine(school.id(), new Investments.LineForm(first, BudgetCategory.NETWORK, BudgetFunding.OPERATING_FUNDS,
            "Access points", new BigDecimal("1200.00"), new BigDecimal("1150.40"), null), system);
        investments.addLine(school.id(), new Investments.LineForm(first + 1, BudgetCategory.TRAINING, BudgetFunding.OPERATING_FUNDS,
            "Nascholing digitaal bord", new BigDecimal("800.00"), null, null), system);
        rules.saveDraft(school.id(), UsageRules.Audience.STAFF, """
            1. Je wachtwoord is persoonlijk: deel het met niemand.
            2. Vergrendel je computer als je het lokaal verlaat.
            3. Persoonsgegevens van leerlingen bewaar je alleen op de schoolomgeving, niet op een usb-stick.
            4. Meld een verloren of gestolen toestel meteen aan de ICT-coördinator.""", null, system);
        rules.approve(school.id(), UsageRules.Audience.STAFF, 0, system);
        licences(school, year, system);
    }

    private void licences(SchoolView school, SchoolYearView year, Caller system) {
        licence(school, year, "Microsoft 365 A3", "Microsoft", SoftwareCategory.OFFICE, SoftwarePlatform.WINDOWS, 6, "216.00",
            AssetCategory.LAPTOP, system);
        licence(school, year, "Bookwidgets", "Bookwidgets", SoftwareCategory.EDUCATIONAL, SoftwarePlatform.CHROMEOS, 20, "380.00",
            AssetCategory.CHROMEBOOK, system);
        licence(school, year, "Bingel", "Van In", SoftwareCategory.EDUCATIONAL, SoftwarePlatform.WEB, 150, "1450.00", null, system);
    }

    /** A title with a one-year subscription for the school year, installed on every device of {@code on} (if any). */
    private void licence(SchoolView school, SchoolYearView year, String name, String publisher, SoftwareCategory category,
                         SoftwarePlatform platform, int seats, String cost, AssetCategory on, Caller system) {
        var title = software.createTitle(school.id(), new Software.TitleForm(name, publisher, category, platform, null), system);
        software.createLicence(school.id(), new Software.LicenceForm(title.id(), LicenceType.SUBSCRIPTION, seats, new BigDecimal(cost),
            year.startDate(), year.endDate(), null, null, null, null, null, null), system);
        if (on != null) {
            assets.search(school.id(), new AssetFilter(null, on, null, null, null, null, null, null), new Paging(0, 100), system)
                .items().forEach(asset -> software.install(school.id(), new Software.InstallForm(asset.id(), title.id(), null, null), system));
        }
    }

    private static PlanForms.WholeAction action(String title, long owner, LocalDate deadline, ActionStatus status) {
        return new PlanForms.WholeAction(null, title, owner, deadline, null, null, status);
    }
}
