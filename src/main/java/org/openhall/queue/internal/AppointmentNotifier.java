package org.openhall.queue.internal;

import java.time.format.DateTimeFormatter;
import org.openhall.notification.Notifications;
import org.openhall.shared.web.Bilingual;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the applicant the booking code by SMS after the booking committed, and a word when it was cancelled.
 * The notifications record every attempt (SKIPPED without an SMS provider, FAILED when it could not be sent) and never
 * throw; anything else that goes wrong here is logged, never thrown back, so a failed SMS never undoes or blocks a
 * booking (the booking page shows the code anyway).
 */
@Component
class AppointmentNotifier {

    private static final Logger log = LoggerFactory.getLogger(AppointmentNotifier.class);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final Appointments appointments;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Environment environment;

    AppointmentNotifier(Appointments appointments, Notifications notifications, MessageSource messages,
            Environment environment) {
        this.appointments = appointments;
        this.notifications = notifications;
        this.messages = messages;
        this.environment = environment;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        try {
            appointments.booking(event.appointmentId()).ifPresent(b -> {
                Appointments.Centre c = appointments.centre(b.centreId());
                String early = LocalTimes.minus(b.startsAt(), appointments.rules().appointmentEarly()).format(HM);
                notifications.sms(b.centreId(), b.mobile(), text("queue.appt.sms.booked", c.name(), b.serviceName(),
                        b.date().toString(), b.startsAt().format(HM), b.endsAt().format(HM), b.displayCode(), early,
                        publicUrl() + "/public/appointments"));
            });
        } catch (RuntimeException e) {
            log.warn("booking SMS for appointment {} not sent: {}", event.appointmentId(), e.toString());
        }
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        try {
            appointments.booking(event.appointmentId()).ifPresent(b -> {
                Appointments.Centre c = appointments.centre(b.centreId());
                notifications.sms(b.centreId(), b.mobile(), text("queue.appt.sms.cancelled", c.name(), b.serviceName(),
                        b.date().toString(), b.startsAt().format(HM), b.displayCode()));
            });
        } catch (RuntimeException e) {
            log.warn("cancellation SMS for appointment {} not sent: {}", event.appointmentId(), e.toString());
        }
    }

    private String publicUrl() {
        return environment.getProperty("openhall.public-url", "http://localhost:8080").strip().replaceAll("/+$", "");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Bilingual.ZH);
    }

    /** Time-of-day arithmetic that stops at midnight instead of wrapping. */
    static final class LocalTimes {
        private LocalTimes() {
        }

        static java.time.LocalTime minus(java.time.LocalTime t, java.time.Duration d) {
            long seconds = t.toSecondOfDay() - d.toSeconds();
            return java.time.LocalTime.ofSecondOfDay(Math.max(0, seconds));
        }
    }
}
