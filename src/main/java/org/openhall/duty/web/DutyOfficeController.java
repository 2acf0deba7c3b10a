package org.openhall.duty.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.DutyDays;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The centre office's view of the supervisors' days (DUTY-4, 督导员值班制度 四.5): {@code /duty/days} lists every working
 * day of the calendar with its record submitted on time, late, still open (today) or missing; {@code /duty/days/{day}}
 * shows one day's record read-only (also to the supervisors, who see their colleagues' days), {@code /duty/days/{day}/pdf}
 * the same as an A4 PDF. Scoped to the user's centre.
 */
@Controller
@RequestMapping("/duty/days")
@PreAuthorize("hasAnyRole('CENTRE_OFFICE','LEADER','SUPERVISOR')")
class DutyOfficeController implements ErrorPageOnRefusal {

    private final DutyDays days;
    private final CurrentUsers users;
    private final DutyDayPdf pdf;

    DutyOfficeController(DutyDays days, CurrentUsers users, DutyDayPdf pdf) {
        this.days = days;
        this.users = users;
        this.pdf = pdf;
    }

    private long centre() {
        CurrentUser u = users.require();
        if (u.centreId() == null) {
            throw new AccessDeniedException("no centre");
        }
        return u.centreId();
    }

    @GetMapping
    String overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        long centre = centre();
        LocalDate today = days.today(centre);
        LocalDate last = to == null || to.isAfter(today) ? today : to;
        LocalDate first = from == null || from.isAfter(last) ? days.overviewStart(last) : from;
        var rows = days.overview(centre, first, last);
        model.addAttribute("rows", rows);
        model.addAttribute("zone", days.zone(centre));
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("missing", rows.stream().filter(r -> r.status() == DutyDays.DayStatus.MISSING).count());
        model.addAttribute("late", rows.stream().filter(r -> r.status() == DutyDays.DayStatus.LATE).count());
        model.addAttribute("submitted", rows.stream().filter(r -> r.status() == DutyDays.DayStatus.SUBMITTED).count());
        return "duty/day-overview";
    }

    @GetMapping("/{day}")
    String record(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        model.addAttribute("d", days.day(centre(), day));
        return "duty/day-record";
    }

    /** The day's record as an A4 PDF (shared.pdf, Chinese with the embedded font) for the office's files. */
    @GetMapping(value = "/{day}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> recordPdf(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        byte[] body = pdf.render(days.day(centre(), day));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("duty-day-" + day + ".pdf").build().toString())
                .body(body);
    }
}
