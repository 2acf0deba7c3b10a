package org.openhall.queue;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person signed in to or out of a window, or paused or resumed it; published after commit for attendance
 * (sign-in at the console, ATT-1; time away from the post, ATT-3/ATT-4).
 *
 * @param reason       the pause reason code (PAUSED only)
 * @param expectedBack the expected return (PAUSED only)
 */
public record WindowPresenceChanged(long centreId, long windowId, String windowNumber, long staffId,
        WindowPresence presence, @Nullable String reason, @Nullable Instant expectedBack, Instant at) {
}
