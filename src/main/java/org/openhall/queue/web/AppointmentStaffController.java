package org.openhall.queue.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.AppointmentStatus;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 预约 for staff: the day's slots per service with their bookings; window staff see names masked (SEC-2), every
 * reader sees ID numbers and mobiles masked. The centre office changes a slot's capacity (never below what is booked)
 * and generates the slots of the booking horizon; staff check an applicant in on their behalf (the ticket is issued as
 * at the kiosk) and mark a booking as a no-show once its check-in is no longer on time. Roles as in the navigation.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR','WINDOW_STAFF','DEPT_HEAD')")
class AppointmentStaffController implements ErrorPageOnRefusal {

    private final Appointments appointments;
    private final OrganizationApi organization;
    private final CurrentUsers users;
    private final MessageSource messages;

    AppointmentStaffController(Appointments appointments, OrganizationApi organization, CurrentUsers users,
            MessageSource messages) {
        this.appointments = appointments;
        this.organization = organization;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/queue/appointments")
    String day(@RequestParam(required = false) @Nullable Long centre, @RequestParam(required = false) @Nullable String date,
            Model model) {
        CurrentUser user = users.require();
        long centreId = centreOf(user, centre, model);
        Appointments.Centre c = appointments.centre(centreId);
        LocalDate day = parse(date, appointments.today(c));
        model.addAttribute("centre", c);
        model.addAttribute("date", day);
        model.addAttribute("today", appointments.today(c));
        List<Appointments.ServiceDay> services = appointments.day(centreId, day);
        model.addAttribute("services", services);
        // what staff may do with each open booking now: check in (on time or late), record a no-show (after the grace)
        Map<Long, String> timings = new HashMap<>();
        services.forEach(sd -> sd.slots().forEach(sb -> sb.bookings().stream()
                .filter(b -> b.status() == AppointmentStatus.BOOKED)
                .forEach(b -> timings.put(b.id(), appointments.timing(b).name()))));
        model.addAttribute("timings", timings);
        model.addAttribute("maskNames", masksNames(user));
        model.addAttribute("canEditCapacity", user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE));
        model.addAttribute("canCheckIn", user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR, Role.WINDOW_STAFF));
        model.addAttribute("canMarkNoShow", user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR));
        model.addAttribute("rules", appointments.rules());
        return "queue/appointments/staff";
    }

    /** Window staff see the surname only; the roles above them see the full name (SEC-2). */
    static boolean masksNames(CurrentUser user) {
        return !user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR, Role.LEADER, Role.DEPT_HEAD);
    }

    private long centreOf(CurrentUser user, @Nullable Long requested, Model model) {
        if (user.hasRole(Role.ADMIN)) {
            List<CentreInfo> centres = organization.centres();
            model.addAttribute("centreChoices", centres);
            if (requested != null) {
                return requested;
            }
            if (user.centreId() != null) {
                return user.centreId();
            }
            if (centres.isEmpty()) {
                throw DomainException.notFound("queue.appt.centre.notFound", "-");
            }
            return centres.getFirst().id();
        }
        if (user.centreId() == null || (requested != null && !requested.equals(user.centreId()))) {
            throw DomainException.forbidden("queue.appt.centre.forbidden");
        }
        model.addAttribute("centreChoices", List.of());
        return user.centreId();
    }

    private static LocalDate parse(@Nullable String date, LocalDate fallback) {
        if (date == null || date.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    // --------------------------------------------------------------------------------------------------- actions

    @PostMapping("/queue/appointments/slots/{slotId}/capacity")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String capacity(@PathVariable long slotId, @RequestParam long centre, @RequestParam String date,
            @RequestParam(required = false) @Nullable Integer capacity, Locale locale, RedirectAttributes redirect) {
        long centreId = checkedCentre(centre);
        try {
            if (capacity == null) {
                throw DomainException.invalid("capacity", "queue.appt.capacity.range", 999);
            }
            Appointments.SlotView s = appointments.changeCapacity(centreId, slotId, capacity, users.actorName());
            redirect.addFlashAttribute("flash", text("queue.appt.staff.capacity.saved", locale,
                    s.startsAt().toString(), s.capacity()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", text(e.messageKey(), locale, e.args()));
        }
        return back(centre, date);
    }

    @PostMapping("/queue/appointments/generate")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
    String generate(@RequestParam long centre, @RequestParam String date, Locale locale, RedirectAttributes redirect) {
        long centreId = checkedCentre(centre);
        int made = appointments.generate(centreId, users.actorName());
        redirect.addFlashAttribute("flash", text("queue.appt.staff.generated", locale, made,
                appointments.rules().bookingDaysAhead()));
        return back(centre, date);
    }

    @PostMapping("/queue/appointments/{id}/check-in")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR','WINDOW_STAFF')")
    String checkIn(@PathVariable long id, @RequestParam long centre, @RequestParam String date, Locale locale,
            RedirectAttributes redirect) {
        long centreId = checkedCentre(centre);
        try {
            QueueDesk.IssuedTicket t = appointments.checkIn(centreId, id, users.actorName());
            redirect.addFlashAttribute("flash", text(t.ticket().priority() == org.openhall.queue.PriorityClass.APPOINTMENT
                    ? "queue.appt.staff.checkedIn" : "queue.appt.staff.checkedInLate", locale, t.ticket().number()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", text(e.messageKey(), locale, e.args()));
        }
        return back(centre, date);
    }

    @PostMapping("/queue/appointments/{id}/no-show")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    String noShow(@PathVariable long id, @RequestParam long centre, @RequestParam String date, Locale locale,
            RedirectAttributes redirect) {
        long centreId = checkedCentre(centre);
        try {
            Appointments.Booking b = appointments.markNoShow(centreId, id, users.actorName());
            redirect.addFlashAttribute("flash", text("queue.appt.staff.noShowMarked", locale, b.displayCode()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("flashError", text(e.messageKey(), locale, e.args()));
        }
        return back(centre, date);
    }

    private long checkedCentre(long centre) {
        if (!users.require().canSeeCentre(centre)) {
            throw DomainException.forbidden("queue.appt.centre.forbidden");
        }
        return centre;
    }

    private static String back(long centre, String date) {
        return "redirect:" + UriComponentsBuilder.fromPath("/queue/appointments").queryParam("centre", centre)
                .queryParam("date", date).build().encode().toUriString();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
