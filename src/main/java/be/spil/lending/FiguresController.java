package be.spil.lending;

import be.spil.school.SchoolCalendar;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The lending figures of a school year for the ICT team: use and no-shows per pool, damage per class. */
@Controller
class FiguresController {
    private final Schools schools;
    private final LendingFigures figures;
    private final SchoolCalendar calendar;
    private final MessageSource messages;

    FiguresController(Schools schools, LendingFigures figures, SchoolCalendar calendar, MessageSource messages) {
        this.schools = schools;
        this.figures = figures;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/schools/{code}/pools/figures")
    String figures(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        Pools.requireManage(school.id(), caller);
        model.addAttribute("school", school);
        model.addAttribute("years", calendar.schoolYears());
        try {
            model.addAttribute("figures", figures.figures(school.id(), year, caller));
        } catch (FieldErrorsException e) {
            model.addAttribute("errors", e.errors().stream()
                .map(f -> messages.getMessage(f.code(), f.args(), f.code(), LocaleContextHolder.getLocale())).toList());
        }
        return "lending/figures";
    }
}
