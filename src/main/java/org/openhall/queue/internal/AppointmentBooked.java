package org.openhall.queue.internal;

/** A booking was made; after commit the applicant gets the booking code by SMS ({@link AppointmentNotifier}). */
public record AppointmentBooked(long centreId, long appointmentId) {
}
