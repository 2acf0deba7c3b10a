package org.openhall.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.WaitEstimates.Estimate;
import org.openhall.queue.internal.WaitEstimates.ServiceLoad;

/** the wait estimator as a pure function of a floor snapshot. */
class WaitEstimatorTests {

    /** Sample size 3, dispatch on, the application's calling order (the priority rule with the default bonus). */
    final WaitEstimator estimator = new WaitEstimator(3, true, WaitEstimator.callingOrder(QueueRules.defaults()));

    @Test
    void averageIsTheMeanOfTheLatestSampleElseTheDefault() {
        FloorFixture f = new FloorFixture().service(1, 8).service(2, 6, 4.0, 5.0, 6.0, 100.0);
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        // no ticket finished today: the service's default minutes
        assertThat(floor.average(1)).isEqualTo(8.0);
        // the latest three (sample size 3, newest first): the fourth, older one is left out
        assertThat(floor.average(2)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void peopleAheadFollowTheCallingOrderWithinTheService() {
        FloorFixture f = new FloorFixture().service(1, 10).service(2, 10).idle(1, Set.of(1L)).idle(2, Set.of(2L));
        long first = f.waiting(1, 20);
        long otherService = f.waiting(2, 15);
        long second = f.waiting(1, 10);
        long third = f.waiting(1, 5);
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.forTicket(first).peopleAhead()).isZero();
        assertThat(floor.forTicket(second).peopleAhead()).isEqualTo(1);
        assertThat(floor.forTicket(third).peopleAhead()).isEqualTo(2);
        assertThat(floor.forTicket(otherService).peopleAhead()).isZero();
        // a ticket that does not wait (called meanwhile) gets nothing
        assertThat(floor.forTicket(999)).isEqualTo(new Estimate(0, 0));
    }

    @Test
    void aPriorityTicketIsAheadOfThoseWhoCameLessThanTheBonusBeforeIt() {
        // Q-3 先急后缓: a priority ticket ranks as if it had waited 30 minutes longer (the calling code's PriorityRule)
        FloorFixture f = new FloorFixture().service(1, 10).idle(1, Set.of(1L));
        long early = f.waiting(1, 40);
        long recent = f.waiting(1, 20);
        long special = f.waiting(1, 5, PriorityClass.SPECIAL);
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.forTicket(early).peopleAhead()).isZero();
        assertThat(floor.forTicket(special).peopleAhead()).isEqualTo(1);
        assertThat(floor.forTicket(recent).peopleAhead()).isEqualTo(2);
        assertThat(floor.forNewTicket(1).peopleAhead()).isEqualTo(3);
        // in arrival order the priority ticket would be last
        WaitEstimator fifo = new WaitEstimator(3, true, WaitEstimator.ARRIVAL_ORDER);
        assertThat(fifo.on(f.snapshot()).forTicket(special).peopleAhead()).isEqualTo(2);
    }

    @Test
    void oneServicePerWindowAllFreeIsPeopleAheadTimesAverageOverWindows() {
        // two idle windows, average 6: the 5th in line (4 ahead) is called after 2 rounds = 12 minutes
        FloorFixture f = new FloorFixture().service(1, 8, 6.0, 6.0, 6.0).idle(1, Set.of(1L)).idle(2, Set.of(1L));
        long[] t = new long[5];
        for (int i = 0; i < 5; i++) {
            t[i] = f.waiting(1, 10 - i);
        }
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.forTicket(t[0])).isEqualTo(new Estimate(0, 0));
        assertThat(floor.forTicket(t[1])).isEqualTo(new Estimate(1, 0));
        assertThat(floor.forTicket(t[2])).isEqualTo(new Estimate(2, 6));
        assertThat(floor.forTicket(t[4])).isEqualTo(new Estimate(4, 12));
        assertThat(floor.openWindows(1)).isEqualTo(2);
        // a new ticket now: 5 ahead over 2 windows, the sixth ticket starts the third round
        assertThat(floor.forNewTicket(1)).isEqualTo(new Estimate(5, 12));
    }

    @Test
    void aBusyWindowIsFreeWhenItsTicketIsDone() {
        // average 10, the ticket at the counter was called 4 minutes ago: free in 6
        FloorFixture f = new FloorFixture().service(1, 10).serving(1, Set.of(1L), 1, 4);
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.forNewTicket(1)).isEqualTo(new Estimate(0, 6));
        long ahead = f.waiting(1, 3);
        assertThat(estimator.on(f.snapshot()).forNewTicket(1)).isEqualTo(new Estimate(1, 16));
        assertThat(estimator.on(f.snapshot()).forTicket(ahead)).isEqualTo(new Estimate(0, 6));
    }

    @Test
    void aTicketOverItsAverageCountsAsAboutToFinish() {
        FloorFixture f = new FloorFixture().service(1, 10).serving(1, Set.of(1L), 1, 25);
        assertThat(estimator.on(f.snapshot()).forNewTicket(1).minutes()).isZero();
    }

    @Test
    void pausedWindowsAreNotOpenButCountFromTheirExpectedReturn() {
        FloorFixture f = new FloorFixture().service(1, 10).paused(1, Set.of(1L), Duration.ofMinutes(5),
                Duration.ofMinutes(7));
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.openWindows(1)).isZero();
        assertThat(floor.capacity(1)).isZero();
        assertThat(floor.forNewTicket(1)).isEqualTo(new Estimate(0, 7));
        // without the expected return the window is left out like a signed-out one: one window assumed to open now
        FloorFixture g = new FloorFixture().service(1, 10).paused(1, Set.of(1L), Duration.ofMinutes(5), null);
        g.waiting(1, 2);
        assertThat(estimator.on(g.snapshot()).forNewTicket(1)).isEqualTo(new Estimate(1, 10));
        // and the estimator that leaves paused windows out altogether
        WaitEstimator noPaused = new WaitEstimator(3, true, WaitEstimator.QUALIFIED_WEIGHT, false,
                WaitEstimator.ARRIVAL_ORDER);
        assertThat(noPaused.on(f.snapshot()).forNewTicket(1)).isEqualTo(new Estimate(0, 0));
    }

    @Test
    void signedOutWindowsDoNotCountAndNoWindowMeansOneIsAssumed() {
        FloorFixture f = new FloorFixture().service(1, 10)
                .window(1, WindowStatus.SIGNED_OUT, Set.of(1L), Set.of(), null, Duration.ofHours(1));
        f.waiting(1, 5);
        f.waiting(1, 4);
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.openWindows(1)).isZero();
        assertThat(floor.forNewTicket(1)).isEqualTo(new Estimate(2, 20));
    }

    @Test
    void qualifiedWindowsCountHalfWhileTheirOwnLineIsEmptyAndNotAtAllOtherwise() {
        FloorFixture f = new FloorFixture().service(1, 10).service(2, 10)
                .idle(1, Set.of(1L))
                .window(2, WindowStatus.IDLE, Set.of(2L), Set.of(1L), null, Duration.ZERO);
        for (int i = 0; i < 4; i++) {
            f.waiting(1, 10 - i);
        }
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        assertThat(floor.openWindows(1)).isEqualTo(2);
        assertThat(floor.capacity(1)).isEqualTo(1.5);
        // once someone waits for window 2's own line, it counts nothing for service 1
        f.waiting(2, 1);
        WaitEstimator.Floor busy = estimator.on(f.snapshot());
        assertThat(busy.openWindows(1)).isEqualTo(1);
        assertThat(busy.capacity(1)).isEqualTo(1.0);
        // without dispatch (Q-10 off) qualified windows never count
        WaitEstimator noDispatch = new WaitEstimator(3, false, WaitEstimator.ARRIVAL_ORDER);
        FloorFixture g = new FloorFixture().service(1, 10).service(2, 10).idle(1, Set.of(1L))
                .window(2, WindowStatus.IDLE, Set.of(2L), Set.of(1L), null, Duration.ZERO);
        assertThat(noDispatch.on(g.snapshot()).openWindows(1)).isEqualTo(1);
    }

    @Test
    void ticketsOfOtherServicesCompeteForASharedWindow() {
        // one window calls A and B in arrival order: a new B ticket waits behind the A tickets that came before it
        FloorFixture f = new FloorFixture().service(1, 10).service(2, 4).idle(1, Set.of(1L, 2L));
        f.waiting(1, 10);
        f.waiting(1, 9);
        f.waiting(1, 8);
        WaitEstimator.Floor floor = estimator.on(f.snapshot());
        Estimate b = floor.forNewTicket(2);
        assertThat(b.peopleAhead()).isZero();
        assertThat(b.minutes()).isEqualTo(30);
        // the plain formula would promise 0
        assertThat(WaitEstimator.simpleMinutes(b.peopleAhead(), floor.average(2), floor.openWindows(2))).isZero();
    }

    @Test
    void aSharedWindowCarriesItsShareOfTheOtherServicesTickets() {
        // window 1 calls A only, window 2 calls A and B: an A ticket ahead goes to window 2 half of the time
        FloorFixture f = new FloorFixture().service(1, 10).service(2, 6).idle(1, Set.of(1L)).idle(2, Set.of(1L, 2L));
        f.waiting(1, 10);
        f.waiting(1, 9);
        // for a new B ticket: two A tickets ahead, each half on window 2: 5 + 5 minutes of window 2
        assertThat(estimator.on(f.snapshot()).forNewTicket(2)).isEqualTo(new Estimate(0, 10));
    }

    @Test
    void loadsPerServiceInDisplayOrder() {
        FloorFixture f = new FloorFixture().service(1, 10, 8.0).service(2, 5).idle(1, Set.of(1L));
        f.waiting(1, 3);
        List<ServiceLoad> loads = estimator.on(f.snapshot()).loads();
        assertThat(loads).extracting(ServiceLoad::serviceId).containsExactly(1L, 2L);
        assertThat(loads.get(0)).isEqualTo(new ServiceLoad(1, "S1", "业务1", "A", 1, 1, 8.0, 8));
        // nobody calls service 2: one window assumed
        assertThat(loads.get(1)).isEqualTo(new ServiceLoad(2, "S2", "业务2", "B", 0, 0, 5.0, 0));
    }

    @Test
    void callTimeSchedulesTheTicketsAheadOntoTheFirstFreeWindow() {
        // windows free in 1, 3 and 5 minutes; one ticket of 8 minutes ahead takes the first: ours gets the one at 3
        assertThat(WaitEstimator.callTime(List.of(8.0), List.of(new double[] {1, 1}, new double[] {3, 1},
                new double[] {5, 1}))).isEqualTo(3.0);
        // no lane: one window free now
        assertThat(WaitEstimator.callTime(List.of(4.0, 4.0), List.of())).isEqualTo(8.0);
        // a half-weight lane alone counts as one window
        assertThat(WaitEstimator.callTime(List.of(4.0), List.<double[]>of(new double[] {0, 0.5}))).isEqualTo(4.0);
    }

    @Test
    void simpleFormulaIsTheCeilingOfAheadTimesAverageOverWindows() {
        assertThat(WaitEstimator.simpleMinutes(3, 7.5, 2)).isEqualTo(12);
        assertThat(WaitEstimator.simpleMinutes(3, 7.5, 0)).isEqualTo(23);
        assertThat(WaitEstimator.simpleMinutes(0, 7.5, 2)).isZero();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new WaitEstimator(0, true, WaitEstimator.ARRIVAL_ORDER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WaitEstimator(20, true, 1.5, true, WaitEstimator.ARRIVAL_ORDER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
