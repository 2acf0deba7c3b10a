package org.openhall.queue;

import java.time.Instant;

/** A window finished serving a ticket: the facts for handling-time statistics and the rating pad. */
public record ServiceFinished(long centreId, long ticketId, String number, long serviceId, long windowId, long staffId,
        Instant queuedAt, Instant calledAt, Instant servingAt, Instant finishedAt) {
}
