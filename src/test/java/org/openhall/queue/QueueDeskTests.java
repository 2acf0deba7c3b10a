package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.queue.internal.LiveEvent;
import org.openhall.queue.internal.LiveEvents;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueDesk.IssuedTicket;
import org.openhall.queue.internal.QueueDesk.TicketView;
import org.openhall.queue.internal.QueueDesk.WindowView;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The hall floor's commands on a real database (H2, or PostgreSQL with -Ddb=postgresql): issuing with numbers per
 * service and day, the closed hall from the calendar, calling by the priority rule and dispatch,
 * recall / start / finish / skip / come back / transfer / pause / sign-out, the live events of the display
 * contract and the events for other modules; bad input refused with nothing written.
 */
@RecordApplicationEvents
class QueueDeskTests extends QueueFixture.FloorTestBase {

    @Autowired
    ApplicationEvents published;

    @Autowired
    QueueApi api;

    @Autowired
    LiveEvents live;

    @BeforeEach
    void setUp() {
        openFloor(3);
    }

    IssuedTicket issue(long service) {
        return desk.issue(IssueRequest.ordinary(f.centreId(), service, TicketChannel.KIOSK), "device:1");
    }

    IssuedTicket issue(long service, PriorityClass p, PriorityReason reason) {
        return desk.issue(new IssueRequest(f.centreId(), service, TicketChannel.STAFF, p, reason, "段誉", "13800138000",
                null, List.of()), "clerk");
    }

    void advance(int minutes) {
        QueueFixture.CLOCK.advance(Duration.ofMinutes(minutes));
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new TreeMap<>();
        for (String t : List.of("q_ticket", "q_ticket_history", "q_counter", "q_event", "q_window_state", "q_session")) {
            m.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        return m;
    }

    List<String> actions(long ticketId) {
        return jdbc.sql("select action from q_ticket_history where ticket_id = :t order by id").param("t", ticketId)
                .query(String.class).list();
    }

    List<LiveEvent> eventsSince(long after) {
        return live.since(f.centreId(), after, 1000);
    }

    static DomainException.Kind kind(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.kind();
        }
        throw new AssertionError("no DomainException");
    }

    @Test
    void numbersArePerServiceAndDayAndTheTicketCanBeLookedUpWithItsCode() {
        IssuedTicket a1 = issue(f.serviceA());
        IssuedTicket a2 = issue(f.serviceA());
        IssuedTicket b1 = issue(f.serviceB());
        assertThat(a1.ticket().number()).isEqualTo("A001");
        assertThat(a2.ticket().number()).isEqualTo("A002");
        assertThat(b1.ticket().number()).isEqualTo("B001");
        assertThat(a2.peopleAhead()).isEqualTo(1);
        assertThat(a1.ticket().status()).isEqualTo(TicketStatus.WAITING);
        assertThat(a1.ticket().publicCode()).matches("[A-Z2-9]{6}");
        assertThat(desk.publicTicket(a1.ticket().id(), a1.ticket().publicCode().toLowerCase())).isPresent();
        assertThat(desk.publicTicket(a1.ticket().id(), "XXXXXX")).isEmpty();
        assertThat(actions(a1.ticket().id())).containsExactly("ISSUE");

        // the next working day starts again at A001 and cancels yesterday's waiting tickets
        QueueFixture.CLOCK.set(Instant.parse("2026-09-29T01:00:00Z"));
        IssuedTicket next = issue(f.serviceA());
        assertThat(next.ticket().number()).isEqualTo("A001");
        assertThat(desk.ticket(a1.ticket().id()).orElseThrow().status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(actions(a1.ticket().id())).containsExactly("ISSUE", "CLOSE_DAY");
    }

    @Test
    void aSmallRangeWrapsAroundAndTheDailyCapRefusesWithNothingWritten() {
        long s = services.create(QueueFixture.service(f.centreId(), "ZX", "综合咨询", "E", 1, 2, 3)).id();
        assertThat(List.of(issue(s), issue(s), issue(s)).stream().map(t -> t.ticket().number()))
                .containsExactly("E001", "E002", "E001");
        Map<String, Long> before = counts();
        assertThat(kind(() -> issue(s))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(counts()).isEqualTo(before);
        assertThat(jdbc.sql("select last_seq from q_counter where service_id = :s").param("s", s).query(Integer.class)
                .single()).isEqualTo(3);
    }

    @Test
    void aClosedHallIssuesNothing() {
        Map<String, Long> before = counts();
        QueueFixture.CLOCK.set(Instant.parse("2026-10-01T02:00:00Z")); // 国庆节
        assertThatThrownBy(() -> issue(f.serviceA())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
            assertThat(e.messageKey()).isEqualTo("queue.hall.closedDay");
        });
        QueueFixture.CLOCK.set(Instant.parse("2026-09-28T11:00:00Z")); // 19:00 in the centre
        assertThatThrownBy(() -> issue(f.serviceA())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
            assertThat(e.messageKey()).isEqualTo("queue.hall.closedHours");
        });
        QueueFixture.CLOCK.set(Instant.parse("2026-10-04T02:00:00Z")); // a Sunday in the holiday
        assertThat(kind(() -> issue(f.serviceA()))).isEqualTo(DomainException.Kind.UNPROCESSABLE);
        assertThat(counts()).isEqualTo(before);
        // 2026-09-20 is a Sunday worked instead (国庆节调休): the hall is open
        QueueFixture.CLOCK.set(Instant.parse("2026-09-20T02:00:00Z"));
        assertThat(issue(f.serviceA()).ticket().number()).isEqualTo("A001");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        Map<String, Long> before = counts();
        assertThat(kind(() -> issue(999_999L))).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(kind(() -> desk.issue(IssueRequest.ordinary(f.centreId() + 100_000, f.serviceA(), TicketChannel.KIOSK),
                "x"))).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(kind(() -> issue(f.serviceA(), PriorityClass.SPECIAL, null))).isEqualTo(DomainException.Kind.INVALID);
        assertThat(kind(() -> desk.issue(new IssueRequest(f.centreId(), f.serviceA(), TicketChannel.KIOSK,
                PriorityClass.ORDINARY, null, null, "12345", null, List.of()), "x"))).isEqualTo(DomainException.Kind.INVALID);
        assertThat(kind(() -> desk.callNext(w0, "clerk"))).as("nobody signed in").isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kind(() -> desk.finish(w0, null, "clerk"))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kind(() -> desk.callNext(123_456_789L, "clerk"))).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(kind(() -> desk.signIn(w0, f.org().employmentStaff()[0] + 100_000, "clerk")))
                .isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(counts()).isEqualTo(before);
        // one person, one window; one window, one person
        desk.signIn(w0, f.staff()[0], "clerk");
        Map<String, Long> signedIn = counts();
        assertThat(kind(() -> desk.signIn(w1, f.staff()[0], "clerk"))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kind(() -> desk.signIn(w0, f.staff()[1], "clerk"))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(kind(() -> desk.pause(w0, "打游戏", null, QueueFixture.CLOCK.instant().plusSeconds(600), "clerk")))
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(kind(() -> desk.pause(w0, "会议", null, QueueFixture.CLOCK.instant().plus(Duration.ofHours(3)), "clerk")))
                .isEqualTo(DomainException.Kind.INVALID);
        assertThat(counts()).isEqualTo(signedIn);
    }

    @Test
    void aTicketGoesThroughCallRecallStartAndFinishOnce() {
        IssuedTicket t = desk.issue(new IssueRequest(f.centreId(), f.serviceA(), TicketChannel.STAFF,
                PriorityClass.ORDINARY, null, "欧阳锋", null, null, List.of()), "clerk");
        desk.signIn(w0, f.staff()[0], "yb01");
        long mark = live.lastId(f.centreId());
        advance(2);
        TicketView called = desk.callNext(w0, "yb01").orElseThrow();
        assertThat(called.id()).isEqualTo(t.ticket().id());
        assertThat(called.status()).isEqualTo(TicketStatus.CALLED);
        assertThat(called.windowId()).isEqualTo(w0);
        assertThat(called.windowNumber()).isEqualTo(f.numbers()[0]);
        assertThat(called.maskedName()).isEqualTo("欧**");
        assertThat(kind(() -> desk.callNext(w0, "yb01"))).as("one window, one ticket").isEqualTo(DomainException.Kind.CONFLICT);

        List<LiveEvent> events = eventsSince(mark);
        LiveEvent call = events.stream().filter(e -> e.type().equals("ticket.called")).findFirst().orElseThrow();
        assertThat(call.data()).containsEntry("number", "A001").containsEntry("window", "10")
                .containsEntry("name", "欧**").containsEntry("recall", false)
                .containsEntry("announcement", "请 A001 号到 10 号窗口办理")
                .containsEntry("speech", "请 A 零 零 一 号到 10 号窗口办理").containsEntry("service", "社保登记与参保");
        // the window's new state travels with the call (Q-4: one event per desk command)
        assertThat(call.data().get("windowState")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "CALLING").containsEntry("window", "10");
        assertThat(events).noneMatch(e -> e.type().equals("window.state"));

        TicketView recalled = desk.recall(w0, "yb01");
        assertThat(recalled.recallCount()).isEqualTo(1);
        assertThat(eventsSince(mark)).filteredOn(e -> e.type().equals("ticket.called")).last()
                .satisfies(e -> assertThat(e.data()).containsEntry("recall", true));
        advance(1);
        assertThat(desk.start(w0, "yb01").status()).isEqualTo(TicketStatus.SERVING);
        advance(7);
        TicketView done = desk.finish(w0, "T1-SSC-20260928-0001", "yb01");
        assertThat(done.status()).isEqualTo(TicketStatus.DONE);
        assertThat(done.caseNumber()).isEqualTo("T1-SSC-20260928-0001");
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> desk.finish(w0, null, "yb01")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(counts()).as("finishing twice writes nothing").isEqualTo(before);
        assertThat(actions(t.ticket().id())).containsExactly("ISSUE", "CALL", "RECALL", "START", "FINISH");
        assertThat(jdbc.sql("select actor from q_ticket_history where ticket_id = :t and action = 'CALL'")
                .param("t", t.ticket().id()).query(String.class).single()).isEqualTo("yb01");
        assertThat(eventsSince(mark)).filteredOn(e -> e.type().equals("ticket.serving")).singleElement()
                .satisfies(e -> assertThat(e.data().get("windowState"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", "SERVING"));
        // the finish asks the window's rating pad for a rating; the window is idle again
        assertThat(eventsSince(mark)).filteredOn(e -> e.type().equals("ticket.finished")).singleElement()
                .satisfies(e -> {
                    assertThat(e.data()).containsEntry("rating", true);
                    assertThat(e.data().get("windowState")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                            .containsEntry("status", "IDLE");
                });

        // the session's time split: 1 minute walking to the counter, 7 minutes serving
        Map<String, Object> session = jdbc.sql("select walking_seconds, serving_seconds from q_session where window_id = :w")
                .param("w", w0).query().singleRow();
        assertThat(((Number) session.get("walking_seconds")).longValue()).isEqualTo(60);
        assertThat(((Number) session.get("serving_seconds")).longValue()).isEqualTo(420);

        assertThat(published.stream(TicketCalled.class).filter(e -> e.ticketId() == t.ticket().id())).hasSize(1);
        assertThat(published.stream(ServiceFinished.class).filter(e -> e.ticketId() == t.ticket().id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.windowId()).isEqualTo(w0);
                    assertThat(e.staffId()).isEqualTo(f.staff()[0]);
                    assertThat(Duration.between(e.servingAt(), e.finishedAt())).isEqualTo(Duration.ofMinutes(7));
                });
        assertThat(api.ticket(t.ticket().id()).orElseThrow().status()).isEqualTo(TicketStatus.DONE);
        assertThat(api.windowStates(f.centreId())).anySatisfy(s -> {
            assertThat(s.windowId()).isEqualTo(w0);
            assertThat(s.status()).isEqualTo(WindowStatus.IDLE);
        });
    }

    @Test
    void aWindowChangedOnAnotherNodeMeanwhileIsReadAgainBeforeTheNextCommand() {
        // Q-2 multi-node: this node remembers what window 0 holds after its call (ticket 1, CALLING); another node
        // then starts ticket 1 there (SERVING, its versions changed) — the finish on this node must finish it as served
        IssuedTicket t1 = issue(f.serviceA());
        IssuedTicket t2 = issue(f.serviceA());
        desk.signIn(w0, f.staff()[0], "yb01");
        assertThat(desk.callNext(w0, "yb01")).get().extracting(TicketView::id).isEqualTo(t1.ticket().id());
        advance(1);
        Timestamp servingAt = Timestamp.from(QueueFixture.CLOCK.instant());
        jdbc.sql("update q_ticket set status = 'SERVING', serving_at = :at, version = version + 1 where id = :t")
                .param("at", servingAt).param("t", t1.ticket().id()).update();
        jdbc.sql("update q_window_state set status = 'SERVING', since = :at, version = version + 1 where window_id = :w")
                .param("at", servingAt).param("w", w0).update();
        long mark = live.lastId(f.centreId());
        advance(6);
        TicketView done = desk.finish(w0, null, "yb01");
        assertThat(done.id()).isEqualTo(t1.ticket().id());
        assertThat(done.status()).isEqualTo(TicketStatus.DONE);
        assertThat(jdbc.sql("select serving_at from q_ticket where id = :t").param("t", t1.ticket().id())
                .query(Timestamp.class).single()).as("served from the other node's start").isEqualTo(servingAt);
        assertThat(actions(t1.ticket().id())).containsExactly("ISSUE", "CALL", "FINISH");
        assertThat(eventsSince(mark)).extracting(LiveEvent::type).containsExactly("ticket.finished");
        assertThat(jdbc.sql("select serving_seconds from q_session where window_id = :w and signed_out_at is null")
                .param("w", w0).query(Long.class).single()).isEqualTo(360);

        // this node calls ticket 2 and remembers it; the other node skips it and the window is idle: a start here is
        // refused as for any idle window, with nothing written
        assertThat(desk.callNext(w0, "yb01")).get().extracting(TicketView::id).isEqualTo(t2.ticket().id());
        jdbc.sql("update q_ticket set status = 'SKIPPED', skipped_at = :at, version = version + 1 where id = :t")
                .param("at", Timestamp.from(QueueFixture.CLOCK.instant())).param("t", t2.ticket().id()).update();
        jdbc.sql("update q_window_state set status = 'IDLE', current_ticket_id = null, version = version + 1 "
                + "where window_id = :w").param("w", w0).update();
        Map<String, Long> before = counts();
        assertThat(kind(() -> desk.start(w0, "yb01"))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(counts()).isEqualTo(before);
        assertThat(desk.ticket(t2.ticket().id()).orElseThrow().status()).isEqualTo(TicketStatus.SKIPPED);
    }

    @Test
    void priorityTicketsAreCalledFirstButCappedAndDispatchTakesQualifiedServices() {
        IssuedTicket o1 = issue(f.serviceA());
        advance(15);
        IssuedTicket p1 = issue(f.serviceA(), PriorityClass.SPECIAL, PriorityReason.ELDERLY);
        IssuedTicket p2 = issue(f.serviceA(), PriorityClass.GREEN_CHANNEL, null);
        IssuedTicket p3 = issue(f.serviceA(), PriorityClass.APPOINTMENT, null);
        IssuedTicket p4 = issue(f.serviceA(), PriorityClass.SPECIAL, PriorityReason.MILITARY);
        IssuedTicket b = issue(f.serviceB());
        desk.signIn(w1, f.staff()[1], "clerk");
        List<Long> order = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TicketView t = desk.callNext(w1, "clerk").orElseThrow();
            order.add(t.id());
            desk.finish(w1, null, "clerk");
        }
        // three priority calls, then the ordinary ticket that waited 15 minutes (cap 3), then the last priority one
        assertThat(order).containsExactly(p1.ticket().id(), p2.ticket().id(), p3.ticket().id(), o1.ticket().id(),
                p4.ticket().id());
        // nothing of its own left: window 11 takes service B, which it is qualified for
        assertThat(desk.callNext(w1, "clerk").orElseThrow().id()).isEqualTo(b.ticket().id());
        desk.skip(w1, "clerk");
        assertThat(desk.callNext(w1, "clerk")).isEmpty();
        assertThat(desk.window(w1).orElseThrow().status()).isEqualTo(WindowStatus.IDLE);
    }

    @Test
    void skippedTicketsComeBackOnceWithinTheTimeAndTransfersKeepTheQueueTime() {
        IssuedTicket a = issue(f.serviceA());
        advance(1);
        IssuedTicket others1 = issue(f.serviceA());
        advance(1);
        IssuedTicket others2 = issue(f.serviceA());
        advance(1);
        IssuedTicket others3 = issue(f.serviceA());
        advance(1);
        IssuedTicket others4 = issue(f.serviceA());
        desk.signIn(w0, f.staff()[0], "clerk");
        assertThat(desk.callNext(w0, "clerk").orElseThrow().id()).isEqualTo(a.ticket().id());
        advance(1);
        assertThat(desk.skip(w0, "clerk").status()).isEqualTo(TicketStatus.SKIPPED);
        advance(5);
        TicketView back = desk.comeBack(a.ticket().id(), "device:1");
        assertThat(back.status()).isEqualTo(TicketStatus.WAITING);
        // placed after three waiting tickets (skip-return-position 3)
        List<Long> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(desk.callNext(w0, "clerk").orElseThrow().id());
            if (i < 3) {
                desk.finish(w0, null, "clerk");
            }
        }
        assertThat(calls).containsExactly(others1.ticket().id(), others2.ticket().id(), others3.ticket().id(),
                a.ticket().id());
        desk.skip(w0, "clerk");
        assertThat(kind(() -> desk.comeBack(a.ticket().id(), "device:1"))).as("only once")
                .isEqualTo(DomainException.Kind.CONFLICT);

        // a skipped ticket comes back only within 30 minutes
        TicketView o4 = desk.callNext(w0, "clerk").orElseThrow();
        assertThat(o4.id()).isEqualTo(others4.ticket().id());
        desk.skip(w0, "clerk");
        advance(31);
        assertThat(kind(() -> desk.comeBack(o4.id(), "device:1"))).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(desk.closeDay(f.centreId(), "system")).isEqualTo(2);
        assertThat(desk.ticket(o4.id()).orElseThrow().status()).isEqualTo(TicketStatus.NO_SHOW);

        // 转窗 to service B at window 12 with a note: the queue time stays, only window 12 may call it
        IssuedTicket t = issue(f.serviceA());
        desk.callNext(w0, "clerk").orElseThrow();
        desk.start(w0, "clerk");
        long w2 = f.windows()[2];
        assertThat(kind(() -> desk.transfer(w0, f.serviceB(), w2, " ", "clerk"))).isEqualTo(DomainException.Kind.INVALID);
        TicketView moved = desk.transfer(w0, f.serviceB(), w2, "需办理医保关系转移", "clerk");
        assertThat(moved.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(moved.serviceId()).isEqualTo(f.serviceB());
        assertThat(moved.queuedAt()).isEqualTo(t.ticket().queuedAt());
        assertThat(moved.transferNote()).isEqualTo("需办理医保关系转移");
        assertThat(moved.number()).isEqualTo(t.ticket().number());
        desk.signIn(f.windows()[1], f.staff()[1], "clerk");
        assertThat(desk.callNext(f.windows()[1], "clerk")).as("named window only").isEmpty();
        desk.signIn(w2, f.staff()[2], "clerk");
        assertThat(desk.callNext(w2, "clerk").orElseThrow().id()).isEqualTo(t.ticket().id());
        assertThat(actions(t.ticket().id())).containsExactly("ISSUE", "CALL", "START", "TRANSFER", "CALL");
    }

    @Test
    void pauseShowsTheAlternativesAndSignOutReleasesTheTicketToTheFront() {
        desk.signIn(w0, f.staff()[0], "clerk");
        desk.signIn(w1, f.staff()[1], "clerk");
        Instant until = QueueFixture.CLOCK.instant().plus(Duration.ofMinutes(20));
        WindowView paused = desk.pause(w0, "会议", "科室例会", until, "clerk");
        assertThat(paused.status()).isEqualTo(WindowStatus.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("会议");
        assertThat(paused.pauseUntil()).isEqualTo(until);
        assertThat(paused.alternatives()).containsExactly(f.numbers()[1]);
        LiveEvent state = live.since(f.centreId(), 0, 1000).stream().filter(e -> e.type().equals("window.state")).toList()
                .getLast();
        assertThat(state.data()).containsEntry("status", "PAUSED").containsEntry("pauseReason", "会议")
                .containsEntry("alternatives", List.of(f.numbers()[1])).containsEntry("pauseUntil", until.toString());
        issue(f.serviceA());
        assertThat(kind(() -> desk.callNext(w0, "clerk"))).isEqualTo(DomainException.Kind.CONFLICT);
        advance(12);
        desk.resume(w0, "clerk");
        assertThat(jdbc.sql("select paused_seconds from q_session where window_id = :w").param("w", w0).query(Long.class)
                .single()).isEqualTo(720L);

        IssuedTicket second = issue(f.serviceA());
        TicketView first = desk.callNext(w0, "clerk").orElseThrow();
        desk.signOut(w0, "clerk");
        assertThat(desk.window(w0).orElseThrow().status()).isEqualTo(WindowStatus.SIGNED_OUT);
        assertThat(desk.ticket(first.id()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING);
        assertThat(desk.callNext(w1, "clerk").orElseThrow().id()).as("released to the front").isEqualTo(first.id());
        assertThat(second.ticket().id()).isNotEqualTo(first.id());
        assertThat(desk.windows(f.centreId())).extracting(WindowView::windowId).contains(w0, w1, f.org().windowId());
        Optional<WindowView> never = desk.window(f.org().windowId());
        assertThat(never.orElseThrow().status()).isEqualTo(WindowStatus.SIGNED_OUT);
    }
}
