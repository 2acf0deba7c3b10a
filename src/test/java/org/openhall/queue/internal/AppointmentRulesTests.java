package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.OpeningHours;
import org.openhall.queue.internal.AppointmentRules.SlotTime;
import org.openhall.queue.internal.AppointmentRules.Timing;

/**
 * the rules of appointments without a database — slots cut from the opening hours, the booking horizon,
 * cancellation deadline, the check-in window (on time → priority, late → ordinary, expired → no-show) and the no-show
 * ban (seed 001 预约服务制度), with the defaults of {@link QueueRules} (early 30 min, grace 15 min, cancel 1 h, 3
 * no-shows in 90 days → 30 days without online booking, 14 days ahead).
 */
class AppointmentRulesTests {

    static final QueueRules RULES = QueueRules.defaults();

    /** The slot 10:00–10:30 on some day, as instants. */
    static final Instant START = Instant.parse("2026-09-28T02:00:00Z");
    static final Instant END = START.plus(Duration.ofMinutes(30));

    @Test
    void openingHoursAreCutIntoWholeSlots() {
        List<SlotTime> slots = AppointmentRules.slotTimes(new OpeningHours(LocalTime.of(8, 30), LocalTime.of(17, 30)), 30);
        assertThat(slots).hasSize(18);
        assertThat(slots.getFirst()).isEqualTo(new SlotTime(LocalTime.of(8, 30), LocalTime.of(9, 0)));
        assertThat(slots.getLast()).isEqualTo(new SlotTime(LocalTime.of(17, 0), LocalTime.of(17, 30)));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).as("slots follow each other").isEqualTo(slots.get(i - 1).end());
        }
    }

    @Test
    void aLastPieceShorterThanASlotIsNoSlot() {
        List<SlotTime> slots = AppointmentRules.slotTimes(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(11, 0)), 45);
        assertThat(slots).containsExactly(new SlotTime(LocalTime.of(9, 0), LocalTime.of(9, 45)),
                new SlotTime(LocalTime.of(9, 45), LocalTime.of(10, 30)));
        assertThat(AppointmentRules.slotTimes(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(9, 20)), 30)).isEmpty();
        assertThatThrownBy(() -> AppointmentRules.slotTimes(new OpeningHours(LocalTime.of(9, 0), LocalTime.of(17, 0)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHorizonIsTodayAndTheNextFourteenDays() {
        LocalDate today = LocalDate.of(2026, 9, 28);
        List<LocalDate> days = AppointmentRules.horizon(today, RULES);
        assertThat(days).hasSize(15).startsWith(today).endsWith(LocalDate.of(2026, 10, 12));
        assertThat(AppointmentRules.inHorizon(today, today, RULES)).isTrue();
        assertThat(AppointmentRules.inHorizon(today.plusDays(14), today, RULES)).isTrue();
        assertThat(AppointmentRules.inHorizon(today.plusDays(15), today, RULES)).isFalse();
        assertThat(AppointmentRules.inHorizon(today.minusDays(1), today, RULES)).isFalse();
    }

    @Test
    void aSlotCanBeBookedUntilItStarts() {
        assertThat(AppointmentRules.bookable(START.minusSeconds(1), START)).isTrue();
        assertThat(AppointmentRules.bookable(START, START)).isFalse();
    }

    @Test
    void cancellationEndsOneHourBeforeTheSlot() {
        assertThat(AppointmentRules.cancelDeadline(START, RULES)).isEqualTo(START.minus(Duration.ofHours(1)));
        assertThat(AppointmentRules.cancellable(START.minus(Duration.ofHours(1)), START, RULES)).isTrue();
        assertThat(AppointmentRules.cancellable(START.minus(Duration.ofMinutes(59)), START, RULES)).isFalse();
    }

    @Test
    void checkInOpensThirtyMinutesBeforeAndIsOnTimeUntilFifteenMinutesAfterTheStart() {
        assertThat(AppointmentRules.timing(START.minus(Duration.ofMinutes(31)), START, END, RULES)).isEqualTo(Timing.TOO_EARLY);
        assertThat(AppointmentRules.timing(START.minus(Duration.ofMinutes(30)), START, END, RULES)).isEqualTo(Timing.ON_TIME);
        assertThat(AppointmentRules.timing(START, START, END, RULES)).isEqualTo(Timing.ON_TIME);
        assertThat(AppointmentRules.timing(START.plus(Duration.ofMinutes(15)), START, END, RULES)).isEqualTo(Timing.ON_TIME);
        assertThat(AppointmentRules.checkInOpens(START, RULES)).isEqualTo(START.minus(Duration.ofMinutes(30)));
    }

    @Test
    void afterTheGraceTimeACheckInIsLateUntilTheSlotEndPlusGraceThenExpired() {
        assertThat(AppointmentRules.timing(START.plus(Duration.ofMinutes(15)).plusSeconds(1), START, END, RULES))
                .isEqualTo(Timing.LATE);
        assertThat(AppointmentRules.timing(END, START, END, RULES)).isEqualTo(Timing.LATE);
        assertThat(AppointmentRules.timing(END.plus(Duration.ofMinutes(15)), START, END, RULES)).isEqualTo(Timing.LATE);
        assertThat(AppointmentRules.timing(END.plus(Duration.ofMinutes(15)).plusSeconds(1), START, END, RULES))
                .isEqualTo(Timing.EXPIRED);
        assertThat(AppointmentRules.noShowAt(END, RULES)).isEqualTo(END.plus(Duration.ofMinutes(15)));
    }

    @Test
    void everyMomentHasExactlyOneTimingInOrder() {
        Timing previous = Timing.TOO_EARLY;
        for (int minute = -60; minute <= 90; minute++) {
            Timing t = AppointmentRules.timing(START.plus(Duration.ofMinutes(minute)), START, END, RULES);
            assertThat(t.ordinal()).as("minute %d", minute).isGreaterThanOrEqualTo(previous.ordinal());
            previous = t;
        }
        assertThat(previous).isEqualTo(Timing.EXPIRED);
    }

    @Test
    void threeNoShowsWithinNinetyDaysBanForThirtyDaysAfterTheLatest() {
        Instant now = Instant.parse("2026-09-28T02:00:00Z");
        Instant d1 = now.minus(Duration.ofDays(60));
        Instant d2 = now.minus(Duration.ofDays(20));
        Instant d3 = now.minus(Duration.ofDays(5));
        assertThat(AppointmentRules.bannedUntil(List.of(d1, d2), now, RULES)).isEmpty();
        assertThat(AppointmentRules.bannedUntil(List.of(d2, d1, d3), now, RULES)).contains(d3.plus(Duration.ofDays(30)));
        // the ban ends 30 days after the latest no-show
        Instant later = d3.plus(Duration.ofDays(30));
        assertThat(AppointmentRules.bannedUntil(List.of(d1, d2, d3), later.minusSeconds(1), RULES)).isPresent();
        assertThat(AppointmentRules.bannedUntil(List.of(d1, d2, d3), later, RULES)).isEmpty();
    }

    @Test
    void noShowsOlderThanTheWindowDoNotCount() {
        Instant now = Instant.parse("2026-09-28T02:00:00Z");
        List<Instant> old = List.of(now.minus(Duration.ofDays(91)), now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(2)));
        assertThat(AppointmentRules.bannedUntil(old, now, RULES)).isEmpty();
        QueueRules off = new QueueRules(30, 3, 10, Duration.ofMinutes(30), 1, 3, 2, 8, List.of("会议"),
                Duration.ofMinutes(60), true, 20, 15, 30, 10, Duration.ofMinutes(30), Duration.ofMinutes(15), 0,
                Duration.ofDays(90), Duration.ofDays(30), 14, Duration.ofHours(1));
        assertThat(AppointmentRules.bannedUntil(List.of(now.minusSeconds(3), now.minusSeconds(2), now.minusSeconds(1)),
                now, off)).as("a limit of 0 switches the ban off").isEmpty();
    }

    @Test
    void bookingCodesAreEightUnambiguousCharactersTypedInAnyForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String c = BookingCodes.next();
            assertThat(c).hasSize(8).doesNotContainAnyWhitespaces().matches("[A-HJKMNP-Z2-9]{8}");
            assertThat(c).doesNotContain("0", "O", "1", "I", "L");
            assertThat(BookingCodes.isWellFormed(c)).isTrue();
            seen.add(c);
        }
        assertThat(seen).as("random codes do not repeat in a small sample").hasSize(2000);
        assertThat(BookingCodes.display("K7QM3RZP")).isEqualTo("K7QM-3RZP");
        assertThat(BookingCodes.normalize(" k7qm-3rzp ")).isEqualTo("K7QM3RZP");
        assertThat(BookingCodes.isWellFormed("k7qm 3rzp")).isTrue();
        assertThat(BookingCodes.isWellFormed("K7QM-3RZ0")).as("0 is not in the alphabet").isFalse();
        assertThat(BookingCodes.isWellFormed("K7QM3RZ")).isFalse();
        assertThat(BookingCodes.isWellFormed(null)).isFalse();
    }
}
