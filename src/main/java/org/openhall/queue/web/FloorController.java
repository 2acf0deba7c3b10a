package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.internal.FloorAlerts;
import org.openhall.queue.internal.FloorBoard;
import org.openhall.queue.internal.FloorScan;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's floor view {@code /queue/floor}: services with waiting, longest wait and estimate,
 * windows with their state, clerk, current ticket, pause and idle time, open alerts with 确认 (acknowledge). It is
 * live: every event of the centre's stream ({@code /queue/live/{centre}/events}: calls, window states, alerts, stats)
 * reloads the board ({@code /queue/floor/board}, htmx), and it reloads itself every 30 seconds besides.
 *
 * <p>For the centre office, leaders, supervisors, department heads and ADMIN (the roles of the navigation); a DEPT_HEAD
 * sees every service but only the windows of their department; an ADMIN chooses the centre. Acknowledging an alert and
 * starting a scan: ADMIN, CENTRE_OFFICE, LEADER, SUPERVISOR (scan: not LEADER).
 */
@Controller
@RequestMapping("/queue/floor")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR','DEPT_HEAD')")
class FloorController implements ErrorPageOnRefusal {

    /**
     * Seconds between two refreshes of the board when no live event came (the idle and waiting minutes move on with the
     * clock); every live event of the centre refreshes it at once.
     */
    static final int REFRESH_SECONDS = 30;

    private final FloorBoard board;
    private final FloorAlerts alerts;
    private final FloorScan scan;
    private final CurrentUsers users;
    private final OrganizationApi organization;
    private final MessageSource messages;
    private final PageMessages pages;

    FloorController(FloorBoard board, FloorAlerts alerts, FloorScan scan, CurrentUsers users,
            OrganizationApi organization, MessageSource messages, PageMessages pages) {
        this.board = board;
        this.alerts = alerts;
        this.scan = scan;
        this.users = users;
        this.organization = organization;
        this.messages = messages;
        this.pages = pages;
    }

    /** What the signed-in user sees of the floor. */
    record Scope(long centreId, @Nullable Long departmentLimit, boolean canAcknowledge, boolean canScan,
            List<CentreInfo> centreChoices) {
    }

    Scope scope(@Nullable Long requested) {
        CurrentUser u = users.require();
        long centre;
        List<CentreInfo> choices = List.of();
        if (u.hasRole(Role.ADMIN)) {
            choices = organization.centres();
            if (requested != null) {
                centre = organization.centre(requested).map(CentreInfo::id)
                        .orElseThrow(() -> DomainException.notFound("queue.floor.centre.notFound", requested));
            } else {
                centre = choices.stream().findFirst().map(CentreInfo::id)
                        .orElseThrow(() -> DomainException.notFound("queue.floor.centre.none"));
            }
        } else {
            Long own = u.centreId();
            if (own == null || (requested != null && !requested.equals(own))) {
                throw new AccessDeniedException("outside the data scope");
            }
            centre = own;
        }
        Long department = null;
        if (!u.seesAllDepartments()) {
            if (u.departmentId() == null) {
                throw new AccessDeniedException("a department head without a department");
            }
            department = u.departmentId();
        }
        return new Scope(centre, department, u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR),
                u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR), choices);
    }

    @GetMapping
    String page(@RequestParam(required = false) @Nullable Long centre,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        fill(scope(centre), model);
        return htmx != null ? "queue/floor :: board" : "queue/floor";
    }

    /** The board alone: what the page polls. */
    @GetMapping("/board")
    String boardOnly(@RequestParam(required = false) @Nullable Long centre, Model model) {
        fill(scope(centre), model);
        return "queue/floor :: board";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR')")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) @Nullable Long centre,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Scope scope = scope(centre);
        String flash;
        boolean error = false;
        try {
            FloorAlerts.Alert a = alerts.acknowledge(scope.centreId(), id, users.require().username());
            flash = messages.getMessage("queue.floor.acknowledged", new Object[] {a.id()},
                    LocaleContextHolder.getLocale());
        } catch (DomainException e) {
            flash = pages.requiredText(e);
            error = true;
            if (htmx == null) {
                response.setStatus(e.kind() == DomainException.Kind.NOT_FOUND ? 404 : 409);
            }
        }
        if (htmx != null) {
            model.addAttribute(error ? "boardError" : "boardFlash", flash);
            fill(scope, model);
            return "queue/floor :: board";
        }
        redirect.addFlashAttribute(error ? "flashError" : "flash", flash);
        return "redirect:/queue/floor" + (centre == null ? "" : "?centre=" + centre);
    }

    /** 立即检查: scans the centre's floor now (the scheduled scan runs every 30 seconds). */
    @PostMapping("/scan")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    String scanNow(@RequestParam(required = false) @Nullable Long centre,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            RedirectAttributes redirect) {
        Scope scope = scope(centre);
        FloorScan.Result r = scan.scan(scope.centreId());
        String flash = messages.getMessage("queue.floor.scanned", new Object[] {r.raised(), r.cleared()},
                LocaleContextHolder.getLocale());
        if (htmx != null) {
            model.addAttribute("boardFlash", flash);
            fill(scope, model);
            return "queue/floor :: board";
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/queue/floor" + (centre == null ? "" : "?centre=" + centre);
    }

    private void fill(Scope scope, Model model) {
        model.addAttribute("scope", scope);
        model.addAttribute("floor", board.view(scope.centreId(), scope.departmentLimit()));
        model.addAttribute("centreParam", scope.centreChoices().isEmpty() ? null : scope.centreId());
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        model.addAttribute("liveUrl", "/queue/live/" + organization.centre(scope.centreId()).map(CentreInfo::code)
                .orElseThrow() + "/events");
    }
}
