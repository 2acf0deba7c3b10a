package org.openhall.queue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.AppointmentStatus;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.internal.AppointmentRateLimiter;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.DevicePrincipal;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ApiProblems;
import org.openhall.shared.web.Bilingual;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments over REST. Public, without login: the slots of a service's day, booking, look-up and cancellation
 * by booking code and mobile (an unknown code and a wrong mobile give the same 404 problem; booking and look-ups are
 * rate limited per client address, 429 with Retry-After). For the hall: check-in at the kiosk (device token, Bearer)
 * or by staff (HTTP Basic) → the ticket. Refusals are RFC 9457 problems with a Chinese {@code detail}: a full slot is a
 * 409 and writes nothing.
 */
@RestController
@Tag(name = "Appointments (预约)", description = "Slots, online booking and cancellation, check-in at the kiosk")
class AppointmentRestController {

    private static final URI LOOKUP_INSTANCE = URI.create("/api/v1/public/appointments");

    private final Appointments appointments;
    private final AppointmentRateLimiter limiter;
    private final CurrentUsers users;
    private final ApiProblems problems;
    private final Bilingual bilingual;

    AppointmentRestController(Appointments appointments, AppointmentRateLimiter limiter, CurrentUsers users,
            ApiProblems problems, Bilingual bilingual) {
        this.appointments = appointments;
        this.limiter = limiter;
        this.users = users;
        this.problems = problems;
        this.bilingual = bilingual;
    }

    // ---------------------------------------------------------------------------------------------------- bodies

    @Schema(description = "A slot of a service's day; remaining = capacity − booked; bookable: not started and not full")
    record SlotBody(long id, LocalDate date, LocalTime startsAt, LocalTime endsAt, int capacity, int booked,
            int remaining, boolean bookable) {

        static SlotBody of(Appointments.SlotView s) {
            return new SlotBody(s.id(), s.date(), s.startsAt(), s.endsAt(), s.capacity(), s.booked(), s.remaining(),
                    s.bookable());
        }
    }

    record DayBody(LocalDate date, int slots, int remaining) {
    }

    @Schema(description = "The slots of a service: of one day when a date is given, else the days that can be booked")
    record SlotsBody(String centre, String service, String serviceName, @Nullable LocalDate date,
            @Nullable List<SlotBody> slots, @Nullable List<DayBody> days) {
    }

    @Schema(description = "A booking: the slot (by id, from appointment-slots) and the applicant")
    record BookBody(@Schema(example = "42") @Nullable Long slotId, @Schema(example = "张三") @Nullable String name,
            @Schema(description = "公民身份号码 (GB 11643)") @Nullable String idNumber,
            @Schema(example = "13800138000") @Nullable String mobile) {
    }

    @Schema(description = "A booking as the applicant sees it: the name masked, never the ID number or mobile")
    record BookingBody(String code, String centre, String service, String serviceName, LocalDate date,
            LocalTime startsAt, LocalTime endsAt, String name, AppointmentStatus status, boolean late,
            @Schema(description = "cancellable until then (centre's local time)") LocalDateTime cancelUntil,
            @Schema(description = "check-in at the kiosk opens then") LocalTime checkInFrom, Instant bookedAt) {
    }

    record CheckInBody(@Schema(description = "the booking code, or the applicant's ID number") @Nullable String code) {
    }

    @Schema(description = "The ticket of a checked-in booking; late: an ordinary ticket (checked in after the grace time)")
    record TicketBody(long ticketId, String number, String publicCode, String serviceName, PriorityClass priority,
            boolean late, int peopleAhead, int estimatedWaitMinutes, String appointmentCode) {
    }

    // ---------------------------------------------------------------------------------------------------- public

    @GetMapping("/api/v1/public/centres/{code}/appointment-slots")
    @Operation(summary = "The slots of a service's day with the room left (without a date: the days that can be booked)")
    SlotsBody slots(@PathVariable String code, @RequestParam String service,
            @RequestParam(required = false) @Nullable LocalDate date) {
        Appointments.Centre c = appointments.centreByCode(code);
        QueueServices.ServiceView s = appointments.bookableService(c.id(), service);
        if (date == null) {
            return new SlotsBody(c.code(), s.code(), s.name(), null, null, appointments.days(c, s).stream()
                    .map(d -> new DayBody(d.date(), d.slots(), d.remaining())).toList());
        }
        return new SlotsBody(c.code(), s.code(), s.name(), date,
                appointments.slots(c, s, date).stream().map(SlotBody::of).toList(), null);
    }

    @PostMapping("/api/v1/public/centres/{code}/appointments")
    @Operation(summary = "Books a place in a slot; the booking code is in the answer and goes to the mobile by SMS. "
            + "409 when the slot is full or the person already booked the service that day, 403 when banned for no-shows")
    ResponseEntity<?> book(@PathVariable String code, @RequestBody BookBody body, HttpServletRequest request) {
        Appointments.Centre c = appointments.centreByCode(code);
        if (body.slotId() == null) {
            throw DomainException.invalid("slotId", "queue.appt.slot.required");
        }
        Appointments.BookingRequest r = new Appointments.BookingRequest(c.id(), body.slotId(), body.name(),
                body.idNumber(), body.mobile());
        List<Appointments.FieldProblem> wrong = Appointments.validate(r);
        if (!wrong.isEmpty()) {
            throw DomainException.invalid(wrong.getFirst().field(), wrong.getFirst().key());
        }
        Optional<Duration> wait = limiter.tryBooking(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany(wait.get(), URI.create("/api/v1/public/centres/" + c.code() + "/appointments"));
        }
        Appointments.Booking b = appointments.book(r, PublicAppointmentController.ONLINE);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body(b, c));
    }

    @GetMapping("/api/v1/public/appointments/{code}")
    @Operation(summary = "A booking by its code and the mobile it was booked with (404 for both an unknown code and a wrong mobile)")
    ResponseEntity<?> lookup(@PathVariable String code, @RequestParam(required = false) @Nullable String mobile,
            HttpServletRequest request) {
        requireMobile(mobile);
        Optional<Duration> wait = limiter.tryLookup(request.getRemoteAddr(), code);
        if (wait.isPresent()) {
            return tooMany(wait.get(), LOOKUP_INSTANCE);
        }
        Optional<Appointments.Booking> b = appointments.find(code, mobile);
        if (b.isEmpty()) {
            return notFound();
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body(b.get(), appointments.centre(b.get().centreId())));
    }

    @DeleteMapping("/api/v1/public/appointments/{code}")
    @Operation(summary = "Cancels a booking (code + mobile) until the cancellation deadline before the slot; 409 later")
    ResponseEntity<?> cancel(@PathVariable String code, @RequestParam(required = false) @Nullable String mobile,
            HttpServletRequest request) {
        requireMobile(mobile);
        Optional<Duration> wait = limiter.tryLookup(request.getRemoteAddr(), code);
        if (wait.isPresent()) {
            return tooMany(wait.get(), LOOKUP_INSTANCE);
        }
        if (appointments.find(code, mobile).isEmpty()) {
            return notFound();
        }
        Appointments.Booking b = appointments.cancel(code, mobile, PublicAppointmentController.ONLINE);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body(b, appointments.centre(b.centreId())));
    }

    // -------------------------------------------------------------------------------------------------- check-in

    @PostMapping("/api/v1/queue/centres/{code}/check-in")
    @PreAuthorize("hasAnyRole('DEVICE_KIOSK','ADMIN','CENTRE_OFFICE','SUPERVISOR','WINDOW_STAFF')")
    @Operation(summary = "Checks a booking in (kiosk device token or staff): on time → a priority ticket, late → an "
            + "ordinary one; 422 too early or another day, 409 cancelled / already checked in / no-show, 404 unknown")
    ResponseEntity<TicketBody> checkIn(@PathVariable String code, @RequestBody CheckInBody body, Authentication auth) {
        Appointments.Centre c = appointments.centreByCode(code);
        String actor;
        if (auth.getPrincipal() instanceof DevicePrincipal device) {
            if (device.centreId() != c.id()) {
                throw DomainException.forbidden("queue.appt.centre.forbidden");
            }
            actor = "device:" + device.deviceId();
        } else {
            CurrentUser user = users.require();
            if (!user.canSeeCentre(c.id())) {
                throw DomainException.forbidden("queue.appt.centre.forbidden");
            }
            actor = user.username();
        }
        if (body.code() == null || body.code().isBlank()) {
            throw DomainException.invalid("code", "queue.appt.checkIn.input");
        }
        QueueDesk.IssuedTicket t = appointments.checkIn(c.id(), body.code(), actor);
        String appointmentCode = appointments.bookingOfTicket(t.ticket().id()).map(Appointments.Booking::displayCode)
                .orElse("");
        return ResponseEntity.status(HttpStatus.CREATED).body(new TicketBody(t.ticket().id(), t.ticket().number(),
                t.ticket().publicCode(), t.ticket().serviceName(), t.ticket().priority(),
                t.ticket().priority() != PriorityClass.APPOINTMENT, t.peopleAhead(), t.estimatedWaitMinutes(),
                appointmentCode));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private BookingBody body(Appointments.Booking b, Appointments.Centre c) {
        return new BookingBody(b.displayCode(), c.code(), b.serviceCode(), b.serviceName(), b.date(), b.startsAt(),
                b.endsAt(), String.valueOf(b.maskedName()), b.status(), b.late(),
                appointments.cancelDeadline(b).atZone(c.zone()).toLocalDateTime(),
                b.startsAt().minusMinutes(appointments.rules().appointmentEarly().toMinutes()), b.bookedAt());
    }

    private static void requireMobile(@Nullable String mobile) {
        if (mobile == null || mobile.isBlank()) {
            throw DomainException.invalid("mobile", "queue.appt.mobile.required");
        }
    }

    private ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail p = problems.problem(HttpStatus.NOT_FOUND, "not-found", "queue.appt.notFound");
        p.setInstance(LOOKUP_INSTANCE);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private ResponseEntity<ProblemDetail> tooMany(Duration wait, URI instance) {
        Bilingual.Text text = bilingual.text("queue.appt.tooMany", Math.max(1, (wait.toSeconds() + 59) / 60));
        Bilingual.Text title = bilingual.text("queue.appt.problem.tooMany");
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, text.zh());
        p.setType(URI.create("urn:openhall:problem:too-many-requests"));
        p.setTitle(title.zh() + " / " + title.en());
        p.setProperty("detail_en", text.en());
        p.setInstance(instance);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
