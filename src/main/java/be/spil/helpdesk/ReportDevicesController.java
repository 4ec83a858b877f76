package be.spil.helpdesk;

import be.spil.inventory.AssetFilter;
import be.spil.inventory.AssetView;
import be.spil.inventory.Assets;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.Paging;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The devices the report form offers to pick from (htmx, a datalist for the device field): the reporter's own devices
 * and, once a room is chosen, the devices in that room. Typing a tag or scanning the QR label (which opens the
 * device's page with its "report a problem" button) still work as before.
 */
@Controller
class ReportDevicesController {
    static final int MAX = 30;

    private final Schools schools;
    private final Assets assets;

    ReportDevicesController(Schools schools, Assets assets) {
        this.schools = schools;
        this.assets = assets;
    }

    @GetMapping("/schools/{code}/tickets/new/devices")
    String devices(Caller caller, @PathVariable String code, @RequestParam(required = false) String roomId, Model m) {
        var school = schools.visible(code, caller);
        var devices = new LinkedHashMap<Long, AssetView>();
        assets.search(school.id(), new AssetFilter(null, null, null, null, caller.personId(), null, null, null), new Paging(0, MAX), caller)
            .items().forEach(a -> devices.put(a.id(), a));
        Long room = parse(roomId);
        if (room != null) {
            assets.search(school.id(), new AssetFilter(null, null, null, room, null, null, null, null), new Paging(0, MAX), caller)
                .items().forEach(a -> devices.putIfAbsent(a.id(), a));
        }
        m.addAttribute("devices", devices.values());
        return "helpdesk/report :: devices";
    }

    private static Long parse(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
