package org.openhall.queue;

import java.time.Instant;

/** The applicant rated a service on the window's rating pad (Q-8, FB-1); the feedback work builds on it. */
public record ServiceRated(long centreId, long ratingId, long ticketId, long windowId, Long staffId, long serviceId,
        RatingLevel level, Instant ratedAt) {
}
