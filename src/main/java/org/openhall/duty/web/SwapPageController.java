package org.openhall.duty.web;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.roster.RosterViews.SwapRequest;
import org.openhall.duty.internal.roster.Swaps;
import org.openhall.organization.CentreInfo;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Swaps and substitutes (DUTY-2): a person files one for their own published duty with the centre office; the office
 * sees every request of the centre and acknowledges it (备案); others see the requests they are part of.
 */
@Controller
@RequestMapping("/duty/swaps")
@PreAuthorize("isAuthenticated()")
class SwapPageController implements ErrorPageOnRefusal {

    private final Swaps swaps;
    private final DutyPageSupport pages;
    private final CurrentUsers users;

    SwapPageController(Swaps swaps, DutyPageSupport pages, CurrentUsers users) {
        this.swaps = swaps;
        this.pages = pages;
        this.users = users;
    }

    record Row(SwapRequest request, ZonedDateTime filedAt) {
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = pages.centreOf(centre);
        CurrentUser u = users.require();
        List<Row> rows = swaps.requests(c.id()).stream()
                .map(r -> new Row(r, ZonedDateTime.ofInstant(r.filedAt(), pages.zone(c)))).toList();
        model.addAttribute("centre", c);
        model.addAttribute("rows", rows);
        model.addAttribute("planner", pages.planner(c.id()));
        model.addAttribute("myDuties", u.staffId() == null ? List.of() : swaps.upcomingDuties(c.id(), u.staffId()));
        model.addAttribute("returnDuties", swaps.otherUpcomingDuties(c.id(), u.staffId()));
        model.addAttribute("staffGroups", pages.staffGroups(c.id()));
        model.addAttribute("kinds", Swaps.Kind.values());
        return "duty/swaps";
    }

    @PostMapping
    String file(@RequestParam long assignmentId, @RequestParam Swaps.Kind kind, @RequestParam long substituteStaffId,
            @RequestParam(required = false) @Nullable Long returnAssignmentId, @RequestParam String reason,
            RedirectAttributes redirect) {
        try {
            swaps.file(assignmentId, kind, substituteStaffId, kind == Swaps.Kind.SWAP ? returnAssignmentId : null,
                    reason);
            redirect.addFlashAttribute("flash", pages.text("duty.roster.swap.filed"));
        } catch (DomainException e) {
            DutyPageSupport.rethrowIfNotUserError(e);
            redirect.addFlashAttribute("flashError", pages.text(e.messageKey(), e.args()));
        }
        return "redirect:/duty/swaps";
    }

    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        try {
            swaps.acknowledge(id);
            redirect.addFlashAttribute("flash", pages.text("duty.roster.swap.acknowledged"));
        } catch (DomainException e) {
            DutyPageSupport.rethrowIfNotUserError(e);
            redirect.addFlashAttribute("flashError", pages.text(e.messageKey(), e.args()));
        }
        return "redirect:/duty/swaps";
    }
}
