package org.openhall.queue;

/**
 * The life of an appointment (预约, Q-7): BOOKED → CANCELLED (by the applicant, until the cancellation deadline before
 * the slot), BOOKED → CHECKED_IN (at the kiosk or by staff: a ticket was issued, priority when on time, ordinary when
 * late), BOOKED → NO_SHOW (nobody checked in by the end of the slot plus the grace time; counts towards the no-show
 * ban). Only BOOKED changes.
 */
public enum AppointmentStatus {
    BOOKED, CANCELLED, CHECKED_IN, NO_SHOW;

    /** Whether the booking still holds its place (one active booking per person, service and day). */
    public boolean isActive() {
        return this == BOOKED || this == CHECKED_IN;
    }
}
