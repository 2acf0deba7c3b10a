package org.openhall.attendance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.internal.LeaveLeaders;
import org.openhall.attendance.internal.LeaveRequests;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The centre office's leave pages (ATT-2): all leave of the centre in a period (by status, or only what was filed with
 * the office, 报中心办公室备案), and the leave settings: the principal leaders and the deputy leader of each department.
 * Leaders see the overview too. An ADMIN picks the centre.
 */
@Controller
class LeaveOfficeController implements ErrorPageOnRefusal {

    private static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "WITHDRAWN", "REVOKED");

    private final LeaveRequests requests;
    private final LeaveLeaders leaders;
    private final OrganizationApi org;
    private final CurrentUsers users;
    private final PageMessages pages;
    private final Clock clock;

    LeaveOfficeController(LeaveRequests requests, LeaveLeaders leaders, OrganizationApi org, CurrentUsers users,
            PageMessages pages, Clock clock) {
        this.requests = requests;
        this.leaders = leaders;
        this.org = org;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/attendance/leave/overview")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER')")
    String overview(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "false") boolean filed,
            Model model) {
        CentreInfo c = centre(users.require(), centre, model);
        LocalDate today = LocalDate.ofInstant(clock.instant(), c.zone());
        LocalDate f = parse(from, today.withDayOfMonth(1));
        LocalDate t = parse(to, f.plusMonths(1).minusDays(1));
        if (t.isBefore(f)) {
            t = f;
        }
        String s = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("centre", c);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("status", s);
        model.addAttribute("filed", filed);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("requests", requests.overview(c.id(), s, filed, f, t));
        return "attendance/leave-overview";
    }

    @GetMapping("/attendance/leave/settings")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String settings(@RequestParam(required = false) @Nullable Long centre, Model model) {
        CentreInfo c = centre(users.require(), centre, model);
        return settingsPage(c, leaders.setup(c.id()), model);
    }

    private String settingsPage(CentreInfo c, LeaveLeaders.Setup setup, Model model) {
        model.addAttribute("centre", c);
        model.addAttribute("setup", setup);
        model.addAttribute("candidates", leaders.candidates(c.id()));
        model.addAttribute("departments", org.departments(c.id()));
        model.addAttribute("rules", requests.rules());
        return "attendance/leave-settings";
    }

    /** Saves the leaders: {@code principal} (repeated) and {@code deputy-<departmentId>} per department. */
    @PostMapping("/attendance/leave/settings")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String save(@RequestParam long centre, @RequestParam(name = "principal", required = false) @Nullable List<Long> principals,
            HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        CentreInfo c = centre(user, centre, model);
        Map<Long, Long> deputies = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("deputy-") && values.length > 0 && !values[0].isBlank()) {
                try {
                    deputies.put(Long.parseLong(name.substring(7)), Long.parseLong(values[0].strip()));
                } catch (NumberFormatException e) {
                    throw DomainException.invalid("deputies", "att.leave.settings.unknown-department");
                }
            }
        });
        List<Long> p = principals == null ? List.of() : principals;
        try {
            leaders.save(c.id(), p, deputies, user.username());
            redirect.addFlashAttribute("flash", pages.text("att.leave.settings.saved"));
            return "redirect:/attendance/leave/settings" + (user.hasRole(Role.ADMIN) ? "?centre=" + c.id() : "");
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("error", pages.text(e));
            return settingsPage(c, new LeaveLeaders.Setup(new ArrayList<>(p), deputies), model);
        }
    }

    private CentreInfo centre(CurrentUser user, @Nullable Long requested, Model model) {
        if (user.hasRole(Role.ADMIN)) {
            List<CentreInfo> centres = org.centres();
            model.addAttribute("centreChoices", centres);
            Long id = requested != null ? requested : user.centreId();
            if (id == null) {
                return centres.stream().findFirst().orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
            }
            return org.centre(id).orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
        }
        model.addAttribute("centreChoices", List.of());
        if (user.centreId() == null || (requested != null && !requested.equals(user.centreId()))) {
            throw DomainException.notFound("att.centre.not-found");
        }
        return org.centre(user.centreId()).orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
    }

    private static LocalDate parse(@Nullable String s, LocalDate fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
