package org.openhall.queue.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openhall.queue.TicketStatus;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link WaitEstimates} on the database: reads the centre's {@link FloorSnapshot} and asks the pure
 * {@link WaitEstimator} (whose accuracy the simulation under {@code bench/} measures, docs/performance.md). Inside a
 * caller's transaction (issuing a ticket) it sees the caller's uncommitted ticket.
 */
@Component
class JdbcWaitEstimates implements WaitEstimates {

    private final JdbcFloorSnapshots snapshots;
    private final WaitEstimator estimator;
    private final Clock clock;

    JdbcWaitEstimates(JdbcFloorSnapshots snapshots, QueueRules rules, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.estimator = WaitEstimator.of(rules);
    }

    @Override
    @Transactional(readOnly = true)
    public Estimate forTicket(long ticketId) {
        JdbcFloorSnapshots.TicketRef ticket = snapshots.ticket(ticketId)
                .orElseThrow(() -> DomainException.notFound("queue.floor.ticket.notFound", ticketId));
        if (ticket.status() != TicketStatus.WAITING) {
            return new Estimate(0, 0);
        }
        return estimator.on(snapshots.load(ticket.centreId())).forTicket(ticketId);
    }

    /**
     * The ticket's service's waiting tickets are read now, so the people ahead printed on the ticket are exact (the
     * caller's uncommitted ticket added if it is not written yet); the rest — the other services' waiting tickets, the
     * windows at work, the recent handling times — comes from a reading of the whole floor at most {@link #ISSUE_FLOOR_TTL} old, shared (with
     * the estimator's work on it) by the tickets issued meanwhile: the minutes are those of a floor a few seconds old.
     * Reading and weighing the whole floor on every ticket cost more than the rest of the issue.
     */
    @Override
    @Transactional(readOnly = true)
    public Issued forIssued(long centreId, FloorSnapshot.WaitingTicket ticket) {
        long serviceId = ticket.serviceId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), snapshots.zone(centreId));
        WaitEstimator.Floor floor = issueFloor(centreId, today, ticket);
        List<FloorSnapshot.WaitingTicket> mine = including(snapshots.waiting(centreId, serviceId), ticket);
        List<FloorSnapshot.WaitingTicket> others = floor.snapshot().waiting();
        List<FloorSnapshot.WaitingTicket> waiting = new ArrayList<>(others.size() + mine.size());
        for (FloorSnapshot.WaitingTicket t : others) {
            // the other services' tickets that compete for the same windows (the estimate passes over the rest)
            if (t.serviceId() != serviceId && floor.share(serviceId, t.serviceId()) > 0) {
                waiting.add(t);
            }
        }
        waiting.addAll(mine);
        return new Issued(floor.forTicket(ticket.id(), waiting), mine.size());
    }

    /** How old the floor behind an issued ticket's estimate may be (see {@link #forIssued}). */
    static final long ISSUE_FLOOR_TTL = TimeUnit.SECONDS.toNanos(2);

    private record IssueFloor(LocalDate day, WaitEstimator.Floor floor, long readAt) {
    }

    private final Map<Long, IssueFloor> issueFloors = new ConcurrentHashMap<>();
    private final Set<Long> renewing = ConcurrentHashMap.newKeySet();

    /**
     * The centre's floor for issued tickets: one reader renews it when too old while the others go on with it. A floor
     * read while {@code issued} is being issued counts it among the waiting, written already or not yet, for the tickets
     * issued after it on that floor.
     */
    private WaitEstimator.Floor issueFloor(long centreId, LocalDate today, FloorSnapshot.WaitingTicket issued) {
        IssueFloor f = issueFloors.get(centreId);
        boolean usable = f != null && f.day().equals(today);
        if (usable && System.nanoTime() - f.readAt() < ISSUE_FLOOR_TTL) {
            return f.floor();
        }
        if (usable && !renewing.add(centreId)) {
            return f.floor();
        }
        try {
            f = new IssueFloor(today, estimator.on(with(snapshots.loadForIssue(centreId), issued)), System.nanoTime());
            issueFloors.put(centreId, f);
            return f.floor();
        } finally {
            if (usable) {
                renewing.remove(centreId);
            }
        }
    }

    private static FloorSnapshot with(FloorSnapshot s, FloorSnapshot.WaitingTicket issued) {
        List<FloorSnapshot.WaitingTicket> waiting = including(s.waiting(), issued);
        return waiting == s.waiting() ? s : new FloorSnapshot(s.centreId(), s.now(), s.services(), s.windows(), waiting);
    }

    /** The waiting tickets read, with the ticket being issued added if it is not among them (not written yet). */
    private static List<FloorSnapshot.WaitingTicket> including(List<FloorSnapshot.WaitingTicket> read,
            FloorSnapshot.WaitingTicket issued) {
        if (read.stream().anyMatch(w -> w.id() == issued.id())) {
            return read;
        }
        List<FloorSnapshot.WaitingTicket> waiting = new ArrayList<>(read.size() + 1);
        waiting.addAll(read);
        waiting.add(issued);
        return waiting;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ServiceLoad> forCentre(long centreId) {
        return estimator.on(snapshots.load(centreId)).loads();
    }
}
