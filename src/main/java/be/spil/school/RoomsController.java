package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Buildings and rooms of a school: list (htmx: the filtered room table), add, change, archive, a room's history. */
@Controller
class RoomsController {
    private final Schools schools;
    private final Rooms rooms;
    private final AuditTrail audit;

    RoomsController(Schools schools, Rooms rooms, AuditTrail audit) {
        this.schools = schools;
        this.rooms = rooms;
        this.audit = audit;
    }

    @ModelAttribute("roomTypes")
    RoomType[] roomTypes() {
        return RoomType.values();
    }

    @GetMapping("/schools/{code}/rooms")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) Long building,
                @RequestParam(required = false) RoomType type, @RequestParam(defaultValue = "false") boolean archived,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("buildings", rooms.buildings(school.id(), archived, caller));
        model.addAttribute("rooms", rooms.rooms(school.id(), new Rooms.RoomFilter(building, type, archived), caller));
        model.addAttribute("building", building);
        model.addAttribute("type", type);
        model.addAttribute("archived", archived);
        model.addAttribute("canManage", caller.canManage(school.id()));
        if (!model.containsAttribute("buildingForm")) {
            model.addAttribute("buildingForm", BuildingForm.empty());
        }
        if (!model.containsAttribute("roomForm")) {
            model.addAttribute("roomForm", RoomForm.empty());
        }
        return htmx != null ? "school/rooms :: roomTable" : "school/rooms";
    }

    @PostMapping("/schools/{code}/buildings")
    String createBuilding(Caller caller, @PathVariable String code, @Valid @ModelAttribute("buildingForm") BuildingForm form,
                          BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                rooms.createBuilding(school.id(), form, caller);
                redirect.addFlashAttribute("message", "building.created");
                return "redirect:/schools/" + school.code() + "/rooms";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openBuildingForm", true);
        return list(caller, code, null, null, false, null, model);
    }

    @GetMapping("/schools/{code}/buildings/{id}")
    String building(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var building = rooms.building(school.id(), id, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new BuildingForm(building.name(), building.address(), building.version()));
        }
        return buildingPage(caller, school, building, model);
    }

    private String buildingPage(Caller caller, SchoolView school, BuildingView building, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("building", building);
        model.addAttribute("rooms", rooms.rooms(school.id(), new Rooms.RoomFilter(building.id(), null, false), caller));
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("history", audit.history(Rooms.BUILDING_AUDIT_TYPE, building.id()));
        return "school/building";
    }

    @PostMapping("/schools/{code}/buildings/{id}")
    String updateBuilding(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") BuildingForm form,
                          BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var building = rooms.building(school.id(), id, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                rooms.updateBuilding(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/buildings/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                model.addAttribute("form", new BuildingForm(form.name(), form.address(), e.currentVersion()));
                building = rooms.building(school.id(), id, caller);
            }
        }
        return buildingPage(caller, school, building, model);
    }

    @PostMapping("/schools/{code}/buildings/{id}/archive")
    String archiveBuilding(Caller caller, @PathVariable String code, @PathVariable long id,
                           @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            rooms.setBuildingArchived(school.id(), id, archived, caller);
            redirect.addFlashAttribute("message", archived ? "archived" : "restored");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        }
        return "redirect:/schools/" + school.code() + "/buildings/" + id;
    }

    @PostMapping("/schools/{code}/rooms")
    String createRoom(Caller caller, @PathVariable String code, @Valid @ModelAttribute("roomForm") RoomForm form,
                      BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                var room = rooms.createRoom(school.id(), form, caller);
                redirect.addFlashAttribute("message", "room.created");
                return "redirect:/schools/" + school.code() + "/rooms/" + room.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return list(caller, code, null, null, false, null, model);
    }

    @GetMapping("/schools/{code}/rooms/{id}")
    String show(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var room = rooms.room(school.id(), id, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RoomForm.of(room));
        }
        return showPage(caller, school, room, model);
    }

    private String showPage(Caller caller, SchoolView school, RoomView room, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("room", room);
        model.addAttribute("buildings", rooms.buildings(school.id(), true, caller).stream()
            .filter(b -> !b.archived() || b.id() == room.buildingId()).toList());
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("history", audit.history(Rooms.ROOM_AUDIT_TYPE, room.id()));
        return "school/room";
    }

    @PostMapping("/schools/{code}/rooms/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") RoomForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var room = rooms.room(school.id(), id, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                rooms.updateRoom(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/rooms/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                model.addAttribute("form", new RoomForm(form.buildingId(), form.name(), form.type(), form.floor(), form.capacity(),
                    e.currentVersion()));
                room = rooms.room(school.id(), id, caller);
            }
        }
        return showPage(caller, school, room, model);
    }

    @PostMapping("/schools/{code}/rooms/{id}/archive")
    String archiveRoom(Caller caller, @PathVariable String code, @PathVariable long id,
                       @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            rooms.setRoomArchived(school.id(), id, archived, caller);
            redirect.addFlashAttribute("message", archived ? "archived" : "restored");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        }
        return "redirect:/schools/" + school.code() + "/rooms/" + id;
    }
}
