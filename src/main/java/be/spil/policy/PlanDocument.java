package be.spil.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The plan as one document, in the order of the Kenniscentrum Digisprong's structure: vision, pedagogical project,
 * starting situation with the live figures, goals with their actions, evaluation. Written as Markdown (the export,
 * and what an approval keeps to compare versions) and as a list of blocks the PDF lays out.
 */
final class PlanDocument {
    /** A block of the document: a heading (level 1–3), a paragraph, a table with a header row, or a bar chart. */
    sealed interface Block permits Heading, Paragraph, Table, Chart {}

    record Heading(int level, String text) implements Block {}

    record Paragraph(String text, boolean muted) implements Block {}

    record Table(List<String> header, List<List<String>> rows) implements Block {}

    /**
     * A bar chart: one group of bars per label, one bar per series ({@code stacked}: the series on top of each other);
     * {@code values.get(label).get(series)}. The table beside it carries the same figures, so text exports leave it out.
     */
    record Chart(String title, List<String> labels, List<String> series, List<List<Double>> values, boolean stacked) implements Block {}

    private final MessageSource messages;
    private final Locale locale;

    PlanDocument(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    List<Block> blocks(String schoolName, PlanView plan, LiveSections.Figures figures) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, t("policy.doc.title", schoolName, plan.year())));
        blocks.add(new Paragraph(plan.approved() == null ? t("policy.doc.draft") : t("policy.doc.approved", plan.approved()), true));
        text(blocks, "policy.field.vision", plan.vision());
        text(blocks, "policy.field.pedagogicalProject", plan.pedagogicalProject());
        text(blocks, "policy.field.startingSituation", plan.startingSituation());
        inventory(blocks, figures.inventory());
        team(blocks, figures.team());
        helpdesk(blocks, plan.year(), figures.helpdesk());
        learning(blocks, figures.learning());
        blocks.add(new Heading(2, t("policy.goals")));
        if (plan.goals().isEmpty()) {
            blocks.add(new Paragraph(t("policy.goals.none"), true));
        }
        int n = 1;
        for (var goal : plan.goals()) {
            blocks.add(new Heading(3, t("policy.doc.goal", n++, goal.title())));
            blocks.add(new Paragraph(t("policy.domain." + goal.domain()) + " · " + t("policy.kind." + goal.kind())
                + (goal.progress() == null ? "" : " · " + t("policy.goal.progress", goal.progress())), true));
            if (goal.description() != null) {
                blocks.add(new Paragraph(goal.description(), false));
            }
            if (!goal.actions().isEmpty()) {
                blocks.add(new Table(List.of(t("policy.field.action"), t("policy.field.owner"), t("policy.field.deadline"),
                    t("policy.field.status"), t("policy.field.resources"), t("policy.field.successCriterion")),
                    goal.actions().stream().map(a -> List.of(a.title(), orDash(a.ownerName()),
                        a.deadline() == null ? "–" : a.deadline().toString(), t("policy.status." + a.status()),
                        orDash(a.resources()), orDash(a.successCriterion()))).toList()));
            }
        }
        money(blocks, figures.money());
        text(blocks, "policy.field.evaluation", plan.evaluation());
        return blocks;
    }

    private void text(List<Block> blocks, String key, String text) {
        blocks.add(new Heading(2, t(key)));
        blocks.add(text == null ? new Paragraph(t("policy.doc.notWritten"), true) : new Paragraph(text, false));
    }

    private void inventory(List<Block> blocks, LiveSections.Inventory inventory) {
        blocks.add(new Heading(3, t("policy.live.inventory")));
        if (inventory == null) {
            blocks.add(new Paragraph(t("policy.live.inventory.none"), true));
            return;
        }
        blocks.add(new Table(List.of(t("policy.live.category"), t("policy.live.total"), t("policy.live.inUse"), t("policy.live.age0"),
            t("policy.live.age2"), t("policy.live.age4"), t("policy.live.age6"), t("policy.live.ageUnknown")),
            inventory.categories().stream().map(c -> List.of(t("asset.category." + c.category()), String.valueOf(c.total()),
                String.valueOf(c.inUse()), String.valueOf(c.underTwoYears()), String.valueOf(c.twoToFourYears()),
                String.valueOf(c.fourToSixYears()), String.valueOf(c.sixYearsOrMore()), String.valueOf(c.ageUnknown()))).toList()));
        blocks.add(new Chart(t("policy.chart.ages"), inventory.categories().stream().map(c -> t("asset.category." + c.category())).toList(),
            List.of(t("policy.live.age0"), t("policy.live.age2"), t("policy.live.age4"), t("policy.live.age6"), t("policy.live.ageUnknown")),
            inventory.categories().stream().map(c -> List.of((double) c.underTwoYears(), (double) c.twoToFourYears(),
                (double) c.fourToSixYears(), (double) c.sixYearsOrMore(), (double) c.ageUnknown())).toList(), true));
        BigDecimal ratio = inventory.pupilsPerDevice();
        blocks.add(new Paragraph(ratio == null ? t("policy.live.ratio.none", inventory.pupils())
            : t("policy.live.ratio", inventory.pupils(), inventory.pupilDevices(), ratio), false));
        blocks.add(new Paragraph(t("policy.live.value", inventory.purchaseValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()), false));
        blocks.add(new Heading(3, t("policy.live.licences")));
        if (inventory.licences().isEmpty()) {
            blocks.add(new Paragraph(t("policy.live.licences.none"), true));
        } else {
            blocks.add(new Table(List.of(t("policy.live.licence.title"), t("policy.live.licence.type"), t("policy.live.licence.seats"),
                t("policy.live.licence.cost")),
                inventory.licences().stream().map(l -> List.of(l.title(),
                    String.join(", ", l.types().stream().map(type -> t("licence.type." + type)).toList()), l.seats() == null ? "–" : String.valueOf(l.seats()),
                    l.cost().toPlainString())).toList()));
            blocks.add(new Paragraph(t("policy.live.licences.total", "€ " + inventory.licenceCost().toPlainString()), false));
        }
        if (inventory.undatedLicences() > 0) {
            blocks.add(new Paragraph(t("policy.live.licences.undated", inventory.undatedLicences()), true));
        }
    }

    private void team(List<Block> blocks, LiveSections.TeamPart team) {
        blocks.add(new Heading(3, t("policy.live.team")));
        if (team == null) {
            blocks.add(new Paragraph(t("policy.live.team.none"), true));
            return;
        }
        blocks.add(new Table(List.of(t("policy.live.member"), t("policy.live.hours")),
            team.members().stream().map(m -> List.of(m.name() + (m.coordinator() ? " (" + t("role.ICT_COORDINATOR") + ")" : ""),
                String.format(Locale.ROOT, "%.1f", m.hours()))).toList()));
        blocks.add(new Paragraph(t("policy.live.findings", team.findings().getOrDefault(be.spil.team.Finding.Severity.CRITICAL, 0L),
            team.findings().getOrDefault(be.spil.team.Finding.Severity.WARNING, 0L)), false));
    }

    private void helpdesk(List<Block> blocks, String year, LiveSections.Helpdesk helpdesk) {
        blocks.add(new Heading(3, t("policy.live.helpdesk")));
        blocks.add(helpdesk == null ? new Paragraph(t("policy.live.helpdesk.none"), true)
            : new Paragraph(t("policy.live.helpdesk.figures", year, helpdesk.reported(), helpdesk.resolved(), helpdesk.resolvedInTime(),
                helpdesk.openNow(), helpdesk.overdueNow()), false));
    }

    private void learning(List<Block> blocks, LiveSections.Learning learning) {
        blocks.add(new Heading(3, t("policy.live.learning")));
        blocks.add(learning == null ? new Paragraph(t("policy.live.learning.none"), true)
            : new Paragraph(t("policy.live.learning.coverage", learning.framework(), learning.covered(), learning.total(), learning.percent(),
                learning.mastered(), learning.critical(), learning.warnings()), false));
    }

    private void money(List<Block> blocks, LiveSections.Money money) {
        blocks.add(new Heading(2, t("policy.investment")));
        if (money == null) {
            blocks.add(new Paragraph(t("policy.live.money.none"), true));
            return;
        }
        if (money.plan().lines().isEmpty()) {
            blocks.add(new Paragraph(t("policy.lines.none"), true));
        } else {
            blocks.add(new Table(List.of(t("policy.year"), t("policy.line.category"), t("policy.line.funding"),
                t("policy.field.description"), t("policy.line.planned"), t("policy.line.spent")),
                money.plan().lines().stream().map(l -> List.of(l.schoolYear(), t("policy.budget." + l.category()),
                    t("policy.funding." + l.funding()), orDash(l.description()), l.planned().toPlainString(),
                    l.spent() == null ? "–" : l.spent().toPlainString())).toList()));
        }
        blocks.add(new Heading(3, t("policy.forecast")));
        blocks.add(new Table(List.of(t("policy.year"), t("policy.forecast.devices"), t("policy.forecast.devicesCost"),
            t("policy.forecast.networkCost"), t("policy.forecast.budget"), t("policy.forecast.gap")),
            money.forecast().rows().stream().map(r -> List.of(r.schoolYear(), String.valueOf(r.devices()),
                r.devicesCost().toPlainString(), r.networkCost().toPlainString(), r.budget().toPlainString(),
                r.gap().toPlainString())).toList()));
        blocks.add(new Chart(t("policy.chart.forecast"), money.forecast().rows().stream().map(ReplacementForecast.Year::schoolYear).toList(),
            List.of(t("policy.chart.cost"), t("policy.forecast.budget")),
            money.forecast().rows().stream().map(r -> List.of(r.devicesCost().add(r.networkCost()).doubleValue(), r.budget().doubleValue()))
                .toList(), false));
        tco(blocks, money.tco());
    }

    private void tco(List<Block> blocks, Tco.Result tco) {
        blocks.add(new Heading(3, t("policy.tco")));
        if (tco.categories().isEmpty()) {
            blocks.add(new Paragraph(t("policy.tco.none"), true));
            return;
        }
        blocks.add(new Paragraph(t("policy.tco.intro", tco.schoolYear()), true));
        blocks.add(new Table(List.of(t("policy.live.category"), t("policy.forecast.devices"), t("policy.tco.lifecycle"),
            t("policy.tco.averagePrice"), t("policy.tco.licencesPerDevice"), t("policy.tco.perDevicePerYear"),
            t("policy.tco.perDeviceLifetime"), t("policy.tco.repairs")),
            tco.categories().stream().map(c -> List.of(t("asset.category." + c.category()), String.valueOf(c.devices()),
                String.valueOf(c.lifecycleYears()), amount(c.averagePrice()), c.licencesPerDevicePerYear().toPlainString(),
                amount(c.perDevicePerYear()), amount(c.perDeviceLifetime()), String.valueOf(c.repairs()))).toList()));
        if (tco.unassigned().signum() > 0) {
            blocks.add(new Paragraph(t("policy.tco.unassigned", "€ " + tco.unassigned().toPlainString()), true));
        }
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "–" : amount.toPlainString();
    }

    /** The document as Markdown. */
    static String markdown(List<Block> blocks) {
        var out = new StringBuilder();
        for (var block : blocks) {
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(oneLine(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(p.muted() ? "_" + oneLine(p.text()) + "_" : p.text()).append("\n\n");
            } else if (block instanceof Table table) {
                out.append(row(table.header()));
                out.append("|").append(" --- |".repeat(table.header().size())).append('\n');
                table.rows().forEach(r -> out.append(row(r)));
                out.append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String row(List<String> cells) {
        var out = new StringBuilder("|");
        cells.forEach(c -> out.append(' ').append(oneLine(c).replace("|", "\\|")).append(" |"));
        return out.append('\n').toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String orDash(String text) {
        return text == null ? "–" : text;
    }
}
