package org.openhall.queue;

/**
 * The life of a ticket. WAITING → CALLED (by exactly one window) → SERVING → DONE; CALLED → SKIPPED (过号, may come
 * back to WAITING once within the configured time) → NO_SHOW when that time is over; WAITING → CANCELLED. A transfer
 * (转窗) or the next step of a chained service puts a CALLED / SERVING ticket back to WAITING, keeping its queue time.
 */
public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, SKIPPED, NO_SHOW, CANCELLED;

    public boolean isOpen() {
        return this == WAITING || this == CALLED || this == SERVING || this == SKIPPED;
    }
}
