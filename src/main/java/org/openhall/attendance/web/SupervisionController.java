package org.openhall.attendance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.FindingKind;
import org.openhall.attendance.internal.AttendanceReports;
import org.openhall.attendance.internal.AttendanceScan;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervisor's and centre office's attendance pages (ATT-1, ATT-3, ATT-4, ATT-5): today's board {@code
 * /attendance/board} (who is in, late, away with notice, away without), the findings with rule and clause {@code
 * /attendance/findings} with a check recorded by hand and the rule scan on demand, the monthly report {@code
 * /attendance/report} per person, window and department with its .xlsx export and the publication as 定期通报. A
 * DEPT_HEAD sees their department; checks: ADMIN, CENTRE_OFFICE, SUPERVISOR; publishing: ADMIN, CENTRE_OFFICE.
 */
@Controller
@RequestMapping("/attendance")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR','DEPT_HEAD')")
class SupervisionController {

    private final AttendanceReports reports;
    private final AttendanceScan scan;
    private final CurrentUsers users;
    private final OrganizationApi org;
    private final MessageSource messages;
    private final PageMessages pages;
    private final Clock clock;

    SupervisionController(AttendanceReports reports, AttendanceScan scan, CurrentUsers users, OrganizationApi org,
            MessageSource messages, PageMessages pages, Clock clock) {
        this.reports = reports;
        this.scan = scan;
        this.users = users;
        this.org = org;
        this.messages = messages;
        this.pages = pages;
        this.clock = clock;
    }

    private AttendanceScope scope(@Nullable Long centre) {
        return AttendanceScope.of(users.require(), org, centre);
    }

    private YearMonth thisMonth(AttendanceScope s) {
        CentreInfo c = org.centre(s.centreId()).orElseThrow();
        return YearMonth.now(clock.withZone(c.zone()));
    }

    private void common(Model model, AttendanceScope s, @Nullable Long department) {
        model.addAttribute("scope", s);
        model.addAttribute("zone", org.centre(s.centreId()).orElseThrow().zone());
        List<DepartmentInfo> departments = org.departments(s.centreId()).stream()
                .filter(d -> s.departmentLimit() == null || d.id() == s.departmentLimit()).toList();
        model.addAttribute("departments", departments);
        model.addAttribute("department", s.departmentLimit() != null ? s.departmentLimit() : department);
    }

    private @Nullable Long department(AttendanceScope s, @Nullable Long requested) {
        return s.departmentLimit() != null ? s.departmentLimit() : requested;
    }

    @GetMapping("/board")
    String board(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department, Model model) {
        AttendanceScope s = scope(centre);
        common(model, s, department);
        var lines = reports.board(s.centreId(), department(s, department));
        model.addAttribute("lines", lines);
        model.addAttribute("counts", java.util.Arrays.stream(AttendanceReports.Presence.values())
                .collect(java.util.stream.Collectors.toMap(p -> p.name(),
                        p -> lines.stream().filter(l -> l.presence() == p).count())));
        model.addAttribute("now", clock.instant());
        return "attendance/board";
    }

    @GetMapping("/findings")
    String findings(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String month, Model model) {
        AttendanceScope s = scope(centre);
        return renderFindings(model, s, department, AttendancePages.month(month, thisMonth(s)), null);
    }

    /** The check form as typed. */
    record CheckForm(@Nullable Long staffId, @Nullable String kind, String at, String note) {
    }

    private String renderFindings(Model model, AttendanceScope s, @Nullable Long department, YearMonth month,
            @Nullable CheckForm form) {
        common(model, s, department);
        model.addAttribute("month", month);
        model.addAttribute("findings", reports.findings(s.centreId(), month, department(s, department), null));
        List<StaffSummary> staff = org.staffOfCentre(s.centreId()).stream().filter(StaffSummary::active)
                .filter(x -> s.departmentLimit() == null || x.departmentId() == s.departmentLimit()).toList();
        model.addAttribute("staff", staff);
        model.addAttribute("kinds", FindingKind.values());
        CentreInfo c = org.centre(s.centreId()).orElseThrow();
        model.addAttribute("form", form != null ? form
                : new CheckForm(null, null, LocalTime.now(clock.withZone(c.zone())).withSecond(0).withNano(0).toString(), ""));
        return "attendance/findings";
    }

    @PostMapping("/findings/check")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    String check(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long staffId, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(defaultValue = "") String at, @RequestParam(defaultValue = "") String note, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        AttendanceScope s = scope(centre);
        try {
            FindingKind k = kind == null || kind.isBlank() ? null : FindingKind.valueOf(kind);
            LocalTime t;
            try {
                t = at.isBlank() ? null : LocalTime.parse(at.strip());
            } catch (DateTimeParseException e) {
                t = null;
            }
            if (staffId != null && org.staff(staffId).filter(x -> s.departmentLimit() == null
                    || x.departmentId() == s.departmentLimit()).isEmpty()) {
                throw DomainException.notFound("att.staff.not-found");
            }
            reports.recordCheck(s.centreId(), staffId, k, t, note, users.actorName());
            redirect.addFlashAttribute("flash", text("att.core.findings.check-recorded", locale));
            return redirectTo("/attendance/findings", s, null);
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("error", pages.text(e));
            return renderFindings(model, s, null, thisMonth(s), new CheckForm(staffId, kind, at, note));
        }
    }

    @PostMapping("/scan")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    String scanNow(@RequestParam(required = false) @Nullable Long centre, RedirectAttributes redirect, Locale locale) {
        AttendanceScope s = scope(centre);
        int raised = scan.scan(s.centreId());
        redirect.addFlashAttribute("flash", messages.getMessage("att.core.findings.scanned", new Object[] {raised},
                locale));
        return redirectTo("/attendance/findings", s, null);
    }

    @GetMapping("/report")
    String report(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String month, Model model) {
        AttendanceScope s = scope(centre);
        YearMonth m = AttendancePages.month(month, thisMonth(s));
        common(model, s, department);
        model.addAttribute("month", m);
        model.addAttribute("report", reports.report(s.centreId(), m, department(s, department)));
        model.addAttribute("kinds", FindingKind.values());
        model.addAttribute("bulletin", reports.bulletin(s.centreId(), m).orElse(null));
        return "attendance/report";
    }

    @GetMapping("/report.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String month, Locale locale) {
        AttendanceScope s = scope(centre);
        YearMonth m = AttendancePages.month(month, thisMonth(s));
        byte[] xlsx = reports.export(s.centreId(), m, department(s, department), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("attendance-" + m + ".xlsx").build().toString())
                .body(xlsx);
    }

    @PostMapping("/bulletins")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String publish(@RequestParam(required = false) @Nullable Long centre, @RequestParam String month,
            RedirectAttributes redirect, Locale locale) {
        AttendanceScope s = scope(centre);
        YearMonth m = AttendancePages.month(month, thisMonth(s));
        try {
            reports.publish(s.centreId(), m, users.actorName());
            redirect.addFlashAttribute("flash", messages.getMessage("att.core.bulletin.done", new Object[] {m.toString()},
                    locale));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", pages.text(e));
        }
        return redirectTo("/attendance/report", s, m);
    }

    private static String redirectTo(String path, AttendanceScope s, @Nullable YearMonth month) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (!s.centreChoices().isEmpty()) {
            b.queryParam("centre", s.centreId());
        }
        if (month != null) {
            b.queryParam("month", month.toString());
        }
        return "redirect:" + b.toUriString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
