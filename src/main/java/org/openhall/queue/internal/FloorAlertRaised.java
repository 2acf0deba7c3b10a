package org.openhall.queue.internal;

import org.jspecify.annotations.Nullable;

/**
 * A floor alert was raised; published in the scan's transaction, handled after commit by
 * {@link FloorAlertNotifier} (and retried by the event publication registry after a crash).
 */
public record FloorAlertRaised(long centreId, long alertId, AlertKind kind, String subjectKey, String message,
        @Nullable Long windowId) {
}
