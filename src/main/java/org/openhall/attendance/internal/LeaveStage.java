package org.openhall.attendance.internal;

/** Who approves a stage of a leave request's chain (ATT-2). The label of each is {@code att.leave.stage.NAME}. */
public enum LeaveStage {
    /** 部门负责人 (人社所负责人): any DEPT_HEAD account of the applicant's department */
    UNIT_HEAD,
    /** 分管领导: the leader in charge of the applicant's department (leave settings) */
    DEPUTY_LEADER,
    /** 主要领导: every principal leader of the centre (leave settings), jointly */
    PRINCIPAL_LEADERS
}
