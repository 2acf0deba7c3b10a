package org.openhall.duty.internal;

/** The lifecycle of an incident (DUTY-7): REPORTED → ESCALATED → HANDLING → CLOSED. Label: duty.incident.status.NAME */
public enum IncidentStatus {
    REPORTED,
    ESCALATED,
    HANDLING,
    CLOSED
}
