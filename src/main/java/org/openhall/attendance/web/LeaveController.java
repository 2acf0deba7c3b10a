package org.openhall.attendance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.LeaveType;
import org.openhall.attendance.internal.LeaveRequests;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leave pages of every staff member and approver (ATT-2): my leave (the form with the approval chain shown before
 * submitting, my requests, withdraw and ask to revoke), 待我审批 (the approver's queue) and a request with its chain,
 * its history and the decision form. A refused form is shown again with the reason inline and nothing written.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class LeaveController implements ErrorPageOnRefusal {

    private final LeaveRequests requests;
    private final OrganizationApi org;
    private final CurrentUsers users;
    private final PageMessages pages;

    LeaveController(LeaveRequests requests, OrganizationApi org, CurrentUsers users, PageMessages pages) {
        this.requests = requests;
        this.org = org;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/attendance/leave")
    String mine(Model model) {
        return page(model, new LeaveFormData());
    }

    private String page(Model model, LeaveFormData form) {
        CurrentUser user = users.require();
        model.addAttribute("form", form);
        model.addAttribute("types", LeaveType.values());
        model.addAttribute("canApply", user.staffId() != null);
        model.addAttribute("colleagues", colleagues(user));
        model.addAttribute("requests", requests.mine(user));
        model.addAttribute("rules", requests.rules());
        return "attendance/leave";
    }

    private List<StaffSummary> colleagues(CurrentUser user) {
        if (user.centreId() == null) {
            return List.of();
        }
        return org.staffOfCentre(user.centreId()).stream().filter(s -> !Long.valueOf(s.id()).equals(user.staffId())).toList();
    }

    /** The chain the form would get (htmx: replaces the chain box while the form is filled in). */
    @PostMapping("/attendance/leave/chain")
    String chain(@ModelAttribute("form") LeaveFormData form, Model model) {
        model.addAttribute("rules", requests.rules());
        try {
            model.addAttribute("chain", requests.preview(users.require(), form.toForm()));
        } catch (DomainException e) {
            model.addAttribute("chainError", pages.text(e));
        }
        return "attendance/leave :: chain";
    }

    @PostMapping("/attendance/leave")
    String submit(@ModelAttribute("form") LeaveFormData form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = users.require();
        try {
            long id = requests.submit(user, form.toForm());
            redirect.addFlashAttribute("flash", pages.text("att.leave.submitted"));
            return "redirect:/attendance/leave/" + id;
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("error", pages.text(e));
            model.addAttribute("errorField", e.field());
            try {
                model.addAttribute("chain", requests.preview(user, form.toForm()));
            } catch (DomainException ignored) {
                // the chain cannot be shown for this form; the error says why
            }
            return page(model, form);
        }
    }

    @GetMapping("/attendance/leave/queue")
    @PreAuthorize("hasAnyRole('DEPT_HEAD','LEADER')")
    String queue(Model model) {
        model.addAttribute("items", requests.queue(users.require()));
        return "attendance/leave-queue";
    }

    @GetMapping("/attendance/leave/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", requests.detail(users.require(), id));
        return "attendance/leave-detail";
    }

    @PostMapping("/attendance/leave/{id}/decision")
    String decide(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) @Nullable String comment,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        try {
            requests.decide(user, id, "APPROVE".equals(decision), comment);
            redirect.addFlashAttribute("flash", pages.text("att.leave.decide.done"));
            return "redirect:/attendance/leave/queue";
        } catch (DomainException e) {
            return detailWithError(user, id, e, comment, model, response);
        }
    }

    @PostMapping("/attendance/leave/{id}/revocation")
    String decideRevocation(@PathVariable long id, @RequestParam String decision,
            @RequestParam(required = false) @Nullable String comment, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        CurrentUser user = users.require();
        try {
            requests.decideRevocation(user, id, "CONFIRM".equals(decision), comment);
            redirect.addFlashAttribute("flash", pages.text("att.leave.revoke.decided"));
            return "redirect:/attendance/leave/queue";
        } catch (DomainException e) {
            return detailWithError(user, id, e, comment, model, response);
        }
    }

    @PostMapping("/attendance/leave/{id}/withdraw")
    String withdraw(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        try {
            requests.withdraw(user, id);
            redirect.addFlashAttribute("flash", pages.text("att.leave.withdrawn"));
            return "redirect:/attendance/leave/" + id;
        } catch (DomainException e) {
            return detailWithError(user, id, e, null, model, response);
        }
    }

    @PostMapping("/attendance/leave/{id}/revoke")
    String askRevocation(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        try {
            requests.askRevocation(user, id, reason);
            redirect.addFlashAttribute("flash", pages.text("att.leave.revoke.asked"));
            return "redirect:/attendance/leave/" + id;
        } catch (DomainException e) {
            return detailWithError(user, id, e, reason, model, response);
        }
    }

    private String detailWithError(CurrentUser user, long id, DomainException e, @Nullable String text, Model model,
            HttpServletResponse response) {
        response.setStatus(e.httpStatus());
        model.addAttribute("d", requests.detail(user, id));
        model.addAttribute("error", pages.text(e));
        model.addAttribute("text", text);
        return "attendance/leave-detail";
    }
}
