package org.openhall.queue;

import java.time.Instant;

/** A window called a ticket; published after commit for the modules that count calls (assessment, reporting). */
public record TicketCalled(long centreId, long ticketId, String number, long serviceId, long windowId, long staffId,
        Instant queuedAt, Instant calledAt) {
}
