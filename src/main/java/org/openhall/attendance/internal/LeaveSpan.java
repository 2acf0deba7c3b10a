package org.openhall.attendance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.Predicate;
import org.openhall.shared.DomainException;

/**
 * The span of a leave request in half days (ATT-2): from the morning or the afternoon of the first day to the noon or the
 * evening of the last. Stored as local date-times in the centre's zone, the end exclusive: a morning starts at 00:00, an
 * afternoon at 12:00; a leave ending at noon ends at 12:00, one ending in the evening at 00:00 of the next day. Its length
 * counts only working days of the centre's calendar, half a day for a half.
 *
 * @param startPm whether the first day starts in the afternoon
 * @param endAm   whether the last day ends at noon
 */
public record LeaveSpan(LocalDate startDay, boolean startPm, LocalDate endDay, boolean endAm) {

    static final LocalTime NOON = LocalTime.NOON;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** Refuses an end before the start (or a span of no time at all). */
    public LeaveSpan {
        if (endDay.isBefore(startDay) || (endDay.equals(startDay) && startPm && endAm)) {
            throw DomainException.invalid("end", "att.leave.end-before-start");
        }
    }

    public LocalDateTime start() {
        return startPm ? startDay.atTime(NOON) : startDay.atStartOfDay();
    }

    public LocalDateTime end() {
        return endAm ? endDay.atTime(NOON) : endDay.plusDays(1).atStartOfDay();
    }

    /** The span back from stored date-times (as {@link #start()} and {@link #end()} wrote them). */
    static LeaveSpan of(LocalDateTime start, LocalDateTime end) {
        boolean endAm = end.toLocalTime().equals(NOON);
        return new LeaveSpan(start.toLocalDate(), start.toLocalTime().equals(NOON),
                endAm ? end.toLocalDate() : end.toLocalDate().minusDays(1), endAm);
    }

    /** Working days taken, in half days; {@code working} says which days are working days. */
    public BigDecimal workingDays(Predicate<LocalDate> working) {
        BigDecimal days = BigDecimal.ZERO;
        for (LocalDate d = startDay; !d.isAfter(endDay); d = d.plusDays(1)) {
            if (!working.test(d)) {
                continue;
            }
            BigDecimal w = BigDecimal.ONE;
            if (d.equals(startDay) && startPm) {
                w = w.subtract(HALF);
            }
            if (d.equals(endDay) && endAm) {
                w = w.subtract(HALF);
            }
            days = days.add(w);
        }
        return plain(days);
    }

    /** A number of days without trailing zeros and never in exponent form (30, 2.5). */
    static BigDecimal plain(BigDecimal days) {
        BigDecimal s = days.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Whether this span shares any moment with [start, end). */
    boolean overlaps(LocalDateTime otherStart, LocalDateTime otherEnd) {
        return start().isBefore(otherEnd) && end().isAfter(otherStart);
    }
}
