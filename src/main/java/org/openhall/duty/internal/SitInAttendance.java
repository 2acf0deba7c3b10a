package org.openhall.duty.internal;

/** 窗口岗位值班制度 七: the centre registers whether a reported leader sat in. Label: duty.leaders.attendance.NAME */
@org.springframework.modulith.NamedInterface("leaders")
public enum SitInAttendance {
    PENDING,
    PRESENT,
    ABSENT
}
