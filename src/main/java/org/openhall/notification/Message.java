package org.openhall.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An in-system message as stored. */
public record Message(long id, long centreId, String inbox, String subject, String body, @Nullable String link,
        Instant sentAt, @Nullable Instant readAt) {
}
