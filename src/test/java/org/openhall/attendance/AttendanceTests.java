package org.openhall.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhall.attendance.AttendanceFixture.DAY;
import static org.openhall.attendance.AttendanceFixture.at;
import static org.openhall.attendance.AttendanceFixture.clock;

import java.io.ByteArrayInputStream;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.attendance.internal.Attendance;
import org.openhall.attendance.internal.AttendanceReports;
import org.openhall.attendance.internal.AttendanceScan;
import org.openhall.organization.OrganizationCommands;
import org.openhall.queue.QueueApi;
import org.openhall.queue.QueueFixture;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attendance core against the database (ATT-1, ATT-3, ATT-4, ATT-5): sign-in and sign-out judged against the hours
 * due and approved leave; the queue console's sign-in as the day's sign-in; time away from the window without notice
 * becoming 脱岗 once; absence notices with their refusals (nothing written) and the 告知牌 on the window; a late return;
 * on leave without a notice as 早退; a day without sign-in as 旷工; checks; the monthly report and its .xlsx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class AttendanceTests {

    @Autowired
    OrganizationCommands orgCommands;
    @Autowired
    UserAccounts accounts;
    @Autowired
    QueueServices services;
    @Autowired
    QueueDesk desk;
    @Autowired
    QueueApi queue;
    @Autowired
    Attendance attendance;
    @Autowired
    AttendanceScan scan;
    @Autowired
    AttendanceReports reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    QueueFixture.Floor f;
    long window;
    long clerk;
    long centre;

    @BeforeEach
    void floor() {
        clock("08:00");
        f = QueueFixture.create(orgCommands, accounts, services, 1);
        window = f.windows()[0];
        clerk = f.staff()[0];
        centre = f.centreId();
    }

    List<AttendanceReports.Finding> findings() {
        return reports.findings(centre, YearMonth.of(2026, 9), null, null);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").params(centre).query(Long.class).single();
    }

    static DomainException refusal(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    String zh(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void signInOnTimeThenTwiceIsRefusedAndLateIsAFinding() {
        clock("08:15");
        Attendance.Day d = attendance.signIn(clerk, "clerk");
        assertThat(d.signedIn()).isTrue();
        assertThat(d.due()).isNotNull();
        assertThat(d.due().start()).isEqualTo(LocalTime.of(8, 20));
        assertThat(findings()).isEmpty();

        clock("08:16");
        DomainException twice = refusal(() -> attendance.signIn(clerk, "clerk"));
        assertThat(twice.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(zh(twice)).isEqualTo("今天已于 08:15 签到，不能重复签到");
        assertThat(count("att_day")).isEqualTo(1);

        // another person, 08:41: 迟到 citing the clause
        long other = f.org().medicalStaff()[2];
        clock("08:41");
        attendance.signIn(other, "yb03");
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FindingKind.LATE);
            assertThat(x.rule()).isEqualTo("late-sign-in");
            assertThat(x.clause()).contains("第四条1").contains("一.17");
            assertThat(x.note()).isEqualTo("签到 08:41，应到 08:20");
        });
    }

    @Test
    void signOutBeforeTheEndIsEarlyUnlessLeaveCoversTheRest() {
        long other = f.org().medicalStaff()[2];
        clock("08:10");
        attendance.signIn(clerk, "clerk");
        attendance.signIn(other, "other");
        AttendanceFixture.approvedLeave(jdbc, centre, other, DAY.atTime(15, 0), DAY.atTime(17, 30));
        clock("15:00");
        attendance.signOut(other, "other");
        assertThat(findings()).isEmpty();
        clock("16:50");
        attendance.signOut(clerk, "clerk");
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FindingKind.EARLY_LEAVE);
            assertThat(x.rule()).isEqualTo("early-sign-out");
        });
        DomainException again = refusal(() -> attendance.signOut(clerk, "clerk"));
        assertThat(again.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(findings()).hasSize(1);
    }

    @Test
    void theConsoleSignInIsTheDaysSignInAndFortyMinutesPausedWithoutNoticeIs脱岗Once() {
        clock("08:12");
        desk.signIn(window, clerk, "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        Attendance.Day d = attendance.today(clerk);
        assertThat(d.signedIn()).isTrue();
        assertThat(d.signInVia()).isEqualTo("WINDOW");
        assertThat(refusal(() -> attendance.signIn(clerk, "clerk")).kind()).isEqualTo(DomainException.Kind.CONFLICT);

        clock("10:00");
        desk.pause(window, "用餐", null, at("10:30"), "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        clock("10:25");
        assertThat(scan.scan(centre)).isZero();
        clock("10:40");
        assertThat(scan.scan(centre)).isEqualTo(1);
        assertThat(scan.scan(centre)).isZero();
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FindingKind.ABSENT_FROM_POST);
            assertThat(x.rule()).isEqualTo("absence-without-notice");
            assertThat(x.clause()).isEqualTo("考勤及离岗告知制度 四.1、四.3");
            assertThat(x.window()).isEqualTo(f.numbers()[0]);
            assertThat(x.note()).contains("暂停服务（用餐）").contains("40 分钟").contains("未履行离岗告知手续");
            assertThat(x.observedAt()).isEqualTo(at("10:30"));
        });
        // a short pause with a resume is nothing
        desk.resume(window, "clerk");
        clock("11:00");
        desk.pause(window, "临时离岗", null, at("11:20"), "clerk");
        clock("11:20");
        desk.resume(window, "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        clock("12:00");
        assertThat(scan.scan(centre)).isZero();
    }

    @Test
    void aNoticeIsRefusedForBadInputThenShownOnTheWindowAndALateReturnIs迟到() {
        clock("08:12");
        desk.signIn(window, clerk, "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        clock("10:00");
        String bName = f.org().medicalStaff().length > 0 ? "李秀英" : "";

        DomainException past = refusal(() -> attendance.startNotice(clerk, "送审材料", "13800001111", LocalTime.of(9, 30),
                f.org().medicalStaff()[0], "clerk"));
        assertThat(past.field()).isEqualTo("expectedBack");
        assertThat(zh(past)).isEqualTo("预计返回时间 09:30 已过（现在 10:00），请填写以后的时间");

        DomainException noStandIn = refusal(() -> attendance.startNotice(clerk, "送审材料", "13800001111",
                LocalTime.of(10, 45), null, "clerk"));
        assertThat(noStandIn.field()).isEqualTo("standIn");
        assertThat(zh(noStandIn)).isEqualTo(f.numbers()[0] + "号窗口只有您一人，离岗前须安排替岗人员（建议：B岗 " + bName + "）");

        assertThat(refusal(() -> attendance.startNotice(clerk, " ", "13800001111", LocalTime.of(10, 45),
                f.org().medicalStaff()[0], "clerk")).field()).isEqualTo("reason");
        assertThat(refusal(() -> attendance.startNotice(clerk, "送审材料", "", LocalTime.of(10, 45),
                f.org().medicalStaff()[0], "clerk")).field()).isEqualTo("contact");
        assertThat(refusal(() -> attendance.startNotice(clerk, "送审材料", "138", LocalTime.of(10, 45), clerk, "clerk"))
                .field()).isEqualTo("standIn");
        assertThat(count("att_notice")).isZero();
        assertThat(queue.notice(window)).isEmpty();

        assertThat(attendance.proposedStandIn(clerk)).hasValueSatisfying(p -> {
            assertThat(p.post()).isEqualTo("B");
            assertThat(p.holder().staffId()).isEqualTo(f.org().medicalStaff()[0]);
        });
        Attendance.Notice n = attendance.startNotice(clerk, "到医保局送审材料", "13800001111", LocalTime.of(10, 45),
                f.org().medicalStaff()[0], "clerk");
        assertThat(n.active()).isTrue();
        assertThat(queue.notice(window)).hasValueSatisfying(s -> {
            assertThat(s.reason()).isEqualTo("到医保局送审材料");
            assertThat(s.standInName()).isEqualTo("李秀英");
            assertThat(s.expectedBack()).isEqualTo(at("10:45"));
        });
        assertThat(jdbc.sql("select count(*) from q_event where window_id = ? and event_type = 'window.notice'")
                .params(window).query(Long.class).single()).isEqualTo(1);
        assertThat(refusal(() -> attendance.startNotice(clerk, "又走", "1", LocalTime.of(11, 0),
                f.org().medicalStaff()[0], "clerk")).kind()).isEqualTo(DomainException.Kind.CONFLICT);

        // an hour away with a notice is no 脱岗; back at 10:55, ten minutes late: 迟到 (四.3)
        clock("10:50");
        assertThat(scan.scan(centre)).isZero();
        clock("10:55");
        attendance.endNotice(clerk, "clerk");
        assertThat(queue.notice(window)).isEmpty();
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FindingKind.LATE);
            assertThat(x.rule()).isEqualTo("notice-late-return");
            assertThat(x.clause()).isEqualTo("考勤及离岗告知制度 四.3");
        });
        assertThat(refusal(() -> attendance.endNotice(clerk, "clerk")).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void aNoticeNotEndedLongAfterItsReturnIs脱岗AndTheConsoleResumeEndsIt() {
        clock("08:12");
        desk.signIn(window, clerk, "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        clock("14:00");
        desk.pause(window, "临时离岗", null, at("14:30"), "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        attendance.startNotice(clerk, "参加业务培训", "分机 8021", LocalTime.of(14, 30), f.org().medicalStaff()[0], "clerk");
        clock("15:01");
        assertThat(scan.scan(centre)).isEqualTo(1);
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FindingKind.ABSENT_FROM_POST);
            assertThat(x.rule()).isEqualTo("notice-overdue");
        });
        clock("15:10");
        desk.resume(window, "clerk");
        AttendanceFixture.awaitListeners(jdbc);
        assertThat(attendance.activeNotice(clerk)).isEmpty();
        assertThat(queue.notice(window)).isEmpty();
        assertThat(findings()).hasSize(1);
    }

    @Test
    void onLeaveWithoutNoticeIs早退AndADayWithoutSignInIs旷工() {
        long other = f.org().medicalStaff()[2];
        long third = f.org().medicalStaff()[1];
        clock("08:10");
        attendance.signIn(clerk, "clerk");
        attendance.signIn(other, "other");
        AttendanceFixture.approvedLeave(jdbc, centre, clerk, DAY.atTime(14, 0), DAY.atTime(17, 30));
        // the post holder of window 5 of the fixture (third) never signs in; the B-post holder has leave all afternoon
        clock("14:29");
        assertThat(scan.scan(centre)).isZero();
        clock("14:31");
        assertThat(scan.scan(centre)).isEqualTo(1);
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(FindingKind.EARLY_LEAVE);
            assertThat(x.rule()).isEqualTo("leave-without-notice");
            assertThat(x.clause()).contains("四.3").contains("按早退处理");
        });
        clock("17:31");
        assertThat(scan.scan(centre)).isEqualTo(1);
        assertThat(scan.scan(centre)).isZero();
        assertThat(findings()).filteredOn(x -> x.kind() == FindingKind.ABSENTEEISM).singleElement().satisfies(x -> {
            assertThat(x.staffId()).isEqualTo(third);
            assertThat(x.rule()).isEqualTo("absent-day");
            assertThat(x.note()).isEqualTo("全天未签到，也无批准的请假");
        });

        // the report: per person, window and department, and as .xlsx
        attendance.signOut(other, "other");
        AttendanceReports.Report r = reports.report(centre, YearMonth.of(2026, 9), null);
        assertThat(r.people()).anySatisfy(l -> {
            assertThat(l.name()).contains("窗口员0");
            assertThat(l.daysWorked()).isEqualTo(1);
            assertThat(l.leaveDays()).isEqualTo(0.5);
            assertThat(l.count(FindingKind.EARLY_LEAVE)).isEqualTo(1);
        });
        assertThat(r.departments()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("医保中心");
            assertThat(l.total()).isEqualTo(2);
        });
        byte[] xlsx = reports.export(centre, YearMonth.of(2026, 9), null, Locale.SIMPLIFIED_CHINESE);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            Sheet people = wb.getSheetAt(0);
            assertThat(people.getSheetName()).isEqualTo("按人员");
            assertThat(people.getRow(2).getCell(4).getStringCellValue()).isEqualTo("迟到");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSupervisorRecordsACheckAndTheMonthIsPublishedOnce() {
        clock("10:00");
        DomainException future = refusal(() -> reports.recordCheck(centre, clerk, FindingKind.ABSENT_FROM_POST,
                LocalTime.of(10, 30), "不在岗", "supervisor"));
        assertThat(future.field()).isEqualTo("at");
        assertThat(refusal(() -> reports.recordCheck(centre, clerk, null, LocalTime.of(9, 30), "不在岗", "supervisor"))
                .field()).isEqualTo("kind");
        assertThat(count("att_finding")).isZero();
        reports.recordCheck(centre, clerk, FindingKind.ABSENT_FROM_POST, LocalTime.of(9, 30), "巡查时窗口无人，未放告知牌",
                "supervisor");
        assertThat(findings()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("check");
            assertThat(x.source()).isEqualTo("check:supervisor");
            assertThat(x.clause()).contains("四.3");
        });
        reports.publish(centre, YearMonth.of(2026, 9), "office");
        assertThat(reports.bulletin(centre, YearMonth.of(2026, 9))).isPresent();
        assertThat(refusal(() -> reports.publish(centre, YearMonth.of(2026, 9), "office")).kind())
                .isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refusal(() -> reports.publish(centre, YearMonth.of(2026, 11), "office")).kind())
                .isEqualTo(DomainException.Kind.INVALID);
    }
}
