package org.openhall.queue.internal;

/**
 * The floor alerts of Q-9 ({@code q_alert.kind}); the thresholds are {@link QueueRules}' {@code alert*} values.
 * <ul>
 * <li>{@link #LONG_QUEUE}: more than {@code alertQueueLength} wait for one service (subject: the service);
 * <li>{@link #LONG_WAIT}: tickets of a service wait longer than {@code alertWaitMinutes} (subject: the service, one
 *     alert for all its tickets, so that a peak hour is one alert per line and not one per ticket);
 * <li>{@link #WINDOW_IDLE}: a signed-in window idle (not calling) for {@code alertIdleMinutes} while people wait for
 *     its services (subject: the window);
 * <li>{@link #WINDOW_PAUSED}: a window paused (暂停服务) for {@code alertIdleMinutes} while people wait for its
 *     services (subject: the window);
 * <li>{@link #CLERK_IDLE}: a clerk idle for {@code alertIdleMinutes} with nobody waiting for their window's services
 *     while people wait for other services of the hall: someone the supervisor may move to a busy line (seed 000:
 *     遇到高峰期，应合理调配人员) (subject: the staff member).
 * </ul>
 */
public enum AlertKind {
    LONG_QUEUE, LONG_WAIT, WINDOW_IDLE, WINDOW_PAUSED, CLERK_IDLE
}
