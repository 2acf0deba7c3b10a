package org.openhall.queue.internal;

/** A booking was cancelled; after commit the applicant is told by SMS ({@link AppointmentNotifier}). */
public record AppointmentCancelled(long centreId, long appointmentId) {
}
