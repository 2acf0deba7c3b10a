package org.openhall.attendance;

/** Kinds of leave (ATT-2). The label of each is the message key {@code att.leave.type.NAME}. */
public enum LeaveType {
    /** 事假 */
    PERSONAL,
    /** 病假 */
    SICK,
    /** 公休假 (annual leave; its own approval chain) */
    ANNUAL,
    /** 产假 (the only leave that may exceed 30 days) */
    MATERNITY,
    /** 调休 (time off in lieu of duty served) */
    COMPENSATORY,
    /** 婚假 */
    MARRIAGE,
    /** 丧假 */
    BEREAVEMENT
}
