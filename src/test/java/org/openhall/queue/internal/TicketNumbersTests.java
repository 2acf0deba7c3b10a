package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Q-1 numbering: prefix + zero-padded value inside the range, wrapping around; Q-4 the spoken call. */
class TicketNumbersTests {

    @Test
    void numbersArePaddedToTheRangeWidth() {
        assertThat(TicketNumbers.format("A", 1, 999, 1)).isEqualTo("A001");
        assertThat(TicketNumbers.format("A", 1, 999, 12)).isEqualTo("A012");
        assertThat(TicketNumbers.format("GC", 1, 9999, 7)).isEqualTo("GC0007");
        assertThat(TicketNumbers.format("B", 0, 50, 1)).isEqualTo("B000");
        assertThat(TicketNumbers.format("B", 0, 999_999, 2)).isEqualTo("B000001");
    }

    @Test
    void theRangeWrapsAround() {
        assertThat(TicketNumbers.format("A", 1, 999, 999)).isEqualTo("A999");
        assertThat(TicketNumbers.format("A", 1, 999, 1000)).isEqualTo("A001");
        assertThat(TicketNumbers.format("A", 1, 999, 1001)).isEqualTo("A002");
        // a range of three numbers: 101, 102, 103, 101, ...
        assertThat(TicketNumbers.value(101, 103, 1)).isEqualTo(101);
        assertThat(TicketNumbers.value(101, 103, 3)).isEqualTo(103);
        assertThat(TicketNumbers.value(101, 103, 4)).isEqualTo(101);
        assertThat(TicketNumbers.value(101, 103, 8)).isEqualTo(102);
        for (int seq = 1; seq <= 5000; seq++) {
            int v = TicketNumbers.value(5, 40, seq);
            assertThat(v).isBetween(5, 40).isEqualTo(5 + (seq - 1) % 36);
        }
        assertThatThrownBy(() -> TicketNumbers.value(1, 999, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicCodesUseTheUnambiguousAlphabet() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = TicketNumbers.publicCode();
            assertThat(code).hasSize(6).matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}");
            seen.add(code);
        }
        assertThat(seen.size()).isGreaterThan(1990);
    }

    @Test
    void theCallIsSpokenDigitByDigit() {
        assertThat(Announcements.text("A012", "3")).isEqualTo("请 A012 号到 3 号窗口办理");
        assertThat(Announcements.speech("A012", "3")).isEqualTo("请 A 零 一 二 号到 3 号窗口办理");
        assertThat(Announcements.spell("GC1090")).isEqualTo("G C 一 零 九 零");
    }
}
