package be.spil.team;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school group's task catalog: central admins publish new, renamed and retired tasks to every school. */
@Controller
class TeamCatalogController {
    private final Team team;

    TeamCatalogController(Team team) {
        this.team = team;
    }

    @GetMapping("/team/catalog")
    String catalog(Caller caller, Model model) {
        var tasks = team.catalog(caller);
        model.addAttribute("tasksByCluster", tasks.stream().collect(Collectors.groupingBy(TaskView::cluster)));
        model.addAttribute("clusterValues", Cluster.values());
        model.addAttribute("levelValues", Level.values());
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        if (!model.containsAttribute("taskForm")) {
            model.addAttribute("taskForm", TaskForm.empty());
        }
        return "team/group-catalog";
    }

    @PostMapping("/team/catalog/tasks")
    String create(Caller caller, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        if (!result.hasErrors()) {
            try {
                team.createCatalogTask(form, caller);
                redirect.addFlashAttribute("message", "team.catalog.published");
                return "redirect:/team/catalog";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openTaskForm", true);
        return catalog(caller, model);
    }

    @PostMapping("/team/catalog/tasks/{task}")
    String change(Caller caller, @PathVariable String task, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String nameEn, @RequestParam(required = false) Boolean retired,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        try {
            team.patchCatalogTask(task, name, nameEn, retired, version, caller);
            redirect.addFlashAttribute("message", "team.catalog.published");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "team.stale", e.changedBy()));
        }
        return "redirect:/team/catalog#task-" + task;
    }
}
