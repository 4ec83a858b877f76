package be.spil.policy;

import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The plan with its live figures as a document: Markdown, PDF, and the text an approval keeps (in Dutch). */
@Component
class PlanDocuments {
    static final Locale APPROVAL_LOCALE = Locale.forLanguageTag("nl");

    private final PolicyPlans plans;
    private final LiveSections live;
    private final MessageSource messages;

    PlanDocuments(PolicyPlans plans, LiveSections live, MessageSource messages) {
        this.plans = plans;
        this.live = live;
        this.messages = messages;
    }

    LiveSections.Figures figures(SchoolView school, SchoolYearView year, Caller caller) {
        return live.figures(school.id(), year, caller);
    }

    List<PlanDocument.Block> blocks(SchoolView school, SchoolYearView year, Locale locale, Caller caller) {
        var plan = plans.plan(school.id(), year, caller);
        return new PlanDocument(messages, locale).blocks(school.name(), plan, figures(school, year, caller));
    }

    String markdown(SchoolView school, SchoolYearView year, Locale locale, Caller caller) {
        return PlanDocument.markdown(blocks(school, year, locale, caller));
    }

    void pdf(SchoolView school, SchoolYearView year, Locale locale, Caller caller, OutputStream out) {
        PlanPdf.write(blocks(school, year, locale, caller), messages.getMessage("policy.doc.contents", null, locale),
            messages.getMessage("policy.doc.footer", new Object[] {school.name(), year.name()}, locale), out);
    }

    void docx(SchoolView school, SchoolYearView year, Locale locale, Caller caller, OutputStream out) {
        PlanDocx.write(blocks(school, year, locale, caller), out);
    }

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A file to download: its type, its name and its bytes. */
    record Download(String contentType, String filename, byte[] bytes) {
        org.springframework.http.ResponseEntity<byte[]> response() {
            return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(contentType))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                    org.springframework.http.ContentDisposition.attachment().filename(filename).build().toString())
                .body(bytes);
        }
    }

    /** The plan as {@code pdf}, {@code docx} (Word) or {@code md} (Markdown); another format is a 404. */
    Download download(SchoolView school, SchoolYearView year, String format, Locale locale, Caller caller) {
        var out = new java.io.ByteArrayOutputStream();
        String type = switch (format) {
            case "pdf" -> {
                pdf(school, year, locale, caller, out);
                yield "application/pdf";
            }
            case "docx" -> {
                docx(school, year, locale, caller, out);
                yield DOCX;
            }
            case "md" -> {
                out.writeBytes(markdown(school, year, locale, caller).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                yield "text/markdown;charset=UTF-8";
            }
            default -> throw new be.spil.shared.NotFoundException("format", format);
        };
        return new Download(type, "ict-beleidsplan-" + school.code() + "-" + year.name() + "." + format, out.toByteArray());
    }

    /** The director approves what the plan says now, live figures included. */
    PolicyPlans.Approval approve(SchoolView school, SchoolYearView year, Integer version, Caller caller) {
        var plan = plans.plan(school.id(), year, caller);
        var withNumber = new PlanView(plan.id(), plan.schoolId(), plan.schoolYearId(), plan.year(), plan.vision(),
            plan.pedagogicalProject(), plan.startingSituation(), plan.evaluation(), plan.version(), plan.updatedAt(),
            plan.updatedBy(), plan.approved() == null ? 1 : plan.approved() + 1, plan.goals());
        String document = PlanDocument.markdown(new PlanDocument(messages, APPROVAL_LOCALE)
            .blocks(school.name(), withNumber, figures(school, year, caller)));
        return plans.approve(school.id(), year, version, document, caller);
    }

    /** Two approved versions (or an approved one and the plan as it is now, {@code to} null) compared line by line. */
    List<LineDiff.Line> compare(SchoolView school, SchoolYearView year, int from, Integer to, Caller caller) {
        String older = plans.approval(school.id(), year, from, caller).document();
        String newer = to == null ? markdown(school, year, APPROVAL_LOCALE, caller) : plans.approval(school.id(), year, to, caller).document();
        return LineDiff.compare(older, newer);
    }
}
