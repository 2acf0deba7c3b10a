package org.openhall.duty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.OpeningHours;
import org.openhall.duty.internal.DutyDayRules.Anchor;
import org.openhall.duty.internal.DutyDayRules.ChecklistItem;
import org.openhall.duty.internal.DutyDayRules.Phase;

/** The regulation's defaults of the supervisor's day (督导员值班制度 四.4, 四.5) and configured checklists (DUTY-3). */
class DutyDayRulesTests {

    static final OpeningHours HOURS = new OpeningHours(LocalTime.of(8, 30), LocalTime.of(17, 30));

    @Test
    void theDefaultsAreTheRegulations() {
        DutyDayRules rules = new DutyDayRules(null, null, Duration.ZERO, "督导员值班制度 三.1", 31);
        assertThat(rules.opening()).extracting(ChecklistItem::code).containsExactly("open-security-door");
        // 四.4: the security door 10 minutes before work
        assertThat(rules.opening().getFirst().dueOn(HOURS)).isEqualTo(LocalTime.of(8, 20));
        assertThat(rules.closing()).extracting(ChecklistItem::code)
                .containsExactly("close-security-door", "power-off", "doors-windows", "main-door");
        // 四.4: closed 10 minutes before the end of work; the rest after work
        assertThat(rules.closing()).extracting(i -> i.dueOn(HOURS))
                .containsExactly(LocalTime.of(17, 20), LocalTime.of(18, 0), LocalTime.of(18, 0), LocalTime.of(18, 0));
        // 四.5: the record by the end of work
        assertThat(rules.submitDue(HOURS)).isEqualTo(LocalTime.of(17, 30));
        assertThat(rules.item("main-door").phase()).isEqualTo(Phase.CLOSING);
        assertThat(rules.item("open-security-door").phase()).isEqualTo(Phase.OPENING);
        assertThat(rules.item("nothing")).isNull();
    }

    @Test
    void aCentreConfiguresItsOwnChecklist() {
        DutyDayRules rules = new DutyDayRules(
                List.of(new ChecklistItem("open-security-door", Anchor.OPENS, -5, null),
                        new ChecklistItem("queue-machine", Anchor.OPENS, 0, "开启取号机")),
                null, Duration.ofMinutes(30), "x", 7);
        assertThat(rules.opening()).extracting(i -> i.dueOn(HOURS))
                .containsExactly(LocalTime.of(8, 25), LocalTime.of(8, 30));
        assertThat(rules.item("queue-machine").item().label()).isEqualTo("开启取号机");
        assertThat(rules.closing()).hasSize(4);
        assertThat(rules.submitDue(HOURS)).isEqualTo(LocalTime.of(18, 0));
        assertThatThrownBy(() -> new DutyDayRules(List.of(new ChecklistItem("main-door", Anchor.OPENS, 0, null)), null,
                Duration.ZERO, "x", 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
