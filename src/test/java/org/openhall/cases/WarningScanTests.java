package org.openhall.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.cases.internal.WarningDispatcher;
import org.openhall.cases.internal.WarningScan;
import org.openhall.notification.Channel;
import org.openhall.notification.Delivery;
import org.openhall.notification.DeliveryStatus;
import org.openhall.notification.Inbox;
import org.openhall.notification.Message;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 电子监察 scan (CASE-5) on a real database (H2, or PostgreSQL with {@code -Ddb=postgresql}): yellow N working days
 * before the due date counted on the centre's calendar (across National Day), red when overdue, open steps too,
 * suspended cases never, no downgrade, each warning logged once and sent once to the person responsible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"openhall.cases.warnings.enabled=false", "openhall.cases.warnings.sms=true"})
class WarningScanTests {

    /** 2026-09-30 (Wednesday, a working day) 09:00 in Shanghai: National Day runs 10-01 to 10-07, 10-08 is a working day. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-09-30T01:00:00Z"));

    /** Records what was sent instead of sending it. */
    static final class RecordingNotifications implements Notifications {
        record Sent(Channel channel, long centreId, String to, String subject, String body, @Nullable String link) {
        }

        final List<Sent> sent = new ArrayList<>();

        synchronized List<Sent> to(String to) {
            return sent.stream().filter(s -> s.to().equals(to)).toList();
        }

        @Override
        public synchronized Delivery email(long centreId, String to, String subject, String body) {
            sent.add(new Sent(Channel.EMAIL, centreId, to, subject, body, null));
            return new Delivery(sent.size(), Channel.EMAIL, DeliveryStatus.SENT, null);
        }

        @Override
        public synchronized Delivery sms(long centreId, String mobile, String text) {
            sent.add(new Sent(Channel.SMS, centreId, mobile, "", text, null));
            return new Delivery(sent.size(), Channel.SMS, DeliveryStatus.SENT, null);
        }

        @Override
        public synchronized Delivery message(long centreId, Inbox inbox, String subject, String body, @Nullable String link) {
            sent.add(new Sent(Channel.IN_SYSTEM, centreId, inbox.key(), subject, body, link));
            return new Delivery(sent.size(), Channel.IN_SYSTEM, DeliveryStatus.SENT, null);
        }

        @Override
        public List<Message> messages(Inbox inbox, int limit) {
            return List.of();
        }
    }

    static final RecordingNotifications SENT = new RecordingNotifications();

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        Notifications recordingNotifications() {
            return SENT;
        }
    }

    @Autowired
    WarningScan scan;
    @Autowired
    WarningDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationCommands commands;
    @Autowired
    OrganizationApi organization;
    @Autowired
    UserAccounts accounts;

    OrgFixture.Org o;
    WarningTestCases cases;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-09-30T01:00:00Z"));
        o = OrgFixture.create(commands, accounts);
        cases = new WarningTestCases(jdbc, o.centreId());
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    long logged(long caseId, @Nullable Long stepId, WarningLevel level) {
        return jdbc.sql("select count(*) from cas_warning where case_id = :c and warning_level = :l and "
                        + (stepId == null ? "step_id is null" : "step_id = :s"))
                .param("c", caseId).param("l", level.name()).param("s", stepId).query(Long.class).single();
    }

    long logRows() {
        return jdbc.sql("select count(*) from cas_warning where centre_id = :c").param("c", o.centreId())
                .query(Long.class).single();
    }

    @Test
    void yellowIsCountedInWorkingDaysAcrossNationalDay2026() {
        long handler = o.medicalStaff()[1];
        long overdue = cases.processing("YB-001", "城乡居民医保参保登记", o.medical(), handler, d("2026-09-29"));
        long dueToday = cases.processing("YB-002", "异地就医备案", o.medical(), handler, d("2026-09-30"));
        // the next working day after 09-30 is 10-08: eight calendar days away, one working day
        long afterHoliday = cases.processing("YB-003", "医保关系转移", o.medical(), handler, d("2026-10-08"));
        long twoWorkingDays = cases.processing("YB-004", "医保关系转移", o.medical(), handler, d("2026-10-09"));

        WarningScan.Dates dates = scan.dates(o.code(), java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(dates.today()).isEqualTo(d("2026-09-30"));
        assertThat(dates.yellowThreshold()).isEqualTo(d("2026-10-08"));

        WarningScan.Result r = scan.scan(o.centreId());

        assertThat(r.redRaised()).isEqualTo(1);
        assertThat(r.yellowRaised()).isEqualTo(2);
        assertThat(cases.level(overdue)).isEqualTo(WarningLevel.RED);
        assertThat(cases.level(dueToday)).isEqualTo(WarningLevel.YELLOW);
        assertThat(cases.level(afterHoliday)).isEqualTo(WarningLevel.YELLOW);
        assertThat(cases.level(twoWorkingDays)).isEqualTo(WarningLevel.NONE);

        // in the holiday (10-03, a Saturday off) the next working day is still 10-08: the case due 09-30 is overdue now,
        // the one due 10-09 still two working days away
        CLOCK.set(Instant.parse("2026-10-03T01:00:00Z"));
        WarningScan.Result holiday = scan.scan(o.centreId());
        assertThat(holiday.redRaised()).isEqualTo(1);
        assertThat(holiday.yellowRaised()).isZero();
        assertThat(cases.level(dueToday)).isEqualTo(WarningLevel.RED);
        assertThat(cases.level(twoWorkingDays)).isEqualTo(WarningLevel.NONE);

        // on 10-08 (the first working day after the holiday) the case due 10-09 is one working day away
        CLOCK.set(Instant.parse("2026-10-08T01:00:00Z"));
        WarningScan.Result next = scan.scan(o.centreId());
        assertThat(next.yellowRaised()).isEqualTo(1);
        assertThat(next.redRaised()).isZero();
        assertThat(cases.level(twoWorkingDays)).isEqualTo(WarningLevel.YELLOW);
        assertThat(cases.level(afterHoliday)).isEqualTo(WarningLevel.YELLOW);

        CLOCK.set(Instant.parse("2026-10-09T01:00:00Z"));
        WarningScan.Result later = scan.scan(o.centreId());
        assertThat(later.redRaised()).isEqualTo(1);
        assertThat(cases.level(afterHoliday)).isEqualTo(WarningLevel.RED);
        assertThat(cases.level(twoWorkingDays)).isEqualTo(WarningLevel.YELLOW);

        // the log: each raise once, yellow and later red of the same case both kept
        assertThat(logged(dueToday, null, WarningLevel.YELLOW)).isEqualTo(1);
        assertThat(logged(dueToday, null, WarningLevel.RED)).isEqualTo(1);
        assertThat(logged(overdue, null, WarningLevel.RED)).isEqualTo(1);
        assertThat(logRows()).isEqualTo(6);
        assertThat(jdbc.sql("select responsible_staff_id from cas_warning where case_id = :c").param("c", overdue)
                .query(Long.class).single()).isEqualTo(handler);
    }

    @Test
    void yellowDaysOfOneOn2025NationalDayReachesTheDayAfterTheHoliday() {
        // 2025: National Day and Mid-Autumn 10-01 to 10-08; from 09-30 the next working day is 10-09
        CLOCK.set(Instant.parse("2025-09-30T01:00:00Z"));
        long due1009 = cases.processing("YB-010", "异地就医备案", o.medical(), o.medicalStaff()[1], d("2025-10-09"));
        long due1010 = cases.processing("YB-011", "异地就医备案", o.medical(), o.medicalStaff()[1], d("2025-10-10"));

        scan.scan(o.centreId());

        assertThat(cases.level(due1009)).isEqualTo(WarningLevel.YELLOW);
        assertThat(cases.level(due1010)).isEqualTo(WarningLevel.NONE);
    }

    @Test
    void onlyOpenCasesWithARunningClockAreWarned() {
        LocalDate past = d("2026-09-01");
        long handler = o.medicalStaff()[2];
        long accepted = cases.insert("YB-020", "参保登记", o.medical(), null, handler, CaseStatus.ACCEPTED, past, null, null);
        long suspended = cases.insert("YB-021", "参保登记", o.medical(), null, handler, CaseStatus.SUSPENDED, past, null, null);
        long correction = cases.insert("YB-022", "参保登记", o.medical(), null, handler, CaseStatus.CORRECTION_REQUIRED, past,
                null, null);
        long completed = cases.insert("YB-023", "参保登记", o.medical(), null, handler, CaseStatus.COMPLETED, past,
                Instant.parse("2026-09-10T02:00:00Z"), true);
        long archived = cases.insert("YB-024", "参保登记", o.medical(), null, handler, CaseStatus.ARCHIVED, past,
                Instant.parse("2026-09-10T02:00:00Z"), false);

        WarningScan.Result r = scan.scan(o.centreId());

        assertThat(r.redRaised()).isEqualTo(1);
        assertThat(cases.level(accepted)).isEqualTo(WarningLevel.RED);
        for (long id : new long[] {suspended, correction, completed, archived}) {
            assertThat(cases.level(id)).as("case " + id).isEqualTo(WarningLevel.NONE);
        }

        // resumed: the clock runs again and the scan catches up
        cases.setStatus(suspended, CaseStatus.PROCESSING);
        assertThat(scan.scan(o.centreId()).redRaised()).isEqualTo(1);
        assertThat(cases.level(suspended)).isEqualTo(WarningLevel.RED);
    }

    @Test
    void openStepsAreWarnedOnTheirOwnDueDate() {
        long lead = cases.processing("JY-001", "就业困难人员认定", o.employment(), o.employmentStaff()[1], d("2026-10-20"));
        long opinionLate = cases.step(lead, "OPINION", o.medical(), null, d("2026-09-29"), WarningScan.OPEN_STEP);
        long opinionSoon = cases.step(lead, "OPINION", o.medical(), o.medicalStaff()[2], d("2026-10-08"), WarningScan.OPEN_STEP);
        long done = cases.step(lead, "OPINION", o.medical(), null, d("2026-09-20"), "DONE");
        long suspendedCase = cases.insert("JY-002", "就业困难人员认定", o.employment(), null, o.employmentStaff()[1],
                CaseStatus.SUSPENDED, d("2026-10-20"), null, null);
        long stepOfSuspended = cases.step(suspendedCase, "OPINION", o.medical(), null, d("2026-09-20"), WarningScan.OPEN_STEP);
        // the handler's own task carries the case's due date: the case's warning covers it
        long handle = cases.step(lead, "HANDLE", o.employment(), o.employmentStaff()[1], d("2026-09-29"), WarningScan.OPEN_STEP);

        WarningScan.Result r = scan.scan(o.centreId());

        assertThat(r.stepsRed()).isEqualTo(1);
        assertThat(r.stepsYellow()).isEqualTo(1);
        assertThat(r.redRaised() + r.yellowRaised()).isZero();
        assertThat(cases.stepLevel(opinionLate)).isEqualTo(WarningLevel.RED);
        assertThat(cases.stepLevel(opinionSoon)).isEqualTo(WarningLevel.YELLOW);
        assertThat(cases.stepLevel(done)).isEqualTo(WarningLevel.NONE);
        assertThat(cases.stepLevel(stepOfSuspended)).isEqualTo(WarningLevel.NONE);
        assertThat(cases.stepLevel(handle)).isEqualTo(WarningLevel.NONE);
        assertThat(cases.level(lead)).isEqualTo(WarningLevel.NONE);
        // responsible: the step's own staff, else the case's handler
        assertThat(jdbc.sql("select responsible_staff_id from cas_warning where step_id = :s").param("s", opinionLate)
                .query(Long.class).single()).isEqualTo(o.employmentStaff()[1]);
        assertThat(jdbc.sql("select responsible_staff_id from cas_warning where step_id = :s").param("s", opinionSoon)
                .query(Long.class).single()).isEqualTo(o.medicalStaff()[2]);
    }

    @Test
    void aScanNeverLowersALevel() {
        long red = cases.processing("YB-030", "参保登记", o.medical(), null, d("2026-09-28"));
        long yellow = cases.processing("YB-031", "参保登记", o.medical(), null, d("2026-10-08"));
        scan.scan(o.centreId());
        assertThat(cases.level(red)).isEqualTo(WarningLevel.RED);
        assertThat(cases.level(yellow)).isEqualTo(WarningLevel.YELLOW);

        // due dates changed without the reset (only the core resets, when a change moves the date): the levels stay
        jdbc.sql("update cas_case set due_date = :d where id in (:ids)").param("d", d("2026-12-31"))
                .param("ids", List.of(red, yellow)).update();
        WarningScan.Result again = scan.scan(o.centreId());
        assertThat(again.total()).isZero();
        assertThat(cases.level(red)).isEqualTo(WarningLevel.RED);
        assertThat(cases.level(yellow)).isEqualTo(WarningLevel.YELLOW);

        // the core's reset: the case starts again from NONE and is warned anew when its new date comes near
        cases.moveDueDate(red, d("2026-10-08"));
        WarningScan.Result afterReset = scan.scan(o.centreId());
        assertThat(afterReset.yellowRaised()).isEqualTo(1);
        assertThat(cases.level(red)).isEqualTo(WarningLevel.YELLOW);
    }

    @Test
    void eachWarningIsSentOnceToTheResponsiblePersonInSystemAndBySms() {
        long handler = o.medicalStaff()[1];
        long stepStaff = o.employmentStaff()[2];
        long red = cases.processing("YB-040", "城乡居民医保参保登记", o.medical(), handler, d("2026-09-29"));
        long yellow = cases.processing("YB-041", "异地就医备案", o.medical(), handler, d("2026-10-08"));
        long noHandler = cases.processing("YB-042", "异地就医备案", o.medical(), null, d("2026-09-29"));
        long step = cases.step(yellow, "OPINION", o.employment(), stepStaff, d("2026-09-29"), WarningScan.OPEN_STEP);
        String inbox = Inbox.staff(handler).key();
        String stepInbox = Inbox.staff(stepStaff).key();
        String mobile = organization.staffMobile(handler).orElseThrow();

        scan.scan(o.centreId());
        dispatcher.dispatch();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(SENT.to(inbox)).hasSize(2);
            assertThat(SENT.to(stepInbox)).hasSize(1);
            assertThat(SENT.to(mobile)).hasSize(2);
        });
        awaitListenersDone();

        var messages = SENT.to(inbox);
        var redMessage = messages.stream().filter(m -> m.subject().startsWith("红牌")).findFirst().orElseThrow();
        assertThat(redMessage.subject()).isEqualTo("红牌预警：办件 " + cases.number(red) + " 已超期");
        assertThat(redMessage.body()).contains("城乡居民医保参保登记", "2026-09-29");
        assertThat(redMessage.link()).isEqualTo("/cases/" + cases.number(red));
        assertThat(redMessage.centreId()).isEqualTo(o.centreId());
        assertThat(messages).anySatisfy(m -> assertThat(m.subject()).isEqualTo("黄牌预警：办件 " + cases.number(yellow) + " 即将到期"));
        assertThat(SENT.to(stepInbox).getFirst().body()).contains("办理环节", "2026-09-29");
        assertThat(SENT.to(mobile)).allSatisfy(s -> assertThat(s.channel()).isEqualTo(Channel.SMS));
        assertThat(jdbc.sql("select count(*) from cas_warning where centre_id = :c and dispatched_at is null")
                .param("c", o.centreId()).query(Long.class).single()).isZero();
        assertThat(logged(noHandler, null, WarningLevel.RED)).isEqualTo(1);
        assertThat(logged(yellow, step, WarningLevel.RED)).isEqualTo(1);

        // the next scan raises nothing and nothing is sent again
        int before = SENT.sent.size();
        assertThat(scan.scan(o.centreId()).total()).isZero();
        assertThat(dispatcher.dispatch()).isZero();
        awaitListenersDone();
        assertThat(SENT.sent).hasSize(before);

        // the yellow case turns red on the first working day after its due date: one more warning, sent once
        CLOCK.set(Instant.parse("2026-10-09T01:00:00Z"));
        assertThat(scan.scan(o.centreId()).redRaised()).isEqualTo(1);
        dispatcher.dispatch();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SENT.to(inbox)).hasSize(3));
        awaitListenersDone();
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(SENT.to(inbox)).hasSize(3);
    }

    @Test
    void concurrentScansOfACentreLogEachWarningOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(cases.processing("YB-05" + (i % 10), "参保登记", o.medical(), o.medicalStaff()[0],
                    d("2026-09-01").plusDays(i % 45)));
        }
        int parallel = 4;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<WarningScan.Result>> results = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<WarningScan.Result> c = () -> {
                    start.await();
                    return scan.scan(o.centreId());
                };
                results.add(pool.submit(c));
            }
            int raised = 0;
            for (Future<WarningScan.Result> f : results) {
                raised += f.get().total();
            }
            long expected = ids.stream().filter(id -> cases.level(id) != WarningLevel.NONE).count();
            assertThat(expected).isGreaterThan(20);
            assertThat(raised).isEqualTo(expected);
            assertThat(logRows()).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scanAllScansEveryCentre() {
        OrgFixture.Org other = OrgFixture.create(commands, accounts);
        long here = cases.processing("YB-060", "参保登记", o.medical(), null, d("2026-09-29"));
        long there = new WarningTestCases(jdbc, other.centreId()).processing("YB-060", "参保登记", other.medical(), null,
                d("2026-09-29"));

        WarningScan.Result r = scan.scanAll();

        assertThat(r.redRaised()).isGreaterThanOrEqualTo(2);
        assertThat(cases.level(here)).isEqualTo(WarningLevel.RED);
        assertThat(cases.level(there)).isEqualTo(WarningLevel.RED);
        assertThat(scan.lastScan(other.centreId())).isPresent();
    }

    @Autowired
    org.openhall.catalog.CatalogCommands catalog;
    @Autowired
    org.openhall.cases.internal.CaseCommands caseCommands;
    @Autowired
    org.openhall.calendar.CalendarApi calendar;

    /**
     * With the real case commands: a joint item's opinion step and the case itself are warned on their own due dates
     * (across National Day), a given opinion drops off, a suspension stops warnings, the resume moves the due date later
     * and the core's reset lets the scan warn again from NONE; the completion counts for the on-time rate.
     */
    @Test
    void aJointCaseIsWarnedThroughItsLife() {
        CLOCK.set(Instant.parse("2026-09-21T01:00:00Z")); // Monday
        var item = org.openhall.catalog.CatalogFixture.joint(catalog, o);
        var accepted = CasesFixture.accepted(caseCommands, o, item);
        var routed = caseCommands.route(accepted.number(), o.medical(), o.medicalStaff()[1], null);
        var opinion = routed.openSteps().stream().filter(st -> st.kind().equals("OPINION")).findFirst().orElseThrow();
        LocalDate opinionDue = opinion.dueDate();
        LocalDate caseDue = routed.dueDate();
        assertThat(opinionDue).isEqualTo(d("2026-09-29")); // 5 working days: 22, 23, 24, (25-27 Mid-Autumn) 28, 29
        assertThat(caseDue).isAfter(d("2026-10-08")); // 15 working days skip the holiday

        // the working day before the opinion is due: the opinion is yellow, the case is not
        CLOCK.set(opinionDue.minusDays(1).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        scan.scan(o.centreId());
        assertThat(cases.stepLevel(opinion.id())).isEqualTo(WarningLevel.YELLOW);
        assertThat(cases.level(accepted.id())).isEqualTo(WarningLevel.NONE);
        // the HANDLE task (due with the case) is not warned on its own
        routed.openSteps().stream().filter(st -> st.kind().equals("HANDLE"))
                .forEach(st -> assertThat(cases.stepLevel(st.id())).isEqualTo(WarningLevel.NONE));

        // the opinion is given: it is done, the next scans leave it
        caseCommands.opinion(accepted.number(), opinion.id(), true, "同意");
        LocalDate dayBeforeCaseDue = caseDue.minusDays(1);
        while (!calendar.isWorkingDay(o.code(), dayBeforeCaseDue)) {
            dayBeforeCaseDue = dayBeforeCaseDue.minusDays(1);
        }
        CLOCK.set(dayBeforeCaseDue.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        WarningScan.Result r = scan.scan(o.centreId());
        assertThat(r.yellowRaised()).isEqualTo(1);
        assertThat(r.stepsRed() + r.stepsYellow()).isZero();
        assertThat(cases.level(accepted.id())).isEqualTo(WarningLevel.YELLOW);

        // suspended for an expert review over three working days: no warning while the clock stands still
        caseCommands.suspend(accepted.number(), SuspensionReason.EXPERT_REVIEW, "专家评审");
        CLOCK.set(calendar.addWorkingDays(o.code(), dayBeforeCaseDue, 3).atTime(9, 0)
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(scan.scan(o.centreId()).total()).isZero();
        assertThat(cases.level(accepted.id())).isEqualTo(WarningLevel.YELLOW); // kept, not on the board while suspended

        // resumed: the due date moves later, the core resets the warning, the scan warns again from NONE
        var resumed = caseCommands.resume(accepted.number(), "评审结束");
        assertThat(resumed.dueDate()).isAfter(caseDue);
        assertThat(cases.level(accepted.id())).isEqualTo(WarningLevel.NONE);
        WarningLevel expected = WarningScan.levelOf(resumed.dueDate(), scan.dates(o.code(), java.time.ZoneId.of("Asia/Shanghai")));
        assertThat(expected).isEqualTo(WarningLevel.YELLOW); // the new due date is the next working day
        WarningScan.Result again = scan.scan(o.centreId());
        assertThat(again.yellowRaised()).isEqualTo(1);
        assertThat(cases.level(accepted.id())).isEqualTo(WarningLevel.YELLOW);
        assertThat(logged(accepted.id(), null, WarningLevel.YELLOW)).isEqualTo(2);

        var done = caseCommands.complete(accepted.number(), CaseResult.APPROVED, null, null);
        assertThat(done.completedOnTime()).isTrue();
        assertThat(scan.scan(o.centreId()).total()).isZero();
    }

    void awaitListenersDone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }
}
