package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.notification.Inbox;
import org.openhall.notification.Message;
import org.openhall.notification.Notifications;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.queue.internal.FloorAlerts;
import org.openhall.queue.internal.FloorScan;
import org.openhall.queue.internal.FloorSnapshot;
import org.openhall.queue.internal.JdbcFloorSnapshots;
import org.openhall.queue.internal.LiveEvent;
import org.openhall.queue.internal.LiveEvents;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.openhall.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;

/**
 * The floor scan and the wait estimates on a real database (H2, or PostgreSQL with {@code -Ddb=postgresql}): an alert
 * is raised once while its condition lasts — also when two scans run at once — and cleared when it ends, each as a
 * live event; {@code queue.stats} goes out only when it changed; the centre's supervisors get an in-system message
 * . The estimates read today's handling times and the windows at work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "openhall.queue.close-day.enabled=false")
@Import(QueueFixture.Config.class)
class FloorScanTests {

    /** 10:00 on a working day in Shanghai (the clock shared by the queue tests). */
    static final Instant START = QueueFixture.OPEN;
    static final MutableClock CLOCK = QueueFixture.CLOCK;

    @Autowired
    FloorScan scan;
    @Autowired
    FloorAlerts alerts;
    @Autowired
    WaitEstimates estimates;
    @Autowired
    LiveEvents live;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganizationCommands org;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    QueueServices services;
    @Autowired
    QueueDesk desk;
    @Autowired
    JdbcFloorSnapshots snapshots;

    OrgFixture.Org o;
    FloorRows rows;
    long serviceA;
    long serviceB;
    long window5;
    long window6;
    long supervisorStaff;

    @BeforeEach
    void setUp() {
        CLOCK.set(START);
        o = OrgFixture.create(org, accounts);
        rows = new FloorRows(jdbc, o.centreId());
        window5 = o.windowId();
        window6 = org.createWindow(new WindowData(o.medical(), "6", "医保待遇", WindowType.ACCEPTANCE, "一楼B区",
                List.of("医保待遇"), o.medicalStaff()[0], o.medicalStaff()[2], LocalDate.of(2025, 1, 2)));
        serviceA = rows.service("A", "社保登记", 8, START);
        serviceB = rows.service("B", "医保业务", 6, START);
        rows.assign(window5, serviceA, true);
        rows.assign(window6, serviceB, true);
        rows.assign(window6, serviceA, false);
        // the supervisor on duty: a SUPERVISOR account that belongs to a staff record (the inbox is staff:ID)
        supervisorStaff = o.employmentStaff()[2];
        accounts.create(new UserAccounts.NewAccount("t" + o.n() + "-duty", OrgFixture.PASSWORD, "赵磊",
                Set.of(Role.SUPERVISOR), o.centreId(), null, supervisorStaff));
    }

    List<LiveEvent> events(String type) {
        return live.since(o.centreId(), 0, 1000).stream().filter(e -> e.type().equals(type)).toList();
    }

    long alertRows(String kind) {
        return jdbc.sql("select count(*) from q_alert where centre_id = :c and kind = :k").param("c", o.centreId())
                .param("k", kind).query(Long.class).single();
    }

    @Test
    void anIdleWindowIsRaisedOnceWhileItLastsAndClearedWhenItCalls() {
        // window 5 signed in, idle for 12 minutes while three people wait for its service
        rows.state(window5, WindowStatus.IDLE, o.medicalStaff()[1], null, null, null, START.minus(Duration.ofMinutes(12)));
        rows.state(window6, WindowStatus.SERVING, o.medicalStaff()[0], null, null, null, START);
        long first = rows.waiting(serviceA, "A001", START.minus(Duration.ofMinutes(6)));
        rows.waiting(serviceA, "A002", START.minus(Duration.ofMinutes(5)));
        rows.waiting(serviceA, "A003", START.minus(Duration.ofMinutes(4)));

        FloorScan.Result r = scan.scan(o.centreId());
        assertThat(r.raised()).isEqualTo(1);
        assertThat(alertRows("WINDOW_IDLE")).isEqualTo(1);
        List<LiveEvent> raised = events("alert.raised");
        assertThat(raised).hasSize(1);
        LiveEvent e = raised.getFirst();
        assertThat(e.windowId()).isEqualTo(window5);
        assertThat(e.data()).containsEntry("kind", "WINDOW_IDLE").containsEntry("subject", "window:" + window5);
        assertThat((String) e.data().get("message")).contains("5号窗口").contains("张伟").contains("12 分钟")
                .contains("3 人");
        assertThat(events("queue.stats")).hasSize(1);

        // the supervisor on duty is told in the in-system inbox, after commit
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !notifications.messages(Inbox.staff(supervisorStaff), 10).isEmpty());
        Message msg = notifications.messages(Inbox.staff(supervisorStaff), 10).getFirst();
        assertThat(msg.subject()).isEqualTo("现场预警：窗口空闲");
        assertThat(msg.body()).contains("5号窗口").contains("请到现场监控处理");
        assertThat(msg.link()).isEqualTo("/queue/floor");
        // the other accounts of the centre are not (the supervisor account without a staff record has no inbox)
        assertThat(notifications.messages(Inbox.staff(o.medicalStaff()[1]), 10)).isEmpty();

        // the condition lasts: the next scans raise nothing new, and the unchanged stats are not sent again
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(scan.scan(o.centreId())).isEqualTo(new FloorScan.Result(0, 0, 0));
        CLOCK.advance(Duration.ofSeconds(30));
        assertThat(scan.scan(o.centreId()).raised()).isZero();
        assertThat(alertRows("WINDOW_IDLE")).isEqualTo(1);
        assertThat(events("alert.raised")).hasSize(1);
        assertThat(events("queue.stats")).hasSize(1);

        // the window calls A001: the alert clears, the waiting count changed, so new stats go out
        rows.setStatus(first, TicketStatus.CALLED, window5, CLOCK.instant());
        rows.state(window5, WindowStatus.CALLING, o.medicalStaff()[1], first, null, null, CLOCK.instant());
        FloorScan.Result cleared = scan.scan(o.centreId());
        assertThat(cleared.raised()).isZero();
        assertThat(cleared.cleared()).isEqualTo(1);
        assertThat(cleared.statsPublished()).isEqualTo(1);
        assertThat(alerts.open(o.centreId())).isEmpty();
        assertThat(events("alert.cleared")).singleElement()
                .satisfies(c -> assertThat(c.data()).containsEntry("alertId", e.data().get("alertId")));
        assertThat(jdbc.sql("select cleared_at from q_alert where id = :id")
                .param("id", ((Number) e.data().get("alertId")).longValue()).query(java.sql.Timestamp.class).single()
                .toInstant()).isEqualTo(CLOCK.instant());

        // idle again: a new alert only after the idle limit has passed again
        rows.state(window5, WindowStatus.IDLE, o.medicalStaff()[1], null, null, null, CLOCK.instant());
        rows.setStatus(first, TicketStatus.DONE, window5, CLOCK.instant());
        assertThat(scan.scan(o.centreId()).raised()).isZero();
        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(scan.scan(o.centreId()).raised()).isEqualTo(1);
        assertThat(alertRows("WINDOW_IDLE")).isEqualTo(2);
        assertThat(alerts.open(o.centreId())).hasSize(1);
    }

    @Test
    void theDeskPrintsTheEstimatesOfTheFloor() {
        // Q-6 on the ticket: the desk asks WaitEstimates. One window signed in that calls A and B (8 minutes each by
        // default): a B ticket taken first is ahead of the A tickets on that window, though of another service
        QueueFixture.Floor f = QueueFixture.create(org, accounts, services, 2);
        desk.signIn(f.windows()[0], f.staff()[0], "test");
        QueueDesk.IssuedTicket b = desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceB(),
                TicketChannel.KIOSK), "test");
        QueueDesk.IssuedTicket a1 = desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(),
                TicketChannel.KIOSK), "test");
        QueueDesk.IssuedTicket a2 = desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(),
                TicketChannel.KIOSK), "test");
        assertThat(b.peopleAhead()).isZero();
        assertThat(b.estimatedWaitMinutes()).isZero();
        assertThat(a1.peopleAhead()).isZero();
        assertThat(a1.estimatedWaitMinutes()).isEqualTo(8);
        assertThat(a2.peopleAhead()).isEqualTo(1);
        assertThat(a2.estimatedWaitMinutes()).isEqualTo(16);
        // the window calls the B ticket: A's first is next when it is done (8 minutes), the second 8 minutes later
        assertThat(desk.callNext(f.windows()[0], "test")).get().extracting(QueueDesk.TicketView::id)
                .isEqualTo(b.ticket().id());
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(estimates.forTicket(a1.ticket().id())).isEqualTo(new WaitEstimates.Estimate(0, 5));
        assertThat(estimates.forTicket(a2.ticket().id())).isEqualTo(new WaitEstimates.Estimate(1, 13));
    }

    @Test
    void theFloorAveragesEachServicesLatestFinishedTicketsOfTheDayAndShowsWhatEachWindowHolds() {
        // the estimate's sample is each service's latest estimateSampleSize (20) tickets finished today: 5 slow
        // ones (30 minutes) finished first, then 20 quick ones (4 minutes); yesterday's and skipped ones do not count
        Instant early = START.minus(Duration.ofHours(2));
        for (int i = 0; i < 5; i++) {
            Instant called = early.plus(Duration.ofMinutes(i));
            rows.done(serviceA, "A%03d".formatted(i + 1), early, called, called.plusSeconds(30 * 60), window5);
        }
        for (int i = 0; i < 20; i++) {
            Instant called = START.minus(Duration.ofMinutes(50)).plus(Duration.ofMinutes(i));
            rows.done(serviceA, "A%03d".formatted(i + 6), early, called, called.plusSeconds(4 * 60), window5);
        }
        Instant yesterday = START.minus(Duration.ofDays(1));
        rows.done(serviceB, "B001", yesterday, yesterday, yesterday.plusSeconds(60), window6);
        rows.ticket(serviceB, "B002", TicketStatus.SKIPPED, early, early, null, null, window6);
        // window 6 holds a B ticket it called three minutes ago; window 5 holds none
        long held = rows.ticket(serviceB, "B003", TicketStatus.CALLED, early, START.minus(Duration.ofMinutes(3)), null,
                null, window6);
        rows.state(window6, WindowStatus.CALLING, o.medicalStaff()[0], held, null, null, START);
        rows.state(window5, WindowStatus.IDLE, o.medicalStaff()[1], null, null, null, START);

        FloorSnapshot floor = snapshots.load(o.centreId());
        assertThat(floor.services()).filteredOn(s -> s.id() == serviceA).singleElement()
                .satisfies(s -> assertThat(s.recentMinutes()).hasSize(20).containsOnly(4.0));
        assertThat(floor.services()).filteredOn(s -> s.id() == serviceB).singleElement()
                .satisfies(s -> assertThat(s.recentMinutes()).isEmpty());
        assertThat(floor.windows()).filteredOn(w -> w.windowId() == window6).singleElement().satisfies(w -> {
            assertThat(w.status()).isEqualTo(WindowStatus.CALLING);
            assertThat(w.current()).isNotNull();
            assertThat(w.current().number()).isEqualTo("B003");
            assertThat(w.current().calledAt()).isEqualTo(START.minus(Duration.ofMinutes(3)));
        });
        assertThat(floor.windows()).filteredOn(w -> w.windowId() == window5).singleElement()
                .satisfies(w -> assertThat(w.current()).isNull());
    }

    @Test
    void twoScansAtOnceRaiseAnAlertOnce() throws Exception {
        rows.state(window5, WindowStatus.PAUSED, o.medicalStaff()[1], null, "用餐", START.plus(Duration.ofMinutes(20)),
                START.minus(Duration.ofMinutes(15)));
        rows.waiting(serviceA, "A001", START.minus(Duration.ofMinutes(3)));
        CyclicBarrier barrier = new CyclicBarrier(2);
        Callable<FloorScan.Result> task = () -> {
            barrier.await();
            return scan.scan(o.centreId());
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<FloorScan.Result> a = pool.submit(task);
            Future<FloorScan.Result> b = pool.submit(task);
            assertThat(a.get().raised() + b.get().raised()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(alertRows("WINDOW_PAUSED")).isEqualTo(1);
        assertThat(events("alert.raised")).hasSize(1);
        assertThat(events("queue.stats")).hasSize(1);
        assertThat((String) events("alert.raised").getFirst().data().get("message")).contains("用餐");
    }

    @Test
    void longQueueAndLongWaitPerServiceAndTheirEnd() {
        rows.state(window5, WindowStatus.SERVING, o.medicalStaff()[1], null, null, null, START);
        List<Long> tickets = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            tickets.add(rows.waiting(serviceA, "A%03d".formatted(i), START.minus(Duration.ofMinutes(40 - i))));
        }
        FloorScan.Result r = scan.scan(o.centreId());
        assertThat(r.raised()).isEqualTo(2);
        assertThat(alerts.open(o.centreId())).extracting(a -> a.kind().name() + " " + a.subjectKey())
                .containsExactlyInAnyOrder("LONG_QUEUE service:" + serviceA, "LONG_WAIT service:" + serviceA);
        String longWait = alerts.open(o.centreId()).stream().filter(a -> a.kind().name().equals("LONG_WAIT"))
                .findFirst().orElseThrow().message();
        // A001..A009 have waited more than 30 minutes; the longest, A001, 39
        assertThat(longWait).contains("A 社保登记").contains("9 人").contains("A001").contains("39 分钟");

        // the first nine are called away: the queue is 7 long and nobody waits over 30 minutes
        for (int i = 0; i < 9; i++) {
            rows.setStatus(tickets.get(i), TicketStatus.DONE, window5, START);
        }
        FloorScan.Result after = scan.scan(o.centreId());
        assertThat(after.cleared()).isEqualTo(2);
        assertThat(alerts.open(o.centreId())).isEmpty();
    }

    @Test
    void statsGoOutWithTheEstimatesOfEachService() {
        rows.state(window5, WindowStatus.IDLE, o.medicalStaff()[1], null, null, null, START);
        rows.state(window6, WindowStatus.SIGNED_OUT, null, null, null, null, START);
        // today's finished A tickets: 4, 6 and 8 minutes from call to finish
        rows.done(serviceA, "A001", START.minus(Duration.ofMinutes(60)), START.minus(Duration.ofMinutes(50)),
                START.minus(Duration.ofMinutes(46)), window5);
        rows.done(serviceA, "A002", START.minus(Duration.ofMinutes(55)), START.minus(Duration.ofMinutes(40)),
                START.minus(Duration.ofMinutes(34)), window5);
        rows.done(serviceA, "A003", START.minus(Duration.ofMinutes(50)), START.minus(Duration.ofMinutes(30)),
                START.minus(Duration.ofMinutes(22)), window5);
        // yesterday's are not today's
        rows.done(serviceA, "A099", START.minus(Duration.ofDays(1)), START.minus(Duration.ofDays(1)),
                START.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(90)), window5);
        long w1 = rows.waiting(serviceA, "A004", START.minus(Duration.ofMinutes(3)));
        long w2 = rows.waiting(serviceA, "A005", START.minus(Duration.ofMinutes(2)));
        long w3 = rows.waiting(serviceA, "A006", START.minus(Duration.ofMinutes(1)));

        // average 6 minutes, one open window: 0, 6 and 12 minutes
        assertThat(estimates.forTicket(w1)).isEqualTo(new WaitEstimates.Estimate(0, 0));
        assertThat(estimates.forTicket(w2)).isEqualTo(new WaitEstimates.Estimate(1, 6));
        assertThat(estimates.forTicket(w3)).isEqualTo(new WaitEstimates.Estimate(2, 12));
        List<WaitEstimates.ServiceLoad> loads = estimates.forCentre(o.centreId());
        assertThat(loads).extracting(WaitEstimates.ServiceLoad::code).containsExactly("SVC-A", "SVC-B");
        assertThat(loads.get(0)).isEqualTo(new WaitEstimates.ServiceLoad(serviceA, "SVC-A", "社保登记", "A", 3, 1, 6.0, 18));
        // nobody serves B: its default, one window assumed
        assertThat(loads.get(1)).isEqualTo(new WaitEstimates.ServiceLoad(serviceB, "SVC-B", "医保业务", "B", 0, 0, 6.0, 0));
        // a called ticket has nobody ahead; an unknown one is a 404
        rows.setStatus(w1, TicketStatus.CALLED, window5, START);
        assertThat(estimates.forTicket(w1)).isEqualTo(new WaitEstimates.Estimate(0, 0));
        assertThatThrownBy(() -> estimates.forTicket(987654321L)).isInstanceOf(DomainException.class)
                .extracting(x -> ((DomainException) x).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);

        scan.scan(o.centreId());
        LiveEvent stats = events("queue.stats").getLast();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) stats.data().get("services");
        assertThat(services).hasSize(2);
        assertThat(services.getFirst()).containsEntry("prefix", "A").containsEntry("waiting", 2)
                .containsEntry("avgMinutes", 6.0).containsEntry("estimatedWaitMinutes", 12);
    }

    @Test
    void acknowledgingIsRecordedOnceAndOnlyInTheAlertsCentre() {
        rows.state(window5, WindowStatus.IDLE, o.medicalStaff()[1], null, null, null, START.minus(Duration.ofMinutes(30)));
        rows.waiting(serviceA, "A001", START.minus(Duration.ofMinutes(2)));
        scan.scan(o.centreId());
        FloorAlerts.Alert a = alerts.open(o.centreId()).getFirst();
        CLOCK.advance(Duration.ofMinutes(1));
        FloorAlerts.Alert acked = alerts.acknowledge(o.centreId(), a.id(), o.supervisor());
        assertThat(acked.acknowledgedBy()).isEqualTo(o.supervisor());
        assertThat(acked.acknowledgedAt()).isEqualTo(CLOCK.instant());
        assertThat(alerts.open(o.centreId()).getFirst().acknowledgedBy()).isEqualTo(o.supervisor());
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'QueueAlert' and entity_id = :id")
                .param("id", String.valueOf(a.id())).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> alerts.acknowledge(o.centreId(), a.id(), o.office()))
                .isInstanceOf(DomainException.class)
                .extracting(x -> ((DomainException) x).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThatThrownBy(() -> alerts.acknowledge(o.centreId() + 100_000, a.id(), o.office()))
                .isInstanceOf(DomainException.class)
                .extracting(x -> ((DomainException) x).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        // acknowledged is not cleared: the alert stays open while the window idles
        assertThat(scan.scan(o.centreId()).cleared()).isZero();
    }
}
