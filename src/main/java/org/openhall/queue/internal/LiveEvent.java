package org.openhall.queue.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One live event of a centre's floor: stored in {@code q_event} in the transaction of the change, then pushed to
 * the displays of every node (in-process after commit, to other nodes by PostgreSQL NOTIFY). The id is the SSE event id.
 *
 * <p>Types and their data (the display contract):
 * <ul>
 * <li>{@code ticket.issued} {ticketId, number, serviceId, service, waiting}
 * <li>{@code ticket.called} {ticketId, number, serviceId, service, windowId, window, name (masked or absent),
 *     recall (boolean), announcement ("请 A012 号到 3 号窗口办理"), speech ("请 A 零 一 二 号到 3 号窗口办理"),
 *     windowState (below; absent for a recall)}
 * <li>{@code ticket.serving}, {@code ticket.finished}, {@code ticket.skipped}, {@code ticket.returned},
 *     {@code ticket.transferred}, {@code ticket.cancelled} {ticketId, number, serviceId, windowId?, window?};
 *     {@code ticket.serving}, {@code ticket.skipped} and {@code ticket.finished} also windowState (below), and
 *     {@code ticket.finished} rating (boolean: the window's rating pad asks the applicant for a rating, Q-8; false when
 *     the ticket goes on to its next service)
 * <li>{@code window.state} {windowId, window, status, staffName?, pauseReason?, pauseUntil?, alternatives: [window numbers
 *     that serve the same services and are signed in, not paused — for a PAUSED or SIGNED_OUT window, whose sign shows
 *     them; empty for a window at work]} — for the changes of a window that are not a call, start, skip or finish of a
 *     ticket; those tell the window's new state in their event's windowState, with the same data
 * <li>{@code window.notice} {windowId, window, shown (boolean), staffName?, reason?, contact?, expectedBack?, standIn?} —
 *     the absence notice sign (告知牌, ATT-3) put up or taken down
 * <li>{@code queue.stats} {services: [{serviceId, code, name, prefix, waiting, avgMinutes, estimatedWaitMinutes}]}
 * <li>{@code alert.raised}, {@code alert.cleared} {alertId, kind, subject, message}
 * </ul>
 */
public record LiveEvent(long id, long centreId, String type, @Nullable Long windowId, Map<String, Object> data,
        Instant createdAt) {

    public LiveEvent {
        data = Map.copyOf(data);
    }
}
