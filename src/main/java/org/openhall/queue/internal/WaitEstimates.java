package org.openhall.queue.internal;

import java.util.List;

/**
 * people ahead and estimated wait, per ticket and per service, from today's recent handling times and the windows
 * signed in for the service. The accuracy is measured on a simulated day (docs/performance.md).
 */
public interface WaitEstimates {

    /** For a waiting ticket: people ahead of it (by the calling rule) and minutes until its call. */
    Estimate forTicket(long ticketId);

    /**
     * For a ticket being issued (waiting, of this centre, in the caller's transaction, written already or not yet): its
     * estimate and the people now waiting for its service, itself included, from one reading of the floor.
     */
    Issued forIssued(long centreId, FloorSnapshot.WaitingTicket ticket);

    /** Per active service of the centre: waiting, average handling minutes, estimated wait for a ticket taken now. */
    List<ServiceLoad> forCentre(long centreId);

    record Estimate(int peopleAhead, int minutes) {
    }

    record Issued(Estimate estimate, int waiting) {
    }

    record ServiceLoad(long serviceId, String code, String name, String prefix, int waiting, int openWindows,
            double averageMinutes, int estimatedWaitMinutes) {
    }
}
