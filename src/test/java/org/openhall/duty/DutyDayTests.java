package org.openhall.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhall.duty.DutyDayFixture.MONDAY;
import static org.openhall.duty.DutyDayFixture.at;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.calendar.CalendarApi;
import org.openhall.duty.internal.DutyDays;
import org.openhall.duty.internal.DutyDays.AspectResult;
import org.openhall.duty.internal.DutyDays.DayStatus;
import org.openhall.duty.internal.DutyDays.HandoverData;
import org.openhall.duty.internal.DutyDays.InspectionData;
import org.openhall.duty.internal.DutyDays.Keeper;
import org.openhall.duty.internal.InspectionAspect;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.QueueFixture;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisor's day (DUTY-3..DUTY-5) through {@link DutyDays}: checklists with late ticks, inspections (a finding
 * "not at post" becomes an attendance finding), the handover to the next working day's rostered supervisor with the
 * receiver's confirmation, the submission to the centre office and its overview; bad input changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class DutyDayTests {

    static final MutableClock CLOCK = QueueFixture.CLOCK;

    @Autowired
    DutyDays days;
    @Autowired
    OrganizationCommands org;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarApi calendar;

    DutyDayFixture.Centre c;
    Keeper a;
    Keeper b;
    LocalDate tuesday;

    @BeforeEach
    void centre() {
        CLOCK.set(at(MONDAY, 8, 15));
        c = DutyDayFixture.create(org, accounts);
        a = new Keeper(c.centreId(), c.supervisorA(), c.supervisorALogin());
        b = new Keeper(c.centreId(), c.supervisorB(), c.supervisorBLogin());
        tuesday = calendar.addWorkingDays(c.org().code(), MONDAY, 1);
    }

    void roster() {
        DutyDayFixture.publish(jdbc, c.centreId(), new LocalDate[] {MONDAY, tuesday},
                new long[] {c.supervisorA(), c.supervisorB()});
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(c.centreId())
                .query(Integer.class).single();
    }

    static List<AspectResult> allOk() {
        List<AspectResult> r = new ArrayList<>();
        for (InspectionAspect x : InspectionAspect.values()) {
            r.add(new AspectResult(x, true, null));
        }
        return r;
    }

    static List<AspectResult> with(InspectionAspect aspect, String note) {
        List<AspectResult> r = new ArrayList<>(allOk());
        r.set(aspect.ordinal(), new AspectResult(aspect, false, note));
        return r;
    }

    @Test
    void theOpeningChecklistIsTimedAndALateTickIsFlagged() {
        roster();
        days.tick(a, MONDAY, "open-security-door", null);
        var day = days.day(c.centreId(), MONDAY);
        var check = day.opening().getFirst();
        assertThat(check.ticked()).isTrue();
        assertThat(check.due()).hasToString("08:20");
        assertThat(check.late()).isFalse();
        assertThat(day.status()).isEqualTo(DutyDays.RecordStatus.OPEN);
        assertThat(day.supervisorName()).isEqualTo("刘芳");

        // the door opened less than 10 minutes before work (08:30): late
        CLOCK.set(at(MONDAY, 8, 24));
        DutyDayFixture.Centre other = DutyDayFixture.create(org, accounts);
        Keeper k = new Keeper(other.centreId(), other.supervisorA(), other.supervisorALogin());
        days.tick(k, MONDAY, "open-security-door", "保安晚到");
        var late = days.day(other.centreId(), MONDAY).opening().getFirst();
        assertThat(late.late()).isTrue();
        assertThat(late.note()).isEqualTo("保安晚到");

        assertThatThrownBy(() -> days.tick(a, MONDAY, "open-security-door", null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.item.already-ticked"));
    }

    @Test
    void anotherDayOrAnotherSupervisorCannotTickAndNothingIsWritten() {
        roster();
        assertThatThrownBy(() -> days.tick(a, MONDAY.minusDays(3), "open-security-door", null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("duty.day.not-today");
                });
        assertThatThrownBy(() -> days.tick(a, tuesday, "open-security-door", null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.not-today"));
        // 赵磊 is Tuesday's supervisor, not Monday's
        assertThatThrownBy(() -> days.tick(b, MONDAY, "open-security-door", null))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("duty.day.not-rostered");
                });
        assertThatThrownBy(() -> days.tick(a, MONDAY, "make-coffee", null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.item.not-found"));
        assertThat(days.refusal(b, MONDAY)).isEqualTo("duty.day.not-rostered");
        assertThat(days.refusal(a, MONDAY)).isNull();
        assertThat(count("duty_day_record")).isZero();
        assertThat(count("duty_day_check")).isZero();
    }

    @Test
    void withoutARosterAnySupervisorKeepsTheDay() {
        assertThat(days.rosteredSupervisors(c.centreId(), MONDAY)).isEmpty();
        Keeper noStaff = new Keeper(c.centreId(), null, c.org().supervisor());
        assertThat(days.refusal(noStaff, MONDAY)).isNull();
        days.tick(noStaff, MONDAY, "open-security-door", null);
        assertThat(jdbc.sql("select rostered from duty_day_record where centre_id = ?").param(c.centreId())
                .query(Boolean.class).single()).isFalse();
        // but nobody can be handed over to without a roster for the next day
        assertThatThrownBy(() -> days.handOver(noStaff, MONDAY, new HandoverData(c.supervisorB(), null, true, true)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.handover.not-next-supervisor"));
    }

    @Test
    void anInspectionFindingNotAtPostIsAlsoAnAttendanceFinding() {
        roster();
        CLOCK.set(at(MONDAY, 10, 5));
        long clerk = c.org().medicalStaff()[1];
        long id = days.inspect(a, MONDAY, new InspectionData(c.org().windowId(), clerk,
                with(InspectionAspect.AT_POST, "10:05 不在岗，未摆放暂停服务牌"), "群众等候约5分钟"));
        var inspection = days.day(c.centreId(), MONDAY).inspections().getFirst();
        assertThat(inspection.id()).isEqualTo(id);
        assertThat(inspection.findings()).isEqualTo(1);
        assertThat(inspection.windowNumber()).isEqualTo("5");
        assertThat(inspection.staffName()).isEqualTo("张伟");
        var atPost = inspection.aspects().getFirst();
        assertThat(atPost.aspect()).isEqualTo(InspectionAspect.AT_POST);
        assertThat(atPost.ok()).isFalse();
        assertThat(atPost.findingId()).isNotNull();
        var finding = jdbc.sql("select * from att_finding where id = ?").param(atPost.findingId())
                .query((rs, n) -> List.of(rs.getString("kind"), rs.getString("rule_code"), rs.getString("clause"),
                        rs.getString("source"), rs.getLong("staff_id"), rs.getLong("window_id"), rs.getString("note")))
                .single();
        assertThat(finding).containsExactly("ABSENT_FROM_POST", "inspection-not-at-post",
                "上杭县社会保障服务中心督导员值班制度 三.1", "inspection:" + id, clerk, c.org().windowId(),
                "10:05 不在岗，未摆放暂停服务牌");

        // a finding on another aspect is not an attendance finding
        days.inspect(a, MONDAY, new InspectionData(c.org().windowId(), clerk,
                with(InspectionAspect.HYGIENE, "台面堆放杂物"), null));
        assertThat(count("att_finding")).isEqualTo(1);
        assertThat(days.day(c.centreId(), MONDAY).findings()).isEqualTo(2);
    }

    @Test
    void badInspectionsAreRefusedAndWriteNothing() {
        roster();
        long clerk = c.org().medicalStaff()[1];
        DutyDayFixture.Centre other = DutyDayFixture.create(org, accounts);
        assertThatThrownBy(() -> days.inspect(a, MONDAY, new InspectionData(other.org().windowId(), clerk, allOk(), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(e.messageKey()).isEqualTo("duty.day.window.not-found");
                });
        assertThatThrownBy(() -> days.inspect(a, MONDAY, new InspectionData(c.org().windowId(),
                other.org().medicalStaff()[1], allOk(), null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.staff.not-found"));
        assertThatThrownBy(() -> days.inspect(a, MONDAY, new InspectionData(c.org().windowId(), clerk,
                with(InspectionAspect.AT_POST, " "), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("duty.day.inspection.note-required");
                    assertThat(e.field()).isEqualTo("note-AT_POST");
                });
        assertThatThrownBy(() -> days.inspect(a, MONDAY, new InspectionData(c.org().windowId(), clerk,
                allOk().subList(0, 6), null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.inspection.aspects-incomplete"));
        assertThat(count("duty_inspection")).isZero();
        assertThat(count("duty_day_record")).isZero();
        assertThat(jdbc.sql("select count(*) from att_finding where centre_id in (?, ?)")
                .params(c.centreId(), other.centreId()).query(Integer.class).single()).isZero();
    }

    @Test
    void theHandoverGoesToTheNextDaysSupervisorWhoConfirms() {
        roster();
        CLOCK.set(at(MONDAY, 17, 10));
        long stranger = c.org().medicalStaff()[2];
        assertThatThrownBy(() -> days.handOver(a, MONDAY, new HandoverData(stranger, "无", true, true)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.messageKey()).isEqualTo("duty.day.handover.not-next-supervisor");
                    assertThat(e.args()).containsExactly(tuesday.toString());
                });
        assertThat(count("duty_handover")).isZero();
        assertThat(count("duty_day_record")).isZero();

        long id = days.handOver(a, MONDAY, new HandoverData(c.supervisorB(), "5号窗口叫号机偶发卡纸，已报修", true, true));
        var handover = days.day(c.centreId(), MONDAY).handover();
        assertThat(handover.toName()).isEqualTo("赵磊");
        assertThat(handover.toDay()).isEqualTo(tuesday);
        assertThat(handover.confirmed()).isFalse();
        assertThat(days.awaitingConfirmation(c.centreId(), c.supervisorB())).extracting(DutyDays.Handover::id)
                .containsExactly(id);

        assertThatThrownBy(() -> days.confirm(a, id))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.handover.not-receiver"));
        CLOCK.set(at(MONDAY, 17, 20));
        days.confirm(b, id);
        assertThat(days.awaitingConfirmation(c.centreId(), c.supervisorB())).isEmpty();
        assertThat(days.day(c.centreId(), MONDAY).handover().confirmedBy()).isEqualTo(c.supervisorBLogin());
        assertThatThrownBy(() -> days.handOver(a, MONDAY, new HandoverData(c.supervisorB(), "改", true, true)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.handover.confirmed"));
    }

    @Test
    void submittingNeedsTheClosingChecklistAndIsFinal() {
        roster();
        days.tick(a, MONDAY, "open-security-door", null);
        days.saveLog(a, MONDAY, new DutyDays.LogData("全员到岗", "服务规范", "无", "受理业务126件", "无"));
        assertThatThrownBy(() -> days.submit(a, MONDAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
                    assertThat(e.messageKey()).isEqualTo("duty.day.submit.closing-incomplete");
                    assertThat(e.args()).containsExactly(4L);
                });
        CLOCK.set(at(MONDAY, 17, 18));
        days.tick(a, MONDAY, "close-security-door", null);
        days.tick(a, MONDAY, "power-off", null);
        days.tick(a, MONDAY, "doors-windows", null);
        assertThatThrownBy(() -> days.submit(a, MONDAY)).isInstanceOf(DomainException.class);
        assertThat(days.day(c.centreId(), MONDAY).status()).isEqualTo(DutyDays.RecordStatus.OPEN);
        days.tick(a, MONDAY, "main-door", null);
        days.submit(a, MONDAY);

        var day = days.day(c.centreId(), MONDAY);
        assertThat(day.submitted()).isTrue();
        assertThat(day.submittedLate()).isFalse();
        assertThat(day.log().business()).isEqualTo("受理业务126件");
        assertThat(day.closing()).allMatch(DutyDays.Check::ticked).noneMatch(DutyDays.Check::late);
        assertThatThrownBy(() -> days.saveLog(a, MONDAY,
                new DutyDays.LogData("改", null, null, null, null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("duty.day.submitted"));
        assertThat(days.day(c.centreId(), MONDAY).log().attendance()).isEqualTo("全员到岗");
    }

    @Test
    void theOfficeSeesSubmittedLateOpenAndMissingDays() {
        // the three working days before: the first missing, the second submitted on time, the third late
        LocalDate fri = previousWorkingDay(MONDAY);
        LocalDate thu = previousWorkingDay(fri);
        LocalDate wed = previousWorkingDay(thu);
        Keeper any = new Keeper(c.centreId(), c.supervisorA(), c.supervisorALogin());
        keepWholeDay(any, thu, 17, 25);
        keepWholeDay(any, fri, 18, 5);
        CLOCK.set(at(MONDAY, 9, 0));
        days.tick(any, MONDAY, "open-security-door", null);

        var rows = days.overview(c.centreId(), wed, MONDAY.plusDays(3));
        // only the calendar's working days, and none after today
        assertThat(rows).extracting(DutyDays.OverviewRow::day).containsExactly(MONDAY, fri, thu, wed);
        assertThat(rows).extracting(DutyDays.OverviewRow::day).doesNotContain(MONDAY.plusDays(1));
        assertThat(rows).extracting(DutyDays.OverviewRow::status)
                .containsExactly(DayStatus.OPEN, DayStatus.LATE, DayStatus.SUBMITTED, DayStatus.MISSING);
        assertThat(rows.get(2).supervisorName()).isEqualTo("刘芳");
        assertThat(rows.get(2).inspections()).isEqualTo(1);
    }

    private LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!calendar.isWorkingDay(c.org().code(), d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private void keepWholeDay(Keeper k, LocalDate day, int submitHour, int submitMinute) {
        CLOCK.set(at(day, 8, 15));
        days.tick(k, day, "open-security-door", null);
        CLOCK.set(at(day, 10, 0));
        days.inspect(k, day, new InspectionData(c.org().windowId(), c.org().medicalStaff()[1], allOk(), null));
        CLOCK.set(at(day, 17, 20));
        for (String item : List.of("close-security-door", "power-off", "doors-windows", "main-door")) {
            days.tick(k, day, item, null);
        }
        CLOCK.set(at(day, submitHour, submitMinute));
        days.submit(k, day);
    }
}
