package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The helpdesk in figures: a school's page (its ICT team and director), and the group's (central admins). */
@Controller
class HelpdeskFiguresController {
    private final Schools schools;
    private final HelpdeskFigures figures;

    HelpdeskFiguresController(Schools schools, HelpdeskFigures figures) {
        this.schools = schools;
        this.figures = figures;
    }

    @GetMapping("/schools/{code}/helpdesk/figures")
    String school(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "12") int months, Model model,
                  Locale locale) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        return page(figures.report(school.id(), months, caller), months, model, locale);
    }

    @GetMapping("/helpdesk/figures")
    String group(Caller caller, @RequestParam(defaultValue = "12") int months, Model model, Locale locale) {
        return page(figures.report(null, months, caller), months, model, locale);
    }

    private static String page(HelpdeskFigures.Report report, int months, Model model, Locale locale) {
        model.addAttribute("report", report);
        model.addAttribute("months", months);
        model.addAttribute("monthChart", FigureCharts.months(report.months(), locale));
        model.addAttribute("categoryChart", FigureCharts.bars(report.categories()));
        model.addAttribute("assetChart", FigureCharts.bars(report.assets()));
        model.addAttribute("schoolChart", FigureCharts.bars(report.schools()));
        model.addAttribute("chartWidth", FigureCharts.WIDTH);
        return "helpdesk/figures";
    }
}
