package org.openhall.queue.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openhall.calendar.OpeningHours;

/**
 * The rules of appointments (预约服务, Q-7; seed 001 窗口工作规章制度 第十条: 建立健全预约服务制度, 方便群众办事) as pure
 * functions of the {@link QueueRules}, so that they are tested without a database.
 *
 * <ul>
 *   <li>Slots: the opening hours cut into slots of the service's length; a last piece shorter than a slot is no slot.</li>
 *   <li>Booking horizon: today and the next {@link QueueRules#bookingDaysAhead()} days (working days only, decided by
 *       the caller from the centre's calendar); a slot can be booked until it starts.</li>
 *   <li>Cancellation: until {@link QueueRules#cancelUntil()} before the slot starts.</li>
 *   <li>Check-in: from {@link QueueRules#appointmentEarly()} before the slot starts until
 *       {@link QueueRules#appointmentGrace()} after → a priority ticket; after that until the slot's end plus the grace
 *       time → late: an ordinary ticket; later → the booking is a no-show and check-in is refused.</li>
 *   <li>No-show ban (预约后无故不到): {@link QueueRules#noShowBanLimit()} no-shows within
 *       {@link QueueRules#noShowBanWindow()} stop booking until {@link QueueRules#noShowBan()} after the latest one.</li>
 * </ul>
 */
public final class AppointmentRules {

    private AppointmentRules() {
    }

    /** A slot of a day, in the centre's local time. */
    public record SlotTime(LocalTime start, LocalTime end) {
    }

    /** When a check-in comes, relative to the booked slot. */
    public enum Timing {
        /** before the check-in opens: refused, come back later */
        TOO_EARLY,
        /** from {@code appointmentEarly} before the start until {@code appointmentGrace} after it: a priority ticket */
        ON_TIME,
        /** after that until the end of the slot plus the grace time: an ordinary ticket, the booking marked late */
        LATE,
        /** later still: the booking is a no-show */
        EXPIRED
    }

    /**
     * The slots of a working day: from opening time, one after the other, each {@code slotMinutes} long, as long as the
     * slot ends by closing time.
     */
    public static List<SlotTime> slotTimes(OpeningHours hours, int slotMinutes) {
        if (slotMinutes <= 0) {
            throw new IllegalArgumentException("slot length must be positive: " + slotMinutes);
        }
        List<SlotTime> slots = new ArrayList<>();
        LocalTime start = hours.opens();
        long minutesOpen = Duration.between(hours.opens(), hours.closes()).toMinutes();
        for (long offset = 0; offset + slotMinutes <= minutesOpen; offset += slotMinutes) {
            LocalTime s = start.plusMinutes(offset);
            slots.add(new SlotTime(s, s.plusMinutes(slotMinutes)));
        }
        return slots;
    }

    /** The days that can be booked from {@code today}: today and the next {@code bookingDaysAhead} days, in order. */
    public static List<LocalDate> horizon(LocalDate today, QueueRules rules) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= Math.max(0, rules.bookingDaysAhead()); i++) {
            days.add(today.plusDays(i));
        }
        return days;
    }

    /** Whether {@code date} lies in the booking horizon seen from {@code today}. */
    public static boolean inHorizon(LocalDate date, LocalDate today, QueueRules rules) {
        return !date.isBefore(today) && !date.isAfter(today.plusDays(Math.max(0, rules.bookingDaysAhead())));
    }

    /** A slot can be booked until it starts. */
    public static boolean bookable(Instant now, Instant slotStart) {
        return now.isBefore(slotStart);
    }

    /** The last moment a booking of a slot starting at {@code slotStart} can be cancelled. */
    public static Instant cancelDeadline(Instant slotStart, QueueRules rules) {
        return slotStart.minus(rules.cancelUntil());
    }

    public static boolean cancellable(Instant now, Instant slotStart, QueueRules rules) {
        return !now.isAfter(cancelDeadline(slotStart, rules));
    }

    /** When check-in opens for a slot. */
    public static Instant checkInOpens(Instant slotStart, QueueRules rules) {
        return slotStart.minus(rules.appointmentEarly());
    }

    /** The moment a booking nobody checked in for becomes a no-show: the end of the slot plus the grace time. */
    public static Instant noShowAt(Instant slotEnd, QueueRules rules) {
        return slotEnd.plus(rules.appointmentGrace());
    }

    public static Timing timing(Instant now, Instant slotStart, Instant slotEnd, QueueRules rules) {
        if (now.isBefore(checkInOpens(slotStart, rules))) {
            return Timing.TOO_EARLY;
        }
        if (!now.isAfter(slotStart.plus(rules.appointmentGrace()))) {
            return Timing.ON_TIME;
        }
        if (!now.isAfter(noShowAt(slotEnd, rules))) {
            return Timing.LATE;
        }
        return Timing.EXPIRED;
    }

    /**
     * Until when a person with these no-shows may not book: empty when fewer than {@link QueueRules#noShowBanLimit()}
     * of them lie within {@link QueueRules#noShowBanWindow()} before {@code now}, or when the ban that followed the
     * latest one is over. A limit of 0 or less switches the ban off.
     */
    public static Optional<Instant> bannedUntil(List<Instant> noShows, Instant now, QueueRules rules) {
        if (rules.noShowBanLimit() <= 0) {
            return Optional.empty();
        }
        Instant windowStart = now.minus(rules.noShowBanWindow());
        List<Instant> recent = noShows.stream().filter(t -> t.isAfter(windowStart) && !t.isAfter(now))
                .sorted(Comparator.reverseOrder()).toList();
        if (recent.size() < rules.noShowBanLimit()) {
            return Optional.empty();
        }
        Instant until = recent.getFirst().plus(rules.noShowBan());
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
