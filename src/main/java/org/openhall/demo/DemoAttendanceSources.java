package org.openhall.demo;

import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.internal.Attendance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** What {@link DemoAttendance} works with: sign-in, sign-out and notices ({@code attendance :: core}), findings and approved
 * leave (nobody on leave signs in). */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
record DemoAttendanceSources(Attendance attendance, AttendanceCommands commands, LeaveApi leave) {
}
