package org.openhall.duty.internal.roster;

/** Where a roster stands. The label of each is {@code duty.roster.status.NAME}. */
public enum RosterStatus {
    /** planned and being edited; nobody relies on it yet */
    DRAFT,
    /** in force: DutyApi and attendance see it */
    PUBLISHED,
    /** every day of it was covered by a later published roster */
    SUPERSEDED,
    /** a draft set aside without publishing */
    DISCARDED
}
