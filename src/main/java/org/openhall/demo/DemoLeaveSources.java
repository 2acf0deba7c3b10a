package org.openhall.demo;

import org.openhall.attendance.internal.LeaveLeaders;
import org.openhall.attendance.internal.LeaveRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** What {@link DemoLeave} works with: the leave settings and requests ({@code attendance :: leave}). */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
record DemoLeaveSources(LeaveLeaders leaders, LeaveRequests requests) {
}
