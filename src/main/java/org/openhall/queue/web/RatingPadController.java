package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.RatingLevel;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueuePageRules;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.Ratings;
import org.openhall.security.DevicePrincipal;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rating pad (评价器, Q-8, FB-1): a tablet at the counter, a RATING_PAD device bound to its window. Idle until the
 * window finishes a ticket, then it offers the five levels (非常满意 … 非常不满意) for that ticket only, with reasons for
 * the bad ones and a comment, stores the rating once and goes back to idle. The pad asks every
 * {@code openhall.queue.pages.rating-poll} whether its window finished a ticket (the {@code ticket.finished} live
 * event marks the same moment for screens listening to the event stream).
 */
@Controller
@RequestMapping("/devices/{token}/rating")
class RatingPadController implements DevicePage {

    private final DeviceAccess access;
    private final Ratings ratings;
    private final QueueDesk desk;
    private final QueueServices services;
    private final OrganizationApi organization;
    private final QueuePageRules rules;
    private final PageMessages messages;

    RatingPadController(DeviceAccess access, Ratings ratings, QueueDesk desk, QueueServices services,
            OrganizationApi organization, QueuePageRules rules, PageMessages messages) {
        this.access = access;
        this.ratings = ratings;
        this.desk = desk;
        this.services = services;
        this.organization = organization;
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping
    String pad(@PathVariable String token, Model model) {
        DevicePrincipal pad = pad(token);
        common(pad, token, model);
        state(pad, model);
        return "queue/rating-pad";
    }

    /** Idle, or the rating form when the window just finished a ticket (asked every two seconds). */
    @GetMapping("/pending")
    String pending(@PathVariable String token, Model model) {
        DevicePrincipal pad = pad(token);
        common(pad, token, model);
        state(pad, model);
        return "queue/rating-pad :: pad";
    }

    @PostMapping
    String rate(@PathVariable String token, @RequestParam(required = false) @Nullable Long ticketId,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable List<String> reasons,
            @RequestParam(required = false) @Nullable String comment,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response,
            Model model) {
        DevicePrincipal pad = pad(token);
        common(pad, token, model);
        try {
            RatingLevel l = parse(level);
            if (ticketId == null) {
                throw DomainException.notFound("queue.pages.rating.unknownTicket");
            }
            ratings.rate(windowOf(pad), ticketId, l, reasons == null ? List.of() : reasons, comment, Ratings.Source.PAD);
            model.addAttribute("state", "done");
        } catch (DomainException e) {
            if (htmx == null) {
                response.setStatus(e.httpStatus());
            }
            model.addAttribute("state", "error");
            model.addAttribute("error", messages.text(e));
        }
        return htmx != null ? "queue/rating-pad :: pad" : "queue/rating-pad";
    }

    static RatingLevel parse(@Nullable String level) {
        if (level == null) {
            throw DomainException.invalid("level", "queue.pages.rating.levelRequired");
        }
        try {
            return RatingLevel.valueOf(level.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("level", "queue.pages.rating.levelRequired");
        }
    }

    private DevicePrincipal pad(String token) {
        DevicePrincipal pad = access.require(token, DeviceKind.RATING_PAD);
        if (pad.windowId() == null) {
            throw new UnknownDeviceException();
        }
        return pad;
    }

    private static long windowOf(DevicePrincipal pad) {
        Long w = pad.windowId();
        if (w == null) {
            throw new UnknownDeviceException();
        }
        return w;
    }

    private void state(DevicePrincipal pad, Model model) {
        Optional<Ratings.Pending> pending = ratings.pending(windowOf(pad));
        if (pending.isEmpty()) {
            model.addAttribute("state", "idle");
            return;
        }
        model.addAttribute("state", "form");
        model.addAttribute("pending", pending.get());
        model.addAttribute("serviceName", services.service(pending.get().serviceId())
                .map(QueueServices.ServiceView::name).orElse(""));
    }

    private void common(DevicePrincipal pad, String token, Model model) {
        long windowId = windowOf(pad);
        model.addAttribute("token", token);
        model.addAttribute("centre", organization.centre(pad.centreId()).orElseThrow());
        model.addAttribute("window", desk.window(windowId).orElse(null));
        model.addAttribute("windowInfo", organization.window(windowId).orElse(null));
        model.addAttribute("levels", RatingLevel.values());
        model.addAttribute("reasonChoices", ratings.reasonChoices());
        model.addAttribute("rules", rules);
    }
}
