package be.spil.inventory;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The label PDF for signed-in users (the same as the API's), and the address in the labels' QR codes: it opens the asset's
 * page, after sign-in when needed.
 */
@Controller
class AssetLabelsController {
    private final Schools schools;
    private final Assets assets;
    private final AssetLabels labels;

    AssetLabelsController(Schools schools, Assets assets, AssetLabels labels) {
        this.schools = schools;
        this.assets = assets;
        this.labels = labels;
    }

    @GetMapping("/schools/{code}/assets/by-tag/{*tag}")
    String byTag(Caller caller, @PathVariable String code, @PathVariable String tag) {
        var school = schools.visible(code, caller);
        var asset = assets.byTag(school.id(), tag.startsWith("/") ? tag.substring(1) : tag, caller);
        return "redirect:/schools/" + school.code() + "/assets/" + asset.id();
    }

    /** GET for links; POST from the list's selection form, which also carries the bulk actions. */
    @org.springframework.web.bind.annotation.RequestMapping(path = "/schools/{code}/assets/labels.pdf",
        method = {org.springframework.web.bind.annotation.RequestMethod.GET, org.springframework.web.bind.annotation.RequestMethod.POST})
    void labels(Caller caller, @PathVariable String code, @RequestParam(required = false) String tags,
                @RequestParam(required = false) String q, @RequestParam(required = false) AssetCategory category,
                @RequestParam(required = false) AssetStatus status, @RequestParam(required = false) Long room,
                @RequestParam(required = false) Long person, @RequestParam(required = false) Long model,
                @RequestParam(required = false) Integer warrantyDays,
                @RequestParam(required = false) Integer notSeenDays, @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int skip, Locale locale, HttpServletResponse response) throws IOException {
        var school = schools.visible(code, caller);
        write(labels, school, tags, new AssetFilter(q, category, status, room, person, model, warrantyDays, notSeenDays, sort), skip, caller,
            locale, response);
    }

    /**
     * Checks everything first (errors still answer normally), then streams the PDF: each sheet leaves as it is made, so
     * the first bytes arrive at once even for 5,000 labels (a few seconds in all), with no job to keep, poll or clean up
     * and nothing held between requests (any app node can answer).
     */
    static void write(AssetLabels labels, SchoolView school, String tags, AssetFilter filter, int skip, Caller caller,
                      Locale locale, HttpServletResponse response) throws IOException {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        var list = labels.labels(school.id(), school.name(), AssetLabels.parseTags(tags), filter, skip, caller, locale,
            tag -> base + "/schools/" + school.code() + "/assets/by-tag/" + tag);
        response.setContentType("application/pdf");
        // many sheets go to the browser's downloads, which show the bytes arriving; a few open to print at once
        String disposition = list.size() > 10 * LabelSheet.PER_PAGE ? "attachment" : "inline";
        response.setHeader("Content-Disposition", disposition + "; filename=\"labels-" + school.code() + ".pdf\"");
        response.setHeader("Cache-Control", "no-store");
        LabelSheet.write(list, skip, response.getOutputStream());
        response.flushBuffer();
    }
}
