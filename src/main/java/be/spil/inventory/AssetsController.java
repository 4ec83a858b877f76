package be.spil.inventory;

import be.spil.directory.Groups;
import be.spil.directory.Organisations;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.Rooms;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
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

/** The asset list (htmx: the filtered results), a new asset, an asset's page with edit, status and assignment forms. */
@Controller
class AssetsController {
    private static final int PAGE_SIZE = 50;

    private final Schools schools;
    private final Assets assets;
    private final Rooms rooms;
    private final Groups groups;
    private final People people;
    private final Organisations organisations;
    private final Software software;
    private final AssetPools assetPools;
    private final java.util.List<be.spil.shared.AssetSection> sections;

    AssetsController(Schools schools, Assets assets, Rooms rooms, Groups groups, People people, Organisations organisations,
                     Software software, AssetPools assetPools, java.util.List<be.spil.shared.AssetSection> sections) {
        this.software = software;
        this.assetPools = assetPools;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(be.spil.shared.AssetSection::order)).toList();
        this.schools = schools;
        this.assets = assets;
        this.rooms = rooms;
        this.groups = groups;
        this.people = people;
        this.organisations = organisations;
    }

    @ModelAttribute("categories")
    AssetCategory[] categories() {
        return AssetCategory.values();
    }

    @ModelAttribute("statuses")
    AssetStatus[] statuses() {
        return AssetStatus.values();
    }

    @GetMapping("/schools/{code}/assets")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                @RequestParam(required = false) AssetCategory category, @RequestParam(required = false) AssetStatus status,
                @RequestParam(required = false) Long room, @RequestParam(required = false) Long person,
                @RequestParam(required = false) Long model, @RequestParam(required = false) Integer warrantyDays,
                @RequestParam(required = false) Integer notSeenDays,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model m) {
        var school = schools.visible(code, caller);
        String query = q == null ? "" : q.length() > 100 ? q.substring(0, 100) : q;
        m.addAttribute("school", school);
        m.addAttribute("result", assets.search(school.id(),
            new AssetFilter(query, category, status, room, person, model, warrantyDays, notSeenDays, sort), new Paging(page, PAGE_SIZE), caller));
        m.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active(), caller));
        m.addAttribute("q", query);
        m.addAttribute("category", category);
        m.addAttribute("status", status);
        m.addAttribute("room", room);
        m.addAttribute("person", person);
        m.addAttribute("model", model);
        m.addAttribute("warrantyDays", warrantyDays);
        m.addAttribute("notSeenDays", notSeenDays);
        m.addAttribute("sort", sort == null ? "" : sort);
        m.addAttribute("canManage", Assets.canManage(caller, school.id()));
        m.addAttribute("pools", assetPools.choices(school.id(), caller));
        return htmx != null ? "inventory/assets :: results" : "inventory/assets";
    }

    @GetMapping("/schools/{code}/assets/new")
    String newAsset(Caller caller, @PathVariable String code, Model m) {
        var school = schools.visible(code, caller);
        requireManage(caller, school);
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", AssetForm.empty());
        }
        return formPage(caller, school, m);
    }

    private String formPage(Caller caller, SchoolView school, Model m) {
        m.addAttribute("school", school);
        choices(caller, school, m);
        return "inventory/asset-new";
    }

    private void choices(Caller caller, SchoolView school, Model m) {
        m.addAttribute("rooms", rooms.rooms(school.id(), Rooms.RoomFilter.active(), caller));
        m.addAttribute("suppliers", organisations.search(null, null, false, new Paging(0, Paging.MAX_SIZE)).items());
    }

    @PostMapping("/schools/{code}/assets")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") AssetForm form, BindingResult result,
                  Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireManage(caller, school);
        if (!result.hasErrors()) {
            try {
                var asset = assets.create(school.id(), form, caller);
                redirect.addFlashAttribute("message", "asset.created");
                return "redirect:/schools/" + school.code() + "/assets/" + asset.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return formPage(caller, school, m);
    }

    @GetMapping("/schools/{code}/assets/{id}")
    String show(Caller caller, @PathVariable String code, @PathVariable long id, Model m) {
        var school = schools.visible(code, caller);
        var asset = assets.get(school.id(), id, caller);
        if (!m.containsAttribute("form")) {
            m.addAttribute("form", AssetForm.of(asset));
        }
        return showPage(caller, school, asset, m);
    }

    private String showPage(Caller caller, SchoolView school, AssetView asset, Model m) {
        m.addAttribute("school", school);
        m.addAttribute("asset", asset);
        m.addAttribute("history", assets.history(school.id(), asset.id(), caller));
        m.addAttribute("nextStatuses", assets.nextStatuses(asset.status()));
        m.addAttribute("groups", groups.list(school.id(), false, caller));
        m.addAttribute("canManage", Assets.canManage(caller, school.id()));
        m.addAttribute("software", software.installedOn(school.id(), asset.id(), caller));
        choices(caller, school, m);
        m.addAttribute("assetSections", sections.stream()
            .map(section -> new ShownSection(section.template(), section.values(school.id(), asset.id(), caller)))
            .filter(shown -> !shown.values().isEmpty()).toList());
        return "inventory/asset";
    }

    @PostMapping("/schools/{code}/assets/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") AssetForm form,
                  BindingResult result, Model m, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var asset = assets.get(school.id(), id, caller);
        requireManage(caller, school);
        if (!result.hasErrors()) {
            try {
                assets.update(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/assets/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, m);
                m.addAttribute("form", form.withVersion(e.currentVersion()));
                asset = assets.get(school.id(), id, caller);
            }
        }
        return showPage(caller, school, asset, m);
    }

    @PostMapping("/schools/{code}/assets/{id}/status")
    String status(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) AssetStatus status,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        assets.get(school.id(), id, caller);
        requireManage(caller, school);
        try {
            assets.changeStatus(school.id(), id, status, reason, version, caller);
            redirect.addFlashAttribute("message", "asset.statusChanged");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "asset.stale"));
        }
        return "redirect:/schools/" + school.code() + "/assets/" + id;
    }

    /** Assigns to a room, a class/group, or the one person whose name or email matches {@code person}; type empty takes back. */
    @PostMapping("/schools/{code}/assets/{id}/assign")
    String assign(Caller caller, @PathVariable String code, @PathVariable long id,
                  @RequestParam(required = false) AssigneeType type, @RequestParam(required = false) Long roomId,
                  @RequestParam(required = false) Long groupId, @RequestParam(required = false) String person,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        assets.get(school.id(), id, caller);
        requireManage(caller, school);
        try {
            Long assignee = type == null ? null : switch (type) {
                case ROOM -> roomId;
                case GROUP -> groupId;
                case PERSON -> person(school, person, caller);
            };
            assets.assign(school.id(), id, type, assignee, version, caller);
            redirect.addFlashAttribute("message", type == null ? "asset.unassigned" : "asset.assigned");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "asset.stale"));
        }
        return "redirect:/schools/" + school.code() + "/assets/" + id;
    }

    /** Bulk: moves the checked assets to a room (empty: out of any room); all or nothing; back to the same list. */
    @PostMapping("/schools/{code}/assets/bulk/room")
    String bulkRoom(Caller caller, @PathVariable String code, @RequestParam(required = false) java.util.List<String> tags,
                    @RequestParam(required = false) Long bulkRoom, @RequestParam(required = false) String back,
                    RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireManage(caller, school);
        try {
            var result = assets.moveToRoom(school.id(), tags, bulkRoom, caller);
            redirect.addFlashAttribute("bulkMessage", new FieldErrorsException.FieldError("tags", "asset.bulk.moved",
                result.changed(), result.unchanged()));
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "asset.stale"));
        }
        return "redirect:" + listUrl(school, back);
    }

    /** Bulk: changes the status of the checked assets with one reason, each through the status policy; all or nothing. */
    @PostMapping("/schools/{code}/assets/bulk/status")
    String bulkStatus(Caller caller, @PathVariable String code, @RequestParam(required = false) java.util.List<String> tags,
                      @RequestParam(required = false) AssetStatus bulkStatus, @RequestParam(required = false) String bulkReason,
                      @RequestParam(required = false) String back, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireManage(caller, school);
        try {
            var result = assets.changeStatusOf(school.id(), tags, bulkStatus, bulkReason, caller);
            redirect.addFlashAttribute("bulkMessage", new FieldErrorsException.FieldError("tags", "asset.bulk.statusChanged",
                result.changed(), result.unchanged()));
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "asset.stale"));
        }
        return "redirect:" + listUrl(school, back);
    }

    /** Bulk: puts the checked assets in a device pool (when a module keeps pools); all or nothing. */
    @PostMapping("/schools/{code}/assets/bulk/pool")
    String bulkPool(Caller caller, @PathVariable String code, @RequestParam(required = false) java.util.List<String> tags,
                    @RequestParam(required = false) Long bulkPool, @RequestParam(required = false) String back,
                    RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        requireManage(caller, school);
        try {
            var result = assetPools.assign(school.id(), tags, bulkPool, caller);
            redirect.addFlashAttribute("bulkMessage", new FieldErrorsException.FieldError("tags", "asset.bulk.pooled",
                result.changed(), result.unchanged()));
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        }
        return "redirect:" + listUrl(school, back);
    }

    /** Another module's section of the asset page with its values. */
    record ShownSection(String template, java.util.Map<String, Object> values) {}

    /** The list to go back to: the given query string of this school's list only. */
    private static String listUrl(SchoolView school, String back) {
        String list = "/schools/" + school.code() + "/assets";
        if (back == null || back.isBlank() || back.length() > 2000 || !back.matches("[A-Za-z0-9_.,%&=+\\-]*")) {
            return list;
        }
        return list + "?" + back;
    }

    private long person(SchoolView school, String text, Caller caller) {
        String q = Text.blankToNull(text);
        if (q == null || q.length() > 100) {
            throw FieldErrorsException.of("person", "asset.person.required");
        }
        var found = people.search(school.id(), new People.Search(q, (PersonKind) null, false, null), new Paging(0, 2), caller);
        if (found.total() == 0) {
            throw FieldErrorsException.of("person", "asset.person.none", q);
        }
        if (found.total() > 1) {
            throw FieldErrorsException.of("person", "asset.person.many", found.total(), q);
        }
        return found.items().get(0).id();
    }

    private static void requireManage(Caller caller, SchoolView school) {
        if (!Assets.canManage(caller, school.id())) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
    }
}
