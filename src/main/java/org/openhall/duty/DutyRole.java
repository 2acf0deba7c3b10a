package org.openhall.duty;

/** Roles on a duty day (DUTY-1, DUTY-3). The label of each is the message key {@code duty.role.NAME}. */
public enum DutyRole {
    /** 值班组长: the duty group leader */
    LEADER,
    /** 值班人员: duty staff (at least two per working day) */
    STAFF,
    /** 督导员: the supervisor on duty, from the department whose turn it is */
    SUPERVISOR
}
