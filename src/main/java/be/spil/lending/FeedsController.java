package be.spil.lending;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secret ICS feeds themselves (no sign-in: the token is the key) and the buttons that make and revoke them. */
@Controller
class FeedsController {
    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);
    private final Schools schools;
    private final CalendarFeeds feeds;

    FeedsController(Schools schools, CalendarFeeds feeds) {
        this.schools = schools;
        this.feeds = feeds;
    }

    @GetMapping("/feeds/{token}.ics")
    @ResponseBody
    ResponseEntity<String> feed(@PathVariable String token) {
        var ics = feeds.ics(token).orElseThrow(() -> new NotFoundException("feed", "token"));
        return ResponseEntity.ok().contentType(CALENDAR).header("Cache-Control", "private, max-age=300").body(ics);
    }

    @PostMapping("/schools/{code}/feeds")
    String create(Caller caller, @PathVariable String code, @RequestParam(required = false) Long pool, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var feed = feeds.create(school.id(), pool, caller);
        redirect.addFlashAttribute("feedUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
            .path(feed.url()).toUriString());
        return "redirect:/schools/" + school.code() + (pool == null ? "/pools" : "/pools/" + pool);
    }

    @PostMapping("/schools/{code}/feeds/{id}/revoke")
    String revoke(Caller caller, @PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        feeds.revoke(school.id(), id, caller);
        redirect.addFlashAttribute("message", "feed.revoked");
        return "redirect:/schools/" + school.code() + "/pools";
    }
}

@RestController
@Tag(name = "Calendar feeds", description = "Secret ICS links of a teacher's or a pool's reservations, revocable")
class FeedsApiController {
    record FeedRequest(Long pool) {}

    private final Schools schools;
    private final CalendarFeeds feeds;

    FeedsApiController(Schools schools, CalendarFeeds feeds) {
        this.schools = schools;
        this.feeds = feeds;
    }

    @GetMapping("/api/v1/schools/{code}/calendar-feeds")
    @Operation(summary = "The caller's active calendar feeds (their URLs are shown only when made)")
    List<FeedView> list(Caller caller, @PathVariable String code) {
        return feeds.mine(schools.visible(code, caller).id(), caller);
    }

    @PostMapping("/api/v1/schools/{code}/calendar-feeds")
    @Operation(summary = "Make a secret ICS feed of the caller's reservations, or of a pool ({\"pool\": id}); the URL is shown once")
    ResponseEntity<FeedView> create(Caller caller, @PathVariable String code, @RequestBody(required = false) FeedRequest body) {
        var school = schools.visible(code, caller);
        var feed = feeds.create(school.id(), body == null ? null : body.pool(), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/calendar-feeds/" + feed.id())).body(feed);
    }

    @PostMapping("/api/v1/schools/{code}/calendar-feeds/{id}/revoke")
    @Operation(summary = "Revoke a calendar feed: its URL answers 404 from now on")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String code, @PathVariable long id) {
        feeds.revoke(schools.visible(code, caller).id(), id, caller);
        return ResponseEntity.noContent().build();
    }
}
