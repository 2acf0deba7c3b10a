/**
 * Keeping people at their posts (ATT-1..ATT-5): daily sign-in and sign-out judged against the opening hours, the
 * person's duty hours and approved leave; leave requests (请假) and their approval chains; absence notices (离岗告知)
 * with stand-ins (A/B posts); findings (脱岗, 旷工, 迟到, 早退) each citing the rule and clause that produced it; monthly
 * reports. Public API: {@link org.openhall.attendance.LeaveApi}, {@link org.openhall.attendance.AttendanceCommands},
 * their records, enums and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attendance (考勤)",
        allowedDependencies = {"shared", "security", "calendar", "organization", "notification", "queue"})
@org.jspecify.annotations.NullMarked
package org.openhall.attendance;
