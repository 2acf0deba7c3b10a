package org.openhall.queue;

/** Where a ticket was issued. */
public enum TicketChannel {
    KIOSK, STAFF, ONLINE, APPOINTMENT
}
