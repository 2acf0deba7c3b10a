package org.openhall.attendance.internal;

/** Events of the leave requests inside the module (ATT-2), for the notifications after commit. */
final class LeaveEvents {

    private LeaveEvents() {
    }

    /** A stage of a request opened: its approvers have a new request in their queue. */
    record StageOpened(long requestId, long centreId, int stageNo) {
    }

    /** A request was rejected. */
    record Rejected(long requestId, long centreId) {
    }

    /** The applicant asked to revoke an approved request: the last stage's approvers decide. */
    record RevocationAsked(long requestId, long centreId) {
    }
}
