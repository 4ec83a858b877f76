package be.spil.helpdesk;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** For the ICT team and the director: the backlog of the last six months as a small chart, and a link to all figures. */
@Component
class HelpdeskFiguresCard implements HomeCard {
    private final HelpdeskFigures figures;

    HelpdeskFiguresCard(HelpdeskFigures figures) {
        this.figures = figures;
    }

    @Override
    public int order() {
        return 16;
    }

    @Override
    public String template() {
        return "helpdesk/figures-card";
    }

    @Override
    public Map<String, Object> values(long schoolId, Caller caller) {
        if (!Tickets.worksQueue(caller, schoolId)) {
            return Map.of();
        }
        var report = figures.report(schoolId, 6, caller);
        if (report.reported() == 0 && report.months().get(report.months().size() - 1).backlog() == 0) {
            return Map.of();
        }
        return Map.of("report", report, "chart", FigureCharts.months(report.months(), LocaleContextHolder.getLocale()),
            "width", FigureCharts.WIDTH);
    }
}
