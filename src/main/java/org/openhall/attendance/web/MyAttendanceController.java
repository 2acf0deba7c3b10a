package org.openhall.attendance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.internal.Attendance;
import org.openhall.attendance.internal.AttendanceReports;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff member's own attendance page {@code /attendance} (ATT-1, ATT-3): sign in and out, today's hours due and
 * status, the absence notice (离岗告知) with the stand-in proposed from the window's A/B posts, ending it on return, and
 * this month's days and findings. For every signed-in user with a staff record.
 */
@Controller
@RequestMapping("/attendance")
@PreAuthorize("isAuthenticated()")
class MyAttendanceController {

    private final Attendance attendance;
    private final AttendanceReports reports;
    private final CurrentUsers users;
    private final OrganizationApi org;
    private final MessageSource messages;
    private final PageMessages pages;
    private final Clock clock;

    MyAttendanceController(Attendance attendance, AttendanceReports reports, CurrentUsers users, OrganizationApi org,
            MessageSource messages, PageMessages pages, Clock clock) {
        this.attendance = attendance;
        this.reports = reports;
        this.users = users;
        this.org = org;
        this.messages = messages;
        this.pages = pages;
        this.clock = clock;
    }

    /** The notice form as typed (shown again after a refusal). */
    record NoticeForm(String reason, String contact, String expectedBack, @Nullable Long standIn) {
    }

    @GetMapping
    String page(Model model) {
        return render(model, null);
    }

    private String render(Model model, @Nullable NoticeForm form) {
        CurrentUser u = users.require();
        if (u.staffId() == null || org.staff(u.staffId()).isEmpty()) {
            model.addAttribute("noStaff", true);
            return "attendance/mine";
        }
        StaffSummary me = org.staff(u.staffId()).orElseThrow();
        CentreInfo centre = org.centre(me.centreId()).orElseThrow();
        Attendance.Day today = attendance.today(me.id());
        YearMonth month = YearMonth.from(today.day());
        var standIn = attendance.proposedStandIn(me.id());
        model.addAttribute("me", me);
        model.addAttribute("zone", centre.zone());
        model.addAttribute("today", today);
        model.addAttribute("notice", attendance.activeNotice(me.id()).orElse(null));
        model.addAttribute("window", attendance.windowOf(me).orElse(null));
        model.addAttribute("proposed", standIn.orElse(null));
        List<StaffSummary> colleagues = org.staffOfCentre(me.centreId()).stream()
                .filter(s -> s.active() && s.id() != me.id()).toList();
        model.addAttribute("colleagues", colleagues);
        String back = LocalTime.now(clock.withZone(centre.zone())).plusMinutes(60).withSecond(0).withNano(0).toString();
        model.addAttribute("form", form != null ? form
                : new NoticeForm("", "", back, standIn.map(s -> s.holder().staffId()).orElse(null)));
        model.addAttribute("month", month);
        model.addAttribute("days", attendance.month(me.id(), month));
        model.addAttribute("findings", reports.findings(me.centreId(), month, null, me.id()));
        model.addAttribute("todayDate", today.day());
        return "attendance/mine";
    }

    @PostMapping("/sign-in")
    String signIn(Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return act(model, redirect, response, locale, null, () -> {
            attendance.signIn(staffId(), users.actorName());
            return "att.core.page.signed-in";
        });
    }

    @PostMapping("/sign-out")
    String signOut(Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return act(model, redirect, response, locale, null, () -> {
            attendance.signOut(staffId(), users.actorName());
            return "att.core.page.signed-out";
        });
    }

    @PostMapping("/notice")
    String notice(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String expectedBack, @RequestParam(required = false) @Nullable Long standIn,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        NoticeForm form = new NoticeForm(reason, contact, expectedBack, standIn);
        return act(model, redirect, response, locale, form, () -> {
            LocalTime back;
            try {
                back = expectedBack.isBlank() ? null : LocalTime.parse(expectedBack.strip());
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("expectedBack", "att.core.notice.back-required");
            }
            attendance.startNotice(staffId(), reason, contact, back, standIn, users.actorName());
            return "att.core.page.notice-filed";
        });
    }

    @PostMapping("/notice/end")
    String endNotice(Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return act(model, redirect, response, locale, null, () -> {
            attendance.endNotice(staffId(), users.actorName());
            return "att.core.page.notice-ended";
        });
    }

    private long staffId() {
        Long id = users.require().staffId();
        if (id == null) {
            throw DomainException.forbidden("att.core.page.no-staff");
        }
        return id;
    }

    private String act(Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale,
            @Nullable NoticeForm form, java.util.function.Supplier<String> command) {
        try {
            String done = command.get();
            redirect.addFlashAttribute("flash", messages.getMessage(done, null, done, locale));
            return "redirect:/attendance";
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            model.addAttribute("error", pages.text(e));
            model.addAttribute("errorField", e.field());
            return render(model, form);
        }
    }

}
