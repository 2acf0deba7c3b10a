package org.openhall.duty.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.CalendarDay;
import org.openhall.duty.internal.DutyPageAccess;
import org.openhall.duty.internal.LeaderDuty;
import org.openhall.duty.internal.LeaderDutyRules;
import org.openhall.duty.internal.LeaderDutySheets;
import org.openhall.duty.internal.LeaderKind;
import org.openhall.duty.internal.ShiftLeads;
import org.openhall.duty.internal.SitInAttendance;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Leaders on duty (DUTY-6): the leader's page (report next week's sit-in day, check in on the day, today's 带班
 * record), the office's overview (this and next week's reports, attendance), the month's non-compliance list with its
 * .xlsx export, and the table of department heads and deputies.
 */
@Controller
@RequestMapping("/duty/leaders")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD','SUPERVISOR')")
class LeaderDutyController implements DutyLeadersPage {

    /** One day column of a week on the overview. */
    record DayColumn(LocalDate day, boolean working, @Nullable String name) {
    }

    /** A department row of a week: its reports per day column. */
    record DeptRow(DepartmentInfo department, List<List<LeaderDuty.SitIn>> cells) {

        /** Whether the department reported no day of the week. */
        public boolean empty() {
            return cells.stream().allMatch(List::isEmpty);
        }
    }

    record WeekView(LocalDate monday, LocalDate deadline, List<DayColumn> days, List<DeptRow> rows) {
    }

    private final LeaderDuty leaders;
    private final ShiftLeads shiftLeads;
    private final LeaderDutySheets sheets;
    private final DutyPageAccess access;
    private final OrganizationApi organization;
    private final CalendarApi calendar;
    private final MessageSource messages;

    LeaderDutyController(LeaderDuty leaders, ShiftLeads shiftLeads, LeaderDutySheets sheets, DutyPageAccess access,
            OrganizationApi organization, CalendarApi calendar, MessageSource messages) {
        this.leaders = leaders;
        this.shiftLeads = shiftLeads;
        this.sheets = sheets;
        this.access = access;
        this.organization = organization;
        this.calendar = calendar;
        this.messages = messages;
    }

    @Override
    public MessageSource messages() {
        return messages;
    }

    // ---- the leader's page ----

    @GetMapping
    String page(@RequestParam(required = false) @Nullable Long department, Model model) {
        long centreId = access.centreFor(null);
        LocalDate today = access.today(centreId);
        LeaderDutyRules rules = leaders.rules();
        List<DepartmentInfo> reportable = leaders.obligedDepartments(centreId).stream()
                .filter(d -> leaders.mayReportFor(centreId, d.id())).toList();
        DepartmentInfo selected = reportable.stream().filter(d -> department != null && d.id() == department).findFirst()
                .orElse(reportable.isEmpty() ? null : reportable.getFirst());
        LocalDate monday = LeaderDutyRules.monday(today);
        LocalDate nextMonday = monday.plusWeeks(1);
        model.addAttribute("centreId", centreId);
        model.addAttribute("zone", access.zone(centreId));
        model.addAttribute("today", today);
        model.addAttribute("departments", reportable);
        model.addAttribute("selected", selected);
        model.addAttribute("leaderChoices", selected == null ? List.of() : leaders.reportableLeaders(centreId, selected.id()));
        model.addAttribute("minDay", today);
        model.addAttribute("maxDay", rules.lastReportableDay(today));
        model.addAttribute("nextMonday", nextMonday);
        model.addAttribute("nextDeadline", rules.deadlineFor(nextMonday));
        model.addAttribute("nextLate", rules.isLate(today, nextMonday));
        model.addAttribute("minDays", rules.minDaysPerWeek());
        model.addAttribute("deptReports", selected == null ? List.of()
                : leaders.reportsOfDepartment(centreId, selected.id(), monday, rules.lastReportableDay(today)));
        Long staff = access.staffId();
        model.addAttribute("mineToday", staff == null ? List.of() : leaders.reportsOfLeader(centreId, staff, today, today));
        model.addAttribute("shift", shiftLeads.of(centreId, today).orElse(null));
        model.addAttribute("mayLead", shiftLeads.mayLead());
        model.addAttribute("staffId", staff);
        model.addAttribute("planned", shiftLeads.plannedLeaders(centreId, today).stream().map(access::staffName)
                .collect(Collectors.joining("、")));
        model.addAttribute("pattern", leaders.patternOn(centreId, today));
        model.addAttribute("isOffice", access.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR));
        return "duty/leaders";
    }

    @PostMapping("/reports")
    String report(@RequestParam(required = false) @Nullable Long departmentId,
            @RequestParam(required = false) @Nullable Long leaderStaffId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
            RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            LeaderDuty.SitIn s = leaders.report(centreId, departmentId, leaderStaffId, day);
            redirect.addFlashAttribute("flash", s.late()
                    ? text("duty.leaders.report.savedLate", s.leaderName(), s.day().toString(),
                            leaders.rules().deadlineFor(s.weekMonday()).toString())
                    : text("duty.leaders.report.saved", s.leaderName(), s.day().toString()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("reportError", error(e));
            redirect.addFlashAttribute("reportField", e.field());
            redirect.addFlashAttribute("reportDay", day);
            redirect.addFlashAttribute("reportLeader", leaderStaffId);
        }
        return "redirect:/duty/leaders" + (departmentId == null ? "" : "?department=" + departmentId);
    }

    @PostMapping("/reports/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            leaders.withdraw(centreId, id);
            redirect.addFlashAttribute("flash", text("duty.leaders.withdraw.done"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", error(e));
        }
        return "redirect:/duty/leaders";
    }

    @PostMapping("/reports/{id}/check-in")
    String checkIn(@PathVariable long id, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            leaders.checkIn(centreId, id);
            redirect.addFlashAttribute("flash", text("duty.leaders.checkIn.done"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", error(e));
        }
        return "redirect:/duty/leaders";
    }

    // ---- 带班 ----

    @PostMapping("/shift")
    String startShift(RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            shiftLeads.start(centreId, null);
            redirect.addFlashAttribute("flash", text("duty.leaders.shift.started"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", error(e));
        }
        return "redirect:/duty/leaders#shift";
    }

    @PostMapping("/shift/{id}/{part}")
    String shiftPart(@PathVariable long id, @PathVariable String part, @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            switch (part) {
                case "briefing" -> shiftLeads.briefing(centreId, id, text);
                case "notes" -> shiftLeads.note(centreId, id, text);
                case "summary" -> shiftLeads.summary(centreId, id, text);
                default -> throw DomainException.notFound("duty.leaders.notFound");
            }
            redirect.addFlashAttribute("flash", text("duty.leaders.shift.saved." + part));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("shiftError", error(e));
            redirect.addFlashAttribute("shiftPart", part);
        }
        return "redirect:/duty/leaders#shift";
    }

    // ---- the office's overview ----

    @GetMapping("/overview")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR')")
    String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
            Model model) {
        long centreId = access.centreFor(null);
        LocalDate today = access.today(centreId);
        LocalDate monday = LeaderDutyRules.monday(week == null ? today : week);
        List<DepartmentInfo> depts = leaders.obligedDepartments(centreId);
        String code = access.centreCode(centreId);
        List<WeekView> weeks = new ArrayList<>();
        for (LocalDate m : List.of(monday, monday.plusWeeks(1))) {
            List<CalendarDay> days = calendar.days(code, m, m.plusDays(6));
            List<DayColumn> columns = days.stream()
                    .filter(d -> d.working() || d.date().getDayOfWeek().getValue() <= 5)
                    .map(d -> new DayColumn(d.date(), d.working(), d.name())).toList();
            List<LeaderDuty.SitIn> reports = leaders.reports(centreId, m, m.plusDays(6));
            List<DeptRow> rows = depts.stream().map(d -> new DeptRow(d, columns.stream()
                    .map(c -> reports.stream().filter(s -> s.departmentId() == d.id() && s.day().equals(c.day())).toList())
                    .toList())).toList();
            weeks.add(new WeekView(m, leaders.rules().deadlineFor(m), columns, rows));
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("today", today);
        model.addAttribute("monday", monday);
        model.addAttribute("zone", access.zone(centreId));
        model.addAttribute("canMark", access.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR));
        model.addAttribute("pattern", leaders.patternOn(centreId, today));
        model.addAttribute("shift", shiftLeads.of(centreId, today).orElse(null));
        model.addAttribute("month", YearMonth.from(today));
        return "duty/leaders-overview";
    }

    @PostMapping("/reports/{id}/attendance")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    String mark(@PathVariable long id, @RequestParam(required = false) @Nullable SitInAttendance attendance,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate week,
            RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            LeaderDuty.SitIn s = leaders.mark(centreId, id, attendance, note);
            redirect.addFlashAttribute("flash", text("duty.leaders.attendance.saved", s.leaderName(),
                    text("duty.leaders.attendance." + s.attendance().name())));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", error(e));
        }
        return "redirect:/duty/leaders/overview" + (week == null ? "" : "?week=" + week);
    }

    // ---- the non-compliance list (通报) ----

    @GetMapping("/noncompliance")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR')")
    String nonCompliance(@RequestParam(required = false) @Nullable YearMonth month, Model model) {
        long centreId = access.centreFor(null);
        YearMonth m = month == null ? YearMonth.from(access.today(centreId)) : month;
        model.addAttribute("month", m);
        model.addAttribute("rows", leaders.nonCompliance(centreId, m));
        model.addAttribute("minDays", leaders.rules().minDaysPerWeek());
        return "duty/leaders-noncompliance";
    }

    @GetMapping(value = "/noncompliance/export",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR')")
    ResponseEntity<byte[]> export(@RequestParam YearMonth month) {
        long centreId = access.centreFor(null);
        Locale locale = LocaleContextHolder.getLocale();
        byte[] xlsx = sheets.nonCompliance(centreId, month, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(text("duty.leaders.nc.fileName", month.toString()) + ".xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .body(xlsx);
    }

    // ---- heads and deputies ----

    @GetMapping("/heads")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR')")
    String heads(Model model) {
        long centreId = access.centreFor(null);
        model.addAttribute("heads", leaders.deptLeaders(centreId));
        model.addAttribute("canEdit", access.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE));
        List<DepartmentInfo> depts = organization.departments(centreId);
        Map<Long, String> deptNames = depts.stream().collect(Collectors.toMap(DepartmentInfo::id, DepartmentInfo::name));
        model.addAttribute("staffChoices", organization.staffOfCentre(centreId).stream()
                .map(s -> Map.of("id", s.id(), "label", s.name() + " · " + deptNames.getOrDefault(s.departmentId(), "")
                        + (s.position() == null ? "" : " · " + s.position())))
                .toList());
        model.addAttribute("kinds", LeaderKind.values());
        model.addAttribute("deputyDays", days(leaders.rules().deputyDays()));
        model.addAttribute("headDays", days(leaders.rules().headDays()));
        return "duty/leaders-heads";
    }

    private String days(java.util.Set<java.time.DayOfWeek> days) {
        return days.stream().sorted().map(d -> text("duty.leaders.day." + d.name())).collect(Collectors.joining("、"));
    }

    @PostMapping("/heads")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String addHead(@RequestParam(required = false) @Nullable Long staffId,
            @RequestParam(required = false) @Nullable LeaderKind kind, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        try {
            leaders.addDeptLeader(centreId, staffId, kind);
            redirect.addFlashAttribute("flash", text("duty.leaders.heads.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", error(e));
        }
        return "redirect:/duty/leaders/heads";
    }

    @PostMapping("/heads/{id}/end")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String endHead(@PathVariable long id, RedirectAttributes redirect) {
        long centreId = access.centreFor(null);
        leaders.endDeptLeader(centreId, id);
        redirect.addFlashAttribute("flash", text("duty.leaders.heads.ended"));
        return "redirect:/duty/leaders/heads";
    }
}
