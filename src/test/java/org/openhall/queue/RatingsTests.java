package org.openhall.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.Ratings;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Q-8, FB-1: only the ticket just finished at a window can be rated from that window's pad, within the time limit and
 * before the window calls the next ticket, and only once — also when two ratings of the same ticket arrive at the same
 * moment. A rating is published as {@link ServiceRated}; a refused rating writes nothing.
 */
@RecordApplicationEvents
class RatingsTests extends QueueFixture.FloorTestBase {

    @Autowired
    ApplicationEvents published;

    @Autowired
    Ratings ratings;

    @BeforeEach
    void setUp() {
        openFloor(2);
        desk.signIn(w0, f.staff()[0], "test");
        desk.signIn(w1, f.staff()[1], "test");
    }

    /** Issues a ticket of service A and serves it to the end at {@code window}. */
    long served(long window) {
        desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "test");
        long id = desk.callNext(window, "test").orElseThrow().id();
        desk.start(window, "test");
        desk.finish(window, null, "test");
        return id;
    }

    long ratingsOf(long ticketId) {
        return jdbc.sql("select count(*) from q_rating where ticket_id = :t").param("t", ticketId).query(Long.class).single();
    }

    static String key(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.kind() + " " + e.messageKey();
        }
        return "accepted";
    }

    @Test
    void theTicketJustFinishedIsRatedOnceAndPublished() {
        long t = served(w0);
        assertThat(ratings.pending(w0)).map(Ratings.Pending::ticketId).contains(t);
        assertThat(ratings.pending(w1)).isEmpty();

        Ratings.Rated r = ratings.rate(w0, t, RatingLevel.DISSATISFIED, List.of("等候时间长", "告知不清楚"), " 材料清单不清楚 ",
                Ratings.Source.PAD);
        assertThat(r.level()).isEqualTo(RatingLevel.DISSATISFIED);
        var row = jdbc.sql("select rating, reasons, comment, source, staff_id, window_id from q_rating where ticket_id = :t")
                .param("t", t).query().singleRow();
        assertThat(row).containsEntry("rating", "DISSATISFIED").containsEntry("reasons", "等候时间长,告知不清楚")
                .containsEntry("comment", "材料清单不清楚").containsEntry("source", "PAD");
        assertThat(((Number) row.get("staff_id")).longValue()).isEqualTo(f.staff()[0]);
        assertThat(published.stream(ServiceRated.class)).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEqualTo(t);
            assertThat(e.windowId()).isEqualTo(w0);
            assertThat(e.staffId()).isEqualTo(f.staff()[0]);
            assertThat(e.level()).isEqualTo(RatingLevel.DISSATISFIED);
            assertThat(e.ratingId()).isEqualTo(r.ratingId());
        });

        // a second rating of the same service: 该次服务已评价, nothing written
        assertThat(key(() -> ratings.rate(w0, t, RatingLevel.VERY_SATISFIED, List.of(), null, Ratings.Source.PAD)))
                .isEqualTo("CONFLICT queue.pages.rating.already");
        assertThat(ratingsOf(t)).isEqualTo(1);
        assertThat(ratings.pending(w0)).isEmpty();
        assertThat(published.stream(ServiceRated.class)).hasSize(1);
    }

    @Test
    void onlyThisWindowsLatestTicketWithinTheTimeLimitAndBeforeTheNextCall() {
        long first = served(w0);
        // another window's pad cannot rate it
        assertThat(key(() -> ratings.rate(w1, first, RatingLevel.SATISFIED, List.of(), null, Ratings.Source.PAD)))
                .isEqualTo("NOT_FOUND queue.pages.rating.unknownTicket");
        // a ticket not finished cannot be rated
        desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "test");
        long called = desk.callNext(w0, "test").orElseThrow().id();
        assertThat(key(() -> ratings.rate(w0, called, RatingLevel.SATISFIED, List.of(), null, Ratings.Source.PAD)))
                .isEqualTo("NOT_FOUND queue.pages.rating.unknownTicket");
        // the window called the next applicant: the earlier ticket is no longer offered nor accepted
        assertThat(ratings.pending(w0)).isEmpty();
        assertThat(key(() -> ratings.rate(w0, first, RatingLevel.SATISFIED, List.of(), null, Ratings.Source.PAD)))
                .isEqualTo("CONFLICT queue.pages.rating.expired");
        desk.finish(w0, null, "test");

        // more than 10 minutes after the finish
        QueueFixture.CLOCK.advance(Duration.ofMinutes(9));
        assertThat(ratings.pending(w0)).map(Ratings.Pending::ticketId).contains(called);
        QueueFixture.CLOCK.advance(Duration.ofMinutes(2));
        assertThat(ratings.pending(w0)).isEmpty();
        assertThat(key(() -> ratings.rate(w0, called, RatingLevel.SATISFIED, List.of(), null, Ratings.Source.PAD)))
                .isEqualTo("CONFLICT queue.pages.rating.expired");
        assertThat(ratingsOf(first) + ratingsOf(called)).isZero();
    }

    @Test
    void aTicketCalledAfterTheFinishEndsTheRatingAlsoWhenItWasSkippedOrCancelledSince() {
        long first = served(w0);
        QueueFixture.CLOCK.advance(Duration.ofMinutes(1));
        assertThat(ratings.pending(w0)).map(Ratings.Pending::ticketId).contains(first);

        // the window called the next applicant, who did not come: skipped, still named by the window
        desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "test");
        long next = desk.callNext(w0, "test").orElseThrow().id();
        QueueFixture.CLOCK.advance(Duration.ofMinutes(1));
        desk.skip(w0, "test");
        assertThat(ratings.pending(w0)).isEmpty();

        // ... and then cancelled (finished, but not served): the window still moved on
        QueueFixture.CLOCK.advance(Duration.ofMinutes(1));
        desk.cancel(next, "test");
        assertThat(ratings.pending(w0)).isEmpty();
        assertThat(key(() -> ratings.rate(w0, first, RatingLevel.SATISFIED, List.of(), null, Ratings.Source.PAD)))
                .isEqualTo("CONFLICT queue.pages.rating.expired");

        // a ticket the window called and skipped before the finish does not count
        desk.issue(QueueDesk.IssueRequest.ordinary(f.centreId(), f.serviceA(), TicketChannel.KIOSK), "test");
        desk.callNext(w1, "test").orElseThrow();
        desk.skip(w1, "test");
        QueueFixture.CLOCK.advance(Duration.ofMinutes(1));
        long second = served(w1);
        QueueFixture.CLOCK.advance(Duration.ofMinutes(1));
        assertThat(ratings.pending(w1)).map(Ratings.Pending::ticketId).contains(second);
        assertThat(ratingsOf(first) + ratingsOf(second)).isZero();
    }

    @Test
    void reasonsGoOnlyWithBadRatingsAndComeFromTheList() {
        long t = served(w0);
        assertThat(key(() -> ratings.rate(w0, t, RatingLevel.SATISFIED, List.of("等候时间长"), null, Ratings.Source.PAD)))
                .isEqualTo("INVALID queue.pages.rating.reasonsOnlyBad");
        assertThat(key(() -> ratings.rate(w0, t, RatingLevel.VERY_DISSATISFIED, List.of("不喜欢"), null,
                Ratings.Source.PAD))).isEqualTo("INVALID queue.pages.rating.unknownReason");
        assertThat(key(() -> ratings.rate(w0, t, RatingLevel.BASIC, List.of(), "意".repeat(501), Ratings.Source.PAD)))
                .isEqualTo("INVALID queue.pages.rating.commentTooLong");
        assertThat(ratingsOf(t)).isZero();
        assertThat(ratings.pending(w0)).isPresent();
    }

    @Test
    void twoRatingsOfOneTicketAtTheSameMomentStoreOne() throws Exception {
        long t = served(w0);
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RatingLevel level = RatingLevel.values()[i % RatingLevel.values().length];
            Callable<String> rate = () -> {
                start.await();
                return key(() -> ratings.rate(w0, t, level, List.of(), null, Ratings.Source.API));
            };
            results.add(pool.submit(rate));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("accepted")).containsOnly("CONFLICT queue.pages.rating.already");
        assertThat(ratingsOf(t)).isEqualTo(1);
    }
}
