package org.openhall.queue.internal;

import java.util.List;
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

    JdbcWaitEstimates(JdbcFloorSnapshots snapshots, QueueRules rules) {
        this.snapshots = snapshots;
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

    @Override
    @Transactional(readOnly = true)
    public Issued forIssued(long centreId, long serviceId, long ticketId) {
        FloorSnapshot floor = snapshots.loadForIssue(centreId, serviceId);
        int waiting = 0;
        for (FloorSnapshot.WaitingTicket t : floor.waiting()) {
            if (t.serviceId() == serviceId) {
                waiting++;
            }
        }
        return new Issued(estimator.on(floor).forTicket(ticketId), waiting);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ServiceLoad> forCentre(long centreId) {
        return estimator.on(snapshots.load(centreId)).loads();
    }
}
