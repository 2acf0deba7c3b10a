package org.openhall.attendance.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openhall.attendance.internal.AttendanceReports;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * 定期通报 (ATT-5; 考勤及离岗告知制度 四.3: 检查结果定期通报): the published months of the centre's attendance findings, for
 * every staff member of the centre; a month not yet published is shown only to those who may publish it.
 */
@Controller
@RequestMapping("/attendance/bulletins")
@PreAuthorize("isAuthenticated()")
class BulletinController {

    private final AttendanceReports reports;
    private final CurrentUsers users;
    private final OrganizationApi org;

    BulletinController(AttendanceReports reports, CurrentUsers users, OrganizationApi org) {
        this.reports = reports;
        this.users = users;
        this.org = org;
    }

    private long centre() {
        CurrentUser u = users.require();
        if (u.centreId() != null) {
            return u.centreId();
        }
        return org.centres().stream().findFirst().map(c -> c.id())
                .orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
    }

    @GetMapping
    String list(Model model) {
        long centre = centre();
        model.addAttribute("centreName", org.centre(centre).map(c -> c.name()).orElse(""));
        model.addAttribute("bulletins", reports.bulletins(centre));
        return "attendance/bulletins";
    }

    @GetMapping("/{period}")
    String show(@PathVariable String period, Model model) {
        long centre = centre();
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw DomainException.notFound("att.core.bulletin.not-found");
        }
        var bulletin = reports.bulletin(centre, month);
        if (bulletin.isEmpty() && !users.require().hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)) {
            throw DomainException.notFound("att.core.bulletin.not-found");
        }
        model.addAttribute("centreName", org.centre(centre).map(c -> c.name()).orElse(""));
        model.addAttribute("month", month);
        model.addAttribute("bulletin", bulletin.orElse(null));
        model.addAttribute("findings", reports.findings(centre, month, null, null));
        model.addAttribute("zone", org.centre(centre).orElseThrow().zone());
        return "attendance/bulletin";
    }
}
