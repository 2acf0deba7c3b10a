package org.openhall.demo;

import org.openhall.duty.internal.Drills;
import org.openhall.duty.internal.Incidents;
import org.openhall.duty.internal.LeaderDuty;
import org.openhall.duty.internal.ShiftLeads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** What {@link DemoLeaders} works with: the duty module's leaders on duty, 带班, incidents and drills. */
@Component
@ConditionalOnProperty("openhall.demo.enabled")
record DemoLeaderSources(LeaderDuty leaders, ShiftLeads shiftLeads, Incidents incidents, Drills drills) {
}
