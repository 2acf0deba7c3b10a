package org.openhall.queue.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowStatus;

/**
 * The commands of the hall floor (Q-1..Q-5, Q-10), used by the pages, the API and the appointment check-in. Every
 * command validates its input (DomainException, nothing written), records who and when in {@code q_ticket_history},
 * appends its live event and keeps the rule that a ticket is called by exactly one window, on any number of nodes.
 * {@code actor} is the username for the history (a staff login, {@code device:ID} or {@code online}).
 */
public interface QueueDesk {

    // ---- tickets (Q-1, Q-3) ----------------------------------------------------------------------------------------

    /**
     * Issues a ticket. Refused (422) when the hall is closed (outside opening hours or not a working day of the centre's
     * calendar), the service is unknown / inactive (404 / 400) or its daily cap is reached (409).
     */
    IssuedTicket issue(IssueRequest request, String actor);

    /** A waiting ticket given up by the applicant or staff. */
    void cancel(long ticketId, String actor);

    Optional<TicketView> ticket(long ticketId);

    /** The public status of a ticket: only with its printed code (else empty, like an unknown id). */
    Optional<TicketView> publicTicket(long ticketId, String code);

    // ---- windows (Q-2, Q-5) ----------------------------------------------------------------------------------------

    /** The staff member signs in at a window (one person per window, one window per person). */
    WindowView signIn(long windowId, long staffId, String actor);

    /** Signs out; a ticket still called or in service goes back to waiting at the front of its service. */
    WindowView signOut(long windowId, String actor);

    /**
     * The next ticket the window may serve, chosen by the priority rule, marked CALLED for this window; empty when
     * nobody waits. 409 when the window is not signed in, paused, or still has a ticket called / in service.
     */
    Optional<TicketView> callNext(long windowId, String actor);

    /** Calls a specific waiting ticket (a returning 过号 ticket, or the supervisor's choice). */
    TicketView call(long windowId, long ticketId, String actor);

    /** 重呼: the called ticket is announced again. */
    TicketView recall(long windowId, String actor);

    /** The applicant came to the counter: CALLED → SERVING. */
    TicketView start(long windowId, String actor);

    /** 过号: the called ticket did not come; it may come back within the configured time. */
    TicketView skip(long windowId, String actor);

    /** A skipped ticket comes back (kiosk, staff): WAITING again, placed by the rule; refused after the time is over. */
    TicketView comeBack(long ticketId, String actor);

    /**
     * 转窗: the called / served ticket goes to another service (and optionally a named window) with a note, keeping its
     * original queue time.
     */
    TicketView transfer(long windowId, long toServiceId, @Nullable Long toWindowId, String note, String actor);

    /**
     * Finishes the service; 409 when there is nothing in service (finishing twice). With chained services (多窗联办) the
     * ticket goes on to the next service without queueing again; otherwise DONE and the rating pad is asked.
     */
    TicketView finish(long windowId, @Nullable String caseNumber, String actor);

    /** 暂停服务 with a reason from the configured list and an expected return within the configured maximum. */
    WindowView pause(long windowId, String reason, @Nullable String note, Instant until, String actor);

    WindowView resume(long windowId, String actor);

    Optional<WindowView> window(long windowId);

    List<WindowView> windows(long centreId);

    /** Closes the day: waiting and skipped tickets of earlier days become NO_SHOW / CANCELLED (run by the scheduler). */
    int closeDay(long centreId, String actor);

    // ---- records -----------------------------------------------------------------------------------------------

    /**
     * @param serviceId    the queue service
     * @param priority     ORDINARY unless a special group, green channel or an appointment check-in
     * @param reason       for SPECIAL
     * @param nextServices chained services (多窗联办) served after this one without queueing again
     */
    record IssueRequest(long centreId, long serviceId, TicketChannel channel, PriorityClass priority,
            @Nullable PriorityReason reason, @Nullable String applicantName, @Nullable String mobile,
            @Nullable Long appointmentId, List<Long> nextServices) {

        public IssueRequest {
            nextServices = List.copyOf(nextServices);
        }

        public static IssueRequest ordinary(long centreId, long serviceId, TicketChannel channel) {
            return new IssueRequest(centreId, serviceId, channel, PriorityClass.ORDINARY, null, null, null, null, List.of());
        }
    }

    /** What the kiosk prints: number, service, people ahead, estimated wait, the code for the status page. */
    record IssuedTicket(TicketView ticket, int peopleAhead, int estimatedWaitMinutes) {
    }

    /**
     * A ticket as staff and displays see it. {@code maskedName} is surname + * (Q-4); priority and reason are for the
     * record and the supervisor, never shown to the calling clerk before the call.
     */
    record TicketView(long id, long centreId, long serviceId, String serviceCode, String serviceName, String number,
            String publicCode, TicketChannel channel, PriorityClass priority, @Nullable PriorityReason reason,
            @Nullable String maskedName, TicketStatus status, Instant issuedAt, Instant queuedAt,
            @Nullable Long windowId, @Nullable String windowNumber, @Nullable Long staffId, @Nullable Instant calledAt,
            @Nullable Instant servingAt, @Nullable Instant finishedAt, @Nullable Instant skippedAt, int recallCount,
            int skipCount, @Nullable String transferNote, @Nullable String caseNumber) {
    }

    /**
     * A window at work. {@code alternatives}: the numbers of other signed-in windows serving the same services (shown
     * on the paused window's display, Q-5); only for a paused or signed-out window, empty for one at work.
     */
    record WindowView(long windowId, long centreId, String number, String name, WindowStatus status,
            @Nullable Long staffId, @Nullable String staffName, @Nullable TicketView current,
            @Nullable String pauseReason, @Nullable String pauseNote, @Nullable Instant pauseUntil, Instant since,
            List<Long> serviceIds, List<String> alternatives) {

        public WindowView {
            serviceIds = List.copyOf(serviceIds);
            alternatives = List.copyOf(alternatives);
        }
    }
}
