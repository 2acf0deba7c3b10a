package org.openhall.attendance.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.FindingKind;
import org.openhall.calendar.OpeningHours;

/**
 * The attendance judgement as pure functions (ATT-1, ATT-4): the hours a person is due, lateness at sign-in, leaving
 * early at sign-out, absence for a day, and a late return from a notice — each against the hours due and the approved
 * leave of the day. No Spring, no database: {@link Attendance} and {@link AttendanceScan} feed it.
 */
public final class AttendanceJudgement {

    private AttendanceJudgement() {
    }

    /** The hours due on a day, e.g. 08:20–17:30. */
    public record DueHours(LocalTime start, LocalTime end) {

        Duration length() {
            return Duration.between(start, end);
        }
    }

    /**
     * Duty hours set by a roster win; else on a working day the opening hours, due {@code before} the opening
     * (行为规范 一.17); else (a day off without duty) nothing is due.
     */
    public static @Nullable DueHours due(@Nullable DueHours duty, boolean workingDay, OpeningHours opening,
            Duration before) {
        if (duty != null) {
            return duty;
        }
        if (!workingDay) {
            return null;
        }
        return new DueHours(opening.opens().minus(before), opening.closes());
    }

    /** When the person is due to arrive: the start of the hours, moved past approved leave that covers it. */
    public static LocalTime effectiveStart(LocalDate day, DueHours due, List<ApprovedLeave> leave) {
        LocalDateTime t = day.atTime(due.start());
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ApprovedLeave l : leave) {
                if (!l.start().isAfter(t) && l.end().isAfter(t)) {
                    t = l.end();
                    moved = true;
                }
            }
        }
        return t.toLocalDate().isAfter(day) ? LocalTime.MAX : t.toLocalTime();
    }

    /** When the person may leave: the end of the hours, moved back before approved leave that covers it. */
    public static LocalTime effectiveEnd(LocalDate day, DueHours due, List<ApprovedLeave> leave) {
        LocalDateTime t = day.atTime(due.end());
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ApprovedLeave l : leave) {
                if (l.start().isBefore(t) && !l.end().isBefore(t)) {
                    t = l.start();
                    moved = true;
                }
            }
        }
        return t.toLocalDate().isBefore(day) ? LocalTime.MIN : t.toLocalTime();
    }

    /**
     * A sign-in at {@code at}: on time (null), 迟到 (LATE) after the time due, or 旷工 for half a day (ABSENTEEISM) when
     * more than half the hours due were missed without leave (考勤及离岗告知制度 三.3、四.3).
     */
    public static @Nullable FindingKind signIn(LocalDate day, LocalTime at, DueHours due, List<ApprovedLeave> leave) {
        LocalTime start = effectiveStart(day, due, leave);
        if (!at.isAfter(start)) {
            return null;
        }
        return Duration.between(start, at).compareTo(due.length().dividedBy(2)) > 0 ? FindingKind.ABSENTEEISM
                : FindingKind.LATE;
    }

    /** A sign-out at {@code at}: 早退 (EARLY_LEAVE) before the end of the hours due (less leave), else nothing. */
    public static @Nullable FindingKind signOut(LocalDate day, LocalTime at, DueHours due, List<ApprovedLeave> leave) {
        return at.isBefore(effectiveEnd(day, due, leave)) ? FindingKind.EARLY_LEAVE : null;
    }

    /**
     * Back from a notice {@code overdue} after the expected return: 迟到 up to {@code asAbsenceAfter}, 脱岗 beyond
     * (考勤及离岗告知制度 四.3); on time: nothing.
     */
    public static @Nullable FindingKind lateReturn(Duration overdue, Duration asAbsenceAfter) {
        if (overdue.isNegative() || overdue.isZero()) {
            return null;
        }
        return overdue.compareTo(asAbsenceAfter) <= 0 ? FindingKind.LATE : FindingKind.ABSENT_FROM_POST;
    }

    /** The part of the day's hours due that approved leave does not cover. */
    public static Duration uncovered(LocalDate day, DueHours due, List<ApprovedLeave> leave) {
        LocalDateTime from = day.atTime(due.start());
        LocalDateTime to = day.atTime(due.end());
        List<ApprovedLeave> sorted = new ArrayList<>(leave);
        sorted.sort(Comparator.comparing(ApprovedLeave::start));
        Duration free = Duration.ZERO;
        LocalDateTime cursor = from;
        for (ApprovedLeave l : sorted) {
            if (!l.end().isAfter(cursor) || !l.start().isBefore(to)) {
                continue;
            }
            if (l.start().isAfter(cursor)) {
                free = free.plus(Duration.between(cursor, l.start()));
            }
            if (l.end().isAfter(cursor)) {
                cursor = l.end();
            }
            if (!cursor.isBefore(to)) {
                return free;
            }
        }
        return cursor.isBefore(to) ? free.plus(Duration.between(cursor, to)) : free;
    }

    /** A day without sign-in: whether the absence is a whole day (else half a day or less: 旷工（半天）). */
    public static boolean wholeDay(Duration uncovered, DueHours due) {
        return uncovered.compareTo(due.length().dividedBy(2)) > 0;
    }
}
