package org.openhall.queue.web;

/** Marks the appointment page controllers (public and staff, not the REST API) for {@link AppointmentPageAdvice}. */
interface AppointmentPage {
}
