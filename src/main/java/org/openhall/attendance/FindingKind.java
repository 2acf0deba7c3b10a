package org.openhall.attendance;

/** Attendance findings (ATT-4). The label of each is the message key {@code att.finding.kind.NAME}. */
public enum FindingKind {
    /** 迟到: arrived after the time due */
    LATE,
    /** 早退: left before the end of the working day or duty */
    EARLY_LEAVE,
    /** 脱岗: away from the post without a notice, or back later than noticed */
    ABSENT_FROM_POST,
    /** 旷工: absent for the day (or half a day) without leave */
    ABSENTEEISM
}
