package be.spil.policy;

import be.spil.inventory.AssetCategory;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The money page of the plan: the investment plan's period and lines, the replacement forecast, the lifecycles. */
@Controller
class InvestmentController {
    private final Schools schools;
    private final Investments investments;

    InvestmentController(Schools schools, Investments investments) {
        this.schools = schools;
        this.investments = investments;
    }

    @GetMapping("/schools/{code}/policy/budget")
    String budget(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        var plan = investments.plan(school.id(), caller);
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("investment", plan);
        model.addAttribute("forecast", investments.forecast(school.id(), plan.years(), caller));
        model.addAttribute("lifecycles", investments.lifecycles(school.id(), caller));
        model.addAttribute("tco", investments.tco(school.id(), caller));
        model.addAttribute("modelPrices", investments.modelPrices(school.id(), caller));
        model.addAttribute("budgetCategories", BudgetCategory.values());
        model.addAttribute("fundings", BudgetFunding.values());
        if (!model.containsAttribute("period")) {
            model.addAttribute("period", new Investments.Period(plan.firstYear(), plan.years(), plan.version()));
        }
        if (!model.containsAttribute("line")) {
            model.addAttribute("line", new Investments.LineForm(plan.firstYear(), BudgetCategory.DEVICES, BudgetFunding.OPERATING_FUNDS,
                null, null, null, null));
        }
        return "policy/budget";
    }

    private static String back(SchoolView school) {
        return "redirect:/schools/" + school.code() + "/policy/budget";
    }

    @PostMapping("/schools/{code}/policy/budget/period")
    String period(Caller caller, @PathVariable String code, @Valid @ModelAttribute("period") Investments.Period period,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                investments.setPeriod(school.id(), period, caller);
                redirect.addFlashAttribute("message", "policy.investment.saved");
                return back(school);
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                model.addAttribute("conflict", e);
            }
        }
        return budget(caller, code, model);
    }

    @PostMapping("/schools/{code}/policy/budget/lines")
    String addLine(Caller caller, @PathVariable String code, @Valid @ModelAttribute("line") Investments.LineForm line,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                investments.addLine(school.id(), line, caller);
                redirect.addFlashAttribute("message", "policy.line.added");
                return back(school);
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openLineForm", true);
        return budget(caller, code, model);
    }

    @PostMapping("/schools/{code}/policy/budget/lines/{id}/archive")
    String archiveLine(Caller caller, @PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        investments.archiveLine(school.id(), id, caller);
        redirect.addFlashAttribute("message", "policy.line.archived");
        return back(school);
    }

    @PostMapping("/schools/{code}/policy/budget/models/{modelId}")
    String modelPrice(Caller caller, @PathVariable String code, @PathVariable long modelId,
                      @RequestParam(required = false) BigDecimal price, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            investments.setModelPrice(school.id(), modelId, new Investments.ModelPriceForm(price), caller);
            redirect.addFlashAttribute("message", "policy.modelPrice.saved");
        } catch (jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("problem", "policy.modelPrice.invalid");
        }
        return back(school);
    }

    @PostMapping("/schools/{code}/policy/budget/lifecycles/{category}")
    String lifecycle(Caller caller, @PathVariable String code, @PathVariable AssetCategory category,
                     @RequestParam(required = false) Integer years, @RequestParam(required = false) BigDecimal price,
                     RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            investments.setLifecycle(school.id(), category, new Investments.LifecycleForm(years, price), caller);
            redirect.addFlashAttribute("message", "policy.lifecycle.saved");
        } catch (jakarta.validation.ConstraintViolationException e) {
            redirect.addFlashAttribute("problem", "policy.lifecycle.invalid");
        }
        return back(school);
    }
}
