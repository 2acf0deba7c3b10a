package org.openhall.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.duty.internal.Drills;
import org.openhall.duty.internal.IncidentKind;
import org.openhall.duty.internal.IncidentStatus;
import org.openhall.duty.internal.Incidents;
import org.openhall.duty.internal.LeaderDuty;
import org.openhall.duty.internal.LeaderDutySheets;
import org.openhall.duty.internal.LeaderKind;
import org.openhall.duty.internal.ShiftLeads;
import org.openhall.duty.internal.SitInAttendance;
import org.openhall.duty.internal.SitInCompliance.Reason;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.openhall.test.Http;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Leaders on duty (DUTY-6) and incidents (DUTY-7) through their services, as the signed-in users of the pages would
 * act: the rules on reports (working day, deadline, own department), attendance and the non-compliance list with its
 * export, the 带班 record, the incident lifecycle with the leader's in-system message, drills; bad input changes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LeadersTestClock.class)
class LeaderDutyTests {

    @Autowired
    OrganizationCommands commands;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    LeaderDuty leaders;

    @Autowired
    ShiftLeads shiftLeads;

    @Autowired
    Incidents incidents;

    @Autowired
    Drills drills;

    @Autowired
    LeaderDutySheets sheets;

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    LeadersFixture.Centre c;
    OrgFixture.Org o;

    @BeforeEach
    void setUp() {
        LeadersTestClock.CLOCK.set(LeadersTestClock.WEDNESDAY);
        c = LeadersFixture.create(commands, accounts);
        o = c.org();
    }

    <T> T as(String username, Supplier<T> action) {
        UserDetails u = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = :c").param("c", o.centreId())
                .query(Long.class).single();
    }

    long audits(String entity) {
        return jdbc.sql("select count(*) from audit_log where centre_id = :c and entity_type = :e")
                .param("c", o.centreId()).param("e", entity).query(Long.class).single();
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    DomainException refused(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aDepartmentReportsNextWeeksDayOnAWorkingDayOfItsOwn() {
        LeaderDuty.SitIn s = as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.medicalStaff()[0],
                d("2026-12-09")));
        assertThat(s.late()).isFalse();
        assertThat(s.weekMonday()).isEqualTo(d("2026-12-07"));
        assertThat(s.attendance()).isEqualTo(SitInAttendance.PENDING);
        assertThat(audits("DutySitIn")).isEqualTo(1);

        // a Saturday, a day gone, a day beyond next week, another department, the same day twice: refused, nothing written
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.medicalStaff()[0],
                d("2026-12-12")))).messageKey()).isEqualTo("duty.leaders.report.notWorkingDay");
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.medicalStaff()[0],
                d("2026-12-01")))).messageKey()).isEqualTo("duty.leaders.report.past");
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.medicalStaff()[0],
                d("2026-12-16")))).messageKey()).isEqualTo("duty.leaders.report.tooFar");
        DomainException other = refused(() -> as(o.medicalHead(), () -> leaders.report(o.centreId(), o.employment(),
                o.employmentStaff()[0], d("2026-12-10"))));
        assertThat(other.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(other.messageKey()).isEqualTo("duty.leaders.report.otherDepartment");
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.employmentStaff()[0],
                d("2026-12-10")))).messageKey()).isEqualTo("duty.leaders.report.leaderNotInDepartment");
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.medicalStaff()[0],
                d("2026-12-09")))).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(count("duty_sit_in")).isEqualTo(1);
        assertThat(audits("DutySitIn")).isEqualTo(1);

        // after Friday's deadline: accepted, flagged late
        LeadersTestClock.CLOCK.set(LeadersTestClock.at10("2026-12-05"));
        LeaderDuty.SitIn late = as(o.employmentHead(), () -> leaders.report(o.centreId(), o.employment(),
                o.employmentStaff()[0], d("2026-12-10")));
        assertThat(late.late()).isTrue();

        // withdrawn before the day, not on it
        as(o.medicalHead(), () -> leaders.withdraw(o.centreId(), s.id()));
        assertThat(leaders.sitIn(s.id()).orElseThrow().withdrawn()).isTrue();
        LeadersTestClock.CLOCK.set(LeadersTestClock.at10("2026-12-10"));
        assertThat(refused(() -> as(o.employmentHead(), () -> leaders.withdraw(o.centreId(), late.id()))).messageKey())
                .isEqualTo("duty.leaders.withdraw.tooLate");
    }

    @Test
    void theCentreRegistersAttendanceAndListsWhoDidNotComply() throws Exception {
        LeaderDuty.SitIn s = as(o.medicalHead(), () -> leaders.report(o.centreId(), o.medical(), o.medicalStaff()[0],
                d("2026-12-09")));
        // not before the day, and not by a department head
        assertThat(refused(() -> as(o.office(), () -> leaders.mark(o.centreId(), s.id(), SitInAttendance.PRESENT, null)))
                .messageKey()).isEqualTo("duty.leaders.attendance.future");
        LeadersTestClock.CLOCK.set(LeadersTestClock.at10("2026-12-09"));
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.mark(o.centreId(), s.id(), SitInAttendance.PRESENT,
                null))).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(leaders.sitIn(s.id()).orElseThrow().attendance()).isEqualTo(SitInAttendance.PENDING);

        // the leader checks in on the page; the office corrects nothing
        LeaderDuty.SitIn in = as(o.medicalHead(), () -> leaders.checkIn(o.centreId(), s.id()));
        assertThat(in.attendance()).isEqualTo(SitInAttendance.PRESENT);
        assertThat(in.checkedInAt()).isEqualTo(LeadersTestClock.at10("2026-12-09"));
        assertThat(refused(() -> as(o.employmentHead(), () -> leaders.checkIn(o.centreId(), s.id()))).kind())
                .isEqualTo(DomainException.Kind.FORBIDDEN);

        // a second leader of the same week: reported late, then absent
        LeadersTestClock.CLOCK.set(LeadersTestClock.at10("2026-12-07"));
        LeaderDuty.SitIn jy = as(o.employmentHead(), () -> leaders.report(o.centreId(), o.employment(),
                o.employmentStaff()[0], d("2026-12-08")));
        LeadersTestClock.CLOCK.set(LeadersTestClock.at10("2026-12-09"));
        as(o.supervisor(), () -> leaders.mark(o.centreId(), jy.id(), SitInAttendance.ABSENT, "外出开会"));

        List<LeaderDuty.NonCompliance> list = as(o.office(), () -> leaders.nonCompliance(o.centreId(), YearMonth.of(2026, 12)));
        // week of 12-07: 劳动就业中心 late and absent; 医保中心 complied. Week of 12-14: its deadline has not passed.
        assertThat(list).extracting(n -> n.weekMonday() + " " + n.department().name() + " " + n.reasons())
                .containsExactly("2026-12-07 劳动就业中心 [LATE_REPORT, ABSENT]");
        // the week of 11-30 counts in November, the month of its Monday: nobody reported
        assertThat(as(o.office(), () -> leaders.nonCompliance(o.centreId(), YearMonth.of(2026, 11))))
                .filteredOn(n -> n.weekMonday().equals(d("2026-11-30")))
                .extracting(n -> n.department().name() + " " + n.reasons())
                .containsExactlyInAnyOrder("医保中心 [NOT_REPORTED]", "劳动就业中心 [NOT_REPORTED]");

        byte[] xlsx = as(o.office(), () -> sheets.nonCompliance(o.centreId(), YearMonth.of(2026, 12), Locale.SIMPLIFIED_CHINESE));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2026年12月");
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("劳动就业中心");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("未提前一星期报备；报备后未到岗坐班");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).contains("2026-12-08 王建国 未到岗 逾期报备");
        }
    }

    @Test
    void headsAndDeputiesTakeTheirWeekdays() {
        as(o.office(), () -> {
            leaders.addDeptLeader(o.centreId(), o.medicalStaff()[0], LeaderKind.HEAD);
            leaders.addDeptLeader(o.centreId(), o.medicalStaff()[1], LeaderKind.DEPUTY);
        });
        assertThat(refused(() -> as(o.office(), () -> leaders.addDeptLeader(o.centreId(), o.medicalStaff()[2],
                LeaderKind.HEAD))).messageKey()).isEqualTo("duty.leaders.heads.headExists");
        assertThat(refused(() -> as(o.medicalHead(), () -> leaders.addDeptLeader(o.centreId(), o.medicalStaff()[2],
                LeaderKind.DEPUTY))).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        // Wednesday: the deputy; Thursday: the head; the department without a table falls back to nobody
        assertThat(leaders.patternOn(o.centreId(), d("2026-12-02"))).extracting(p -> p.department().name() + " "
                + (p.leader() == null ? "-" : p.leader().staffName()))
                .containsExactly("医保中心 张伟", "劳动就业中心 -");
        assertThat(leaders.patternOn(o.centreId(), d("2026-12-03")).getFirst().leader().staffName()).isEqualTo("李秀英");
        // reports now offer only the registered leaders
        assertThat(leaders.reportableLeaders(o.centreId(), o.medical())).extracting(s -> s.name())
                .containsExactly("李秀英", "张伟");
    }

    @Test
    void theShiftLeaderKeepsTheDay() {
        assertThat(refused(() -> as(o.supervisor(), () -> shiftLeads.start(o.centreId(), null))).kind())
                .isEqualTo(DomainException.Kind.FORBIDDEN);
        ShiftLeads.ShiftLead s = as(c.leader(), () -> shiftLeads.start(o.centreId(), null));
        assertThat(s.leaderName()).isEqualTo("王丽娟");
        assertThat(refused(() -> as(o.medicalHead(), () -> shiftLeads.start(o.centreId(), null))).messageKey())
                .isEqualTo("duty.leaders.shift.taken");
        as(c.leader(), () -> shiftLeads.briefing(o.centreId(), s.id(), "上午业务高峰，5、6号窗口增开；注意引导老年人使用自助机"));
        LeadersTestClock.CLOCK.advance(Duration.ofHours(2));
        as(c.leader(), () -> shiftLeads.note(o.centreId(), s.id(), "11:40 巡查二楼C区，9号窗口暂停未挂告知牌，已提醒"));
        assertThat(refused(() -> as(c.leader(), () -> shiftLeads.note(o.centreId(), s.id(), " "))).messageKey())
                .isEqualTo("duty.leaders.shift.noteRequired");
        assertThat(refused(() -> as(o.medicalHead(), () -> shiftLeads.note(o.centreId(), s.id(), "代写")))
                .kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        ShiftLeads.ShiftLead done = as(c.leader(), () -> shiftLeads.summary(o.centreId(), s.id(), "全天办件 312 件，无投诉"));
        assertThat(done.closed()).isTrue();
        assertThat(done.notes()).hasSize(1);
        assertThat(refused(() -> as(c.leader(), () -> shiftLeads.briefing(o.centreId(), s.id(), "改"))).messageKey())
                .isEqualTo("duty.leaders.shift.closed");
        assertThat(audits("DutyShiftLead")).isEqualTo(4);
    }

    @Test
    void anIncidentIsReportedEscalatedHandledAndClosed() {
        LocalDateTime nine = LocalDateTime.of(2026, 12, 2, 9, 50);
        Incidents.Report report = new Incidents.Report(IncidentKind.MEDICAL, "一楼B区等候区", nine,
                "一位老年群众排队时突然晕倒", 1);
        // bad reports write nothing
        assertThat(refused(() -> as(o.supervisor(), () -> incidents.report(o.centreId(), new Incidents.Report(
                IncidentKind.MEDICAL, " ", nine, "x", 1)))).messageKey()).isEqualTo("duty.incident.placeRequired");
        assertThat(refused(() -> as(o.supervisor(), () -> incidents.report(o.centreId(), new Incidents.Report(
                IncidentKind.MEDICAL, "大厅", nine.plusHours(3), "x", 1)))).messageKey())
                .isEqualTo("duty.incident.occurredFuture");
        assertThat(refused(() -> as(o.clerk(), () -> incidents.report(o.centreId(), report))).kind())
                .isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThat(count("duty_incident")).isZero();

        Incidents.Incident i = as(o.supervisor(), () -> incidents.report(o.centreId(), report));
        assertThat(i.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(refused(() -> as(c.leader(), () -> incidents.close(o.centreId(), i.id(), "已处理"))).kind())
                .isEqualTo(DomainException.Kind.CONFLICT);

        // the medical head leads today: she and the centre's leader are told
        as(o.medicalHead(), () -> shiftLeads.start(o.centreId(), null));
        Incidents.Incident up = as(o.supervisor(), () -> incidents.escalate(o.centreId(), i.id()));
        assertThat(up.status()).isEqualTo(IncidentStatus.ESCALATED);
        assertThat(up.escalatedTo()).isEqualTo("李秀英、王丽娟");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notifications.messages(Inbox.staff(c.leaderStaff()), 10))
                    .anySatisfy(m -> {
                        assertThat(m.subject()).isEqualTo("突发事件上报：突发疾病或受伤（一楼B区等候区）");
                        assertThat(m.link()).isEqualTo("/duty/incidents/" + i.id());
                    });
            assertThat(notifications.messages(Inbox.staff(o.medicalStaff()[0]), 10)).hasSize(1);
        });

        LeadersTestClock.CLOCK.advance(Duration.ofMinutes(5));
        as(c.leader(), () -> incidents.act(o.centreId(), i.id(), "拨打120，安排工作人员陪同，联系家属"));
        assertThat(refused(() -> as(c.leader(), () -> incidents.close(o.centreId(), i.id(), "  "))).messageKey())
                .isEqualTo("duty.incident.summaryRequired");
        assertThat(incidents.incident(o.centreId(), i.id()).status()).isEqualTo(IncidentStatus.HANDLING);
        LeadersTestClock.CLOCK.advance(Duration.ofMinutes(30));
        Incidents.Incident closed = as(c.leader(), () -> incidents.close(o.centreId(), i.id(),
                "群众经120送医，家属已到场，现场秩序正常"));
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        DomainException again = refused(() -> as(o.supervisor(), () -> incidents.escalate(o.centreId(), i.id())));
        assertThat(again.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(again.messageKey()).isEqualTo("duty.incident.escalate.closed");

        assertThat(incidents.steps(i.id())).extracting(s -> s.step().name() + ":" + s.to())
                .containsExactly("REPORTED:REPORTED", "ESCALATED:ESCALATED", "ACTION:HANDLING", "CLOSED:CLOSED");
        assertThat(audits("DutyIncident")).isEqualTo(4);
        // another centre does not see it
        LeadersFixture.Centre other = LeadersFixture.create(commands, accounts);
        assertThat(refused(() -> as(other.org().supervisor(), () -> incidents.incident(other.org().centreId(), i.id())))
                .kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void drillsAreRecordedAfterTheyHappen() {
        Drills.DrillData data = new Drills.DrillData(d("2026-11-27"), "大厅火情疏散演练", "中心全体窗口工作人员 35 人",
                "3 分 20 秒完成疏散", "二楼东侧安全出口指示灯需更换");
        Drills.Drill drill = as(o.office(), () -> drills.record(o.centreId(), data));
        assertThat(drill.scenario()).isEqualTo("大厅火情疏散演练");
        assertThat(refused(() -> as(o.office(), () -> drills.record(o.centreId(), new Drills.DrillData(d("2026-12-03"),
                "演练", "人员", null, null)))).messageKey()).isEqualTo("duty.incident.drill.future");
        assertThat(refused(() -> as(o.office(), () -> drills.record(o.centreId(), new Drills.DrillData(d("2026-12-01"),
                "演练", " ", null, null)))).messageKey()).isEqualTo("duty.incident.drill.participantsRequired");
        assertThat(count("duty_drill")).isEqualTo(1);
        Drills.Drill changed = as(o.office(), () -> drills.update(o.centreId(), drill.id(), new Drills.DrillData(
                d("2026-11-27"), "大厅火情疏散演练", "中心全体窗口工作人员 36 人", "3 分 20 秒完成疏散", null)));
        assertThat(changed.participants()).contains("36");
        assertThat(changed.improvements()).isNull();
        assertThat(audits("DutyDrill")).isEqualTo(2);
    }

    @Test
    void incidentsOverTheApi() {
        Http http = new Http(port);
        String supervisor = Http.basic(o.supervisor(), OrgFixture.PASSWORD);
        String leader = Http.basic(c.leader(), OrgFixture.PASSWORD);
        var bad = http.postJson("/api/v1/duty/incidents", "{\"kind\": \"FIRE\", \"place\": \"\", "
                + "\"occurredAt\": \"2026-12-02T09:30\", \"description\": \"配电间冒烟\"}", "Authorization", supervisor);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("请填写发生地点").contains("Enter the place");
        assertThat(count("duty_incident")).isZero();

        var made = http.postJson("/api/v1/duty/incidents", "{\"kind\": \"FIRE\", \"place\": \"二楼东侧配电间\", "
                + "\"occurredAt\": \"2026-12-02T09:30\", \"description\": \"配电间冒烟，已断电\", \"peopleAffected\": 0}",
                "Authorization", supervisor);
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(made.body()).contains("\"status\":\"REPORTED\"").contains("\"occurredAt\":\"2026-12-02T01:30:00Z\"");
        long id = jdbc.sql("select id from duty_incident where centre_id = :c").param("c", o.centreId())
                .query(Long.class).single();
        String base = "/api/v1/duty/incidents/" + id;
        assertThat(http.postJson(base + "/close", "{\"summary\": \"已处理\"}", "Authorization", leader).statusCode())
                .isEqualTo(409);
        assertThat(http.postJson(base + "/escalate", "{}", "Authorization", supervisor).statusCode()).isEqualTo(200);
        assertThat(http.postJson(base + "/actions", "{\"action\": \"电工到场检修\"}", "Authorization", leader).statusCode())
                .isEqualTo(200);
        var noSummary = http.postJson(base + "/close", "{\"summary\": \" \"}", "Authorization", leader);
        assertThat(noSummary.statusCode()).isEqualTo(400);
        assertThat(noSummary.body()).contains("结案须填写处置总结");
        assertThat(http.postJson(base + "/close", "{\"summary\": \"线路老化，已更换\"}", "Authorization", leader)
                .statusCode()).isEqualTo(200);
        var read = http.get(base, "Authorization", supervisor);
        assertThat(read.body()).contains("\"status\":\"CLOSED\"").contains("\"step\":\"ACTION\"");
        assertThat(http.get("/api/v1/duty/incidents?open=true", "Authorization", supervisor).body()).isEqualTo("[]");
        // a window clerk may not, another centre does not see it
        assertThat(http.get("/api/v1/duty/incidents", "Authorization", Http.basic(o.clerk(), OrgFixture.PASSWORD))
                .statusCode()).isEqualTo(403);
        LeadersFixture.Centre other = LeadersFixture.create(commands, accounts);
        assertThat(http.get(base, "Authorization", Http.basic(other.org().supervisor(), OrgFixture.PASSWORD))
                .statusCode()).isEqualTo(404);
    }
}
