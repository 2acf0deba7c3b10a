package org.openhall.queue;

import java.util.List;
import java.util.Optional;

/** Read access to the hall floor for the other modules (feedback, attendance, reporting). */
public interface QueueApi {

    /** A ticket by id, without personal data. */
    Optional<TicketSummary> ticket(long ticketId);

    /** The current state of the centre's windows (signed in, serving, paused). */
    List<WindowStateSummary> windowStates(long centreId);

    /**
     * Puts up the absence notice sign (告知牌, ATT-3) on a window's display, replacing the one shown; appended as the live
     * event {@code window.notice}. Joins the caller's transaction.
     */
    void showNotice(long windowId, WindowNoticeSign sign, String actor);

    /** Takes the window's notice sign down, if one is shown. Joins the caller's transaction. */
    void clearNotice(long windowId, String actor);

    /** The notice sign a window shows now, if any. */
    Optional<WindowNoticeSign> notice(long windowId);

    record TicketSummary(long id, long centreId, String number, long serviceId, String serviceCode, TicketStatus status,
            java.time.Instant queuedAt, java.time.@org.jspecify.annotations.Nullable Instant calledAt,
            java.time.@org.jspecify.annotations.Nullable Instant finishedAt, @org.jspecify.annotations.Nullable Long windowId,
            @org.jspecify.annotations.Nullable Long staffId) {
    }

    record WindowStateSummary(long windowId, String windowNumber, WindowStatus status,
            @org.jspecify.annotations.Nullable Long staffId, java.time.Instant since) {
    }
}
