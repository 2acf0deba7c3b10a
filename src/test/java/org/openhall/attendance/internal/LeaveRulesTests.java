package org.openhall.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openhall.attendance.LeaveType;
import org.openhall.shared.DomainException;

/** ATT-2 rules without Spring: the chain chosen by type and length (考勤及离岗告知制度 三), and spans in half days. */
class LeaveRulesTests {

    static final LeaveRules RULES = LeaveRules.defaults();
    static final Predicate<LocalDate> WEEKDAYS = d -> d.getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue();
    static final LocalDate MON = LocalDate.of(2026, 11, 2);

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void upToOneDayTheUnitHeadAlone() {
        for (String days : List.of("0.5", "1")) {
            var plan = LeaveChainRule.plan(RULES, LeaveType.PERSONAL, d(days));
            assertThat(plan.stages()).containsExactly(LeaveStage.UNIT_HEAD);
            assertThat(plan.fileWithOffice()).isFalse();
            assertThat(plan.standInRequired()).isFalse();
        }
    }

    @Test
    void upToTwoDaysTheDeputyLeaderThenFiledWithTheOffice() {
        for (String days : List.of("1.5", "2")) {
            var plan = LeaveChainRule.plan(RULES, LeaveType.SICK, d(days));
            assertThat(plan.kind()).isEqualTo(LeaveChainRule.Kind.DEPUTY_LEADER);
            assertThat(plan.stages()).containsExactly(LeaveStage.DEPUTY_LEADER);
            assertThat(plan.fileWithOffice()).isTrue();
            assertThat(plan.standInRequired()).isFalse();
        }
    }

    @Test
    void overTwoDaysThePrincipalLeadersJointlyWithAStandIn() {
        var plan = LeaveChainRule.plan(RULES, LeaveType.PERSONAL, d("2.5"));
        assertThat(plan.stages()).containsExactly(LeaveStage.PRINCIPAL_LEADERS);
        assertThat(plan.standInRequired()).isTrue();
        assertThat(LeaveChainRule.plan(RULES, LeaveType.SICK, d("30")).kind())
                .isEqualTo(LeaveChainRule.Kind.PRINCIPAL_LEADERS);
    }

    @Test
    void overThirtyDaysRefusedExceptMaternity() {
        assertThatThrownBy(() -> LeaveChainRule.plan(RULES, LeaveType.SICK, d("30.5")))
                .isInstanceOf(DomainException.class).hasMessage("att.leave.too-long");
        var maternity = LeaveChainRule.plan(RULES, LeaveType.MATERNITY, d("98"));
        assertThat(maternity.stages()).containsExactly(LeaveStage.PRINCIPAL_LEADERS);
        assertThat(maternity.standInRequired()).isTrue();
    }

    @Test
    void annualLeaveHasItsOwnChainWhateverItsLength() {
        var one = LeaveChainRule.plan(RULES, LeaveType.ANNUAL, d("1"));
        assertThat(one.kind()).isEqualTo(LeaveChainRule.Kind.ANNUAL);
        assertThat(one.stages()).containsExactly(LeaveStage.PRINCIPAL_LEADERS);
        assertThat(one.fileWithOffice()).isTrue();
        assertThat(one.standInRequired()).isFalse();
        assertThat(LeaveChainRule.plan(RULES, LeaveType.ANNUAL, d("5")).standInRequired()).isTrue();
    }

    @Test
    void thresholdsAreConfiguration() {
        var rules = new LeaveRules(d("0.5"), d("3"), false, true, true, d("3"), d("10"), Set.of(), 
                List.of(LeaveStage.UNIT_HEAD), false, false);
        assertThat(LeaveChainRule.plan(rules, LeaveType.PERSONAL, d("1")).stages()).containsExactly(LeaveStage.DEPUTY_LEADER);
        assertThat(LeaveChainRule.plan(rules, LeaveType.PERSONAL, d("0.5")).fileWithOffice()).isTrue();
        assertThat(LeaveChainRule.plan(rules, LeaveType.PERSONAL, d("3")).standInRequired()).isFalse();
        assertThat(LeaveChainRule.plan(rules, LeaveType.ANNUAL, d("2")).stages()).containsExactly(LeaveStage.UNIT_HEAD);
        assertThatThrownBy(() -> LeaveChainRule.plan(rules, LeaveType.MATERNITY, d("11"))).isInstanceOf(DomainException.class);
    }

    @Test
    void spansCountWorkingDaysInHalfDays() {
        assertThat(new LeaveSpan(MON, false, MON, false).workingDays(WEEKDAYS)).isEqualByComparingTo("1");
        assertThat(new LeaveSpan(MON, true, MON, false).workingDays(WEEKDAYS)).isEqualByComparingTo("0.5");
        assertThat(new LeaveSpan(MON, false, MON, true).workingDays(WEEKDAYS)).isEqualByComparingTo("0.5");
        assertThat(new LeaveSpan(MON, true, MON.plusDays(1), true).workingDays(WEEKDAYS)).isEqualByComparingTo("1");
        // Friday to Monday: the weekend is not counted
        assertThat(new LeaveSpan(MON.plusDays(4), false, MON.plusDays(7), false).workingDays(WEEKDAYS))
                .isEqualByComparingTo("2");
        assertThat(new LeaveSpan(MON.plusDays(5), false, MON.plusDays(6), false).workingDays(WEEKDAYS)).isZero();
        assertThat(new LeaveSpan(MON, false, MON.plusDays(41), false).workingDays(WEEKDAYS).toPlainString()).isEqualTo("30");
    }

    @Test
    void spansAreStoredAsLocalTimesWithAnExclusiveEnd() {
        LeaveSpan s = new LeaveSpan(MON, true, MON.plusDays(2), true);
        assertThat(s.start()).isEqualTo(LocalDateTime.of(2026, 11, 2, 12, 0));
        assertThat(s.end()).isEqualTo(LocalDateTime.of(2026, 11, 4, 12, 0));
        assertThat(LeaveSpan.of(s.start(), s.end())).isEqualTo(s);
        LeaveSpan full = new LeaveSpan(MON, false, MON, false);
        assertThat(full.end()).isEqualTo(LocalDateTime.of(2026, 11, 3, 0, 0));
        assertThat(LeaveSpan.of(full.start(), full.end())).isEqualTo(full);
        assertThat(full.overlaps(MON.atTime(12, 0), MON.atTime(18, 0))).isTrue();
        assertThat(full.overlaps(MON.plusDays(1).atStartOfDay(), MON.plusDays(2).atStartOfDay())).isFalse();
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThatThrownBy(() -> new LeaveSpan(MON, false, MON.minusDays(1), false))
                .isInstanceOf(DomainException.class).hasMessage("att.leave.end-before-start");
        assertThatThrownBy(() -> new LeaveSpan(MON, true, MON, true))
                .isInstanceOf(DomainException.class).hasMessage("att.leave.end-before-start");
    }
}
