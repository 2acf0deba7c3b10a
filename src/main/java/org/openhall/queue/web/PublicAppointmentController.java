package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.AppointmentStatus;
import org.openhall.queue.internal.AppointmentRateLimiter;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.QueueServices;
import org.openhall.shared.DomainException;
import org.openhall.shared.qr.QrCodes;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 网上预约, without login, for phones first: choose the service → the day → a slot with room left → name, ID
 * number and mobile → the confirmation with the booking code and its QR code for the kiosk's check-in. And 预约查询 /
 * 取消预约 by code and mobile: an unknown code and a wrong mobile get the same answer. Booking and look-ups are rate
 * limited per client address (429 with Retry-After). Errors show next to their fields, in Chinese; nothing is written
 * on any error.
 */
@Controller
class PublicAppointmentController implements ErrorPageOnRefusal {

    static final String ONLINE = "online";

    private final Appointments appointments;
    private final AppointmentRateLimiter limiter;
    private final PageMessages pages;

    PublicAppointmentController(Appointments appointments, AppointmentRateLimiter limiter, PageMessages pages) {
        this.appointments = appointments;
        this.limiter = limiter;
        this.pages = pages;
    }

    // ----------------------------------------------------------------------------------- service → day → slot

    @GetMapping("/public/centres/{code}/appointments")
    String choose(@PathVariable String code, @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable String date, Model model) {
        Appointments.Centre centre = appointments.centreByCode(code);
        model.addAttribute("centre", centre);
        model.addAttribute("rules", appointments.rules());
        List<QueueServices.ServiceView> services = appointments.bookableServices(centre.id());
        model.addAttribute("services", services);
        if (service == null || service.isBlank()) {
            model.addAttribute("step", 1);
            return "queue/appointments/book";
        }
        QueueServices.ServiceView chosen = appointments.bookableService(centre.id(), service);
        model.addAttribute("service", chosen);
        LocalDate day = parseDate(date);
        if (day == null || !appointments.bookingDays(centre).contains(day)) {
            model.addAttribute("step", 2);
            model.addAttribute("days", appointments.days(centre, chosen));
            return "queue/appointments/book";
        }
        model.addAttribute("step", 3);
        model.addAttribute("date", day);
        model.addAttribute("slots", appointments.slots(centre, chosen, day));
        return "queue/appointments/book";
    }

    private static @Nullable LocalDate parseDate(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------- the form

    @GetMapping("/public/centres/{code}/appointments/slots/{slotId}")
    String form(@PathVariable String code, @PathVariable long slotId, Model model) {
        Appointments.Centre centre = appointments.centreByCode(code);
        model.addAttribute("bookingForm", new BookingForm());
        return formView(centre, slotId, model);
    }

    @PostMapping("/public/centres/{code}/appointments/slots/{slotId}")
    String book(@PathVariable String code, @PathVariable long slotId, @ModelAttribute BookingForm bookingForm,
            BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Appointments.Centre centre = appointments.centreByCode(code);
        Appointments.BookingRequest r = new Appointments.BookingRequest(centre.id(), slotId, bookingForm.getName(),
                bookingForm.getIdNumber(), bookingForm.getMobile());
        for (Appointments.FieldProblem p : Appointments.validate(r)) {
            result.rejectValue(p.field(), p.key());
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formView(centre, slotId, model);
        }
        Optional<Duration> wait = limiter.tryBooking(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
            model.addAttribute("retryMinutes", Math.max(1, (wait.get().toSeconds() + 59) / 60));
            return formView(centre, slotId, model);
        }
        try {
            Appointments.Booking b = appointments.book(r, ONLINE);
            redirect.addFlashAttribute("bookedId", b.id());
            return "redirect:/public/centres/" + centre.code() + "/appointments/confirmation";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.httpStatus());
            if (e.field() != null) {
                result.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            } else {
                model.addAttribute("refusal", pages.requiredText(e));
            }
            return formView(centre, slotId, model);
        }
    }

    private String formView(Appointments.Centre centre, long slotId, Model model) {
        Appointments.SlotView slot = appointments.slot(centre, slotId)
                .orElseThrow(() -> DomainException.notFound("queue.appt.slot.notFound"));
        QueueServices.ServiceView service = appointments.bookableServices(centre.id()).stream()
                .filter(s -> s.id() == slot.serviceId()).findFirst()
                .orElseThrow(() -> DomainException.notFound("queue.appt.service.notFound", String.valueOf(slot.serviceId())));
        model.addAttribute("centre", centre);
        model.addAttribute("service", service);
        model.addAttribute("slot", slot);
        model.addAttribute("rules", appointments.rules());
        model.addAttribute("step", 4);
        return "queue/appointments/form";
    }

    @GetMapping("/public/centres/{code}/appointments/confirmation")
    String confirmation(@PathVariable String code, Model model) {
        Appointments.Centre centre = appointments.centreByCode(code);
        Object id = model.getAttribute("bookedId");
        if (!(id instanceof Long bookedId)) {
            return "redirect:/public/appointments";
        }
        Appointments.Booking b = appointments.booking(bookedId).filter(x -> x.centreId() == centre.id())
                .orElseThrow(() -> DomainException.notFound("queue.appt.notFound"));
        model.addAttribute("centre", centre);
        model.addAttribute("booking", b);
        model.addAttribute("qr", qrDataUri(b.code()));
        model.addAttribute("rules", appointments.rules());
        model.addAttribute("cancelDeadline", appointments.cancelDeadline(b).atZone(centre.zone()).toLocalDateTime());
        model.addAttribute("checkInFrom", b.startsAt().minusMinutes(appointments.rules().appointmentEarly().toMinutes()));
        model.addAttribute("step", 5);
        return "queue/appointments/confirmation";
    }

    /** The booking code as a QR code in the page itself (no request that could be used to probe codes). */
    static String qrDataUri(String code) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(code, 240));
    }

    // --------------------------------------------------------------------------------------- look up / cancel

    @GetMapping("/public/appointments")
    String lookupForm(@RequestParam(required = false) @Nullable String code, Model model) {
        LookupForm form = new LookupForm();
        form.setCode(code == null ? null : code.strip());
        model.addAttribute("lookupForm", form);
        return "queue/appointments/lookup";
    }

    @PostMapping("/public/appointments")
    String lookup(@ModelAttribute LookupForm lookupForm, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Appointments.Booking> found = lookupChecked(lookupForm, result, request, response, model);
        if (found == null) {
            return "queue/appointments/lookup";
        }
        if (found.isEmpty()) {
            return notFound(lookupForm, response, model);
        }
        return result(found.get(), lookupForm, model);
    }

    @PostMapping("/public/appointments/cancel")
    String cancel(@ModelAttribute LookupForm lookupForm, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<Appointments.Booking> found = lookupChecked(lookupForm, result, request, response, model);
        if (found == null) {
            return "queue/appointments/lookup";
        }
        if (found.isEmpty()) {
            return notFound(lookupForm, response, model);
        }
        try {
            Appointments.Booking cancelled = appointments.cancel(lookupForm.getCode(), lookupForm.getMobile(), ONLINE);
            model.addAttribute("cancelledNow", true);
            return result(cancelled, lookupForm, model);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                return notFound(lookupForm, response, model);
            }
            response.setStatus(e.httpStatus());
            model.addAttribute("refusal", pages.requiredText(e));
            return result(found.get(), lookupForm, model);
        }
    }

    /**
     * Checks the look-up's fields and the rate limit; {@code null} when the page was answered with an error (the form
     * again), else the booking if the code and mobile match.
     */
    private @Nullable Optional<Appointments.Booking> lookupChecked(LookupForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.getCode() == null || form.getCode().isBlank()) {
            result.rejectValue("code", "queue.appt.lookup.code.required");
        }
        if (form.getMobile() == null || form.getMobile().isBlank()) {
            result.rejectValue("mobile", "queue.appt.mobile.required");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            form.setMobile(null);
            return null;
        }
        Optional<Duration> wait = limiter.tryLookup(request.getRemoteAddr(), form.getCode());
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
            model.addAttribute("retryAfter", wait.get().toSeconds());
            form.setMobile(null);
            return null;
        }
        return appointments.find(form.getCode(), form.getMobile());
    }

    private String notFound(LookupForm form, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        // the mobile is never sent back, and the code only as typed
        form.setMobile(null);
        model.addAttribute("notFound", true);
        return "queue/appointments/lookup";
    }

    private String result(Appointments.Booking b, LookupForm form, Model model) {
        Appointments.Centre centre = appointments.centre(b.centreId());
        model.addAttribute("booking", b);
        model.addAttribute("centre", centre);
        model.addAttribute("cancellable", appointments.cancellable(b));
        model.addAttribute("cancelDeadline", appointments.cancelDeadline(b).atZone(centre.zone()).toLocalDateTime());
        model.addAttribute("qr", b.status() == AppointmentStatus.BOOKED ? qrDataUri(b.code()) : null);
        model.addAttribute("lookupForm", form);
        return "queue/appointments/lookup";
    }

}
