package org.openhall.duty;

import java.time.Instant;
import java.util.List;

/**
 * An incident (突发事件, DUTY-7) was escalated to the leader on duty (政务大厅值班工作制度 四.5: 遇到突发事件时, 及时上报领导);
 * published in the transaction of the escalation, the leaders are told after it committed.
 *
 * @param leaderStaffIds the staff the incident was escalated to (the leader on duty and the centre's leaders)
 */
public record IncidentEscalated(long centreId, long incidentId, String kind, String place, Instant occurredAt,
        List<Long> leaderStaffIds) {

    public IncidentEscalated {
        leaderStaffIds = List.copyOf(leaderStaffIds);
    }
}
