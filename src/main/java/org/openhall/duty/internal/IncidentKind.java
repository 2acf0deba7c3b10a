package org.openhall.duty.internal;

/** Kinds of incident in the hall (突发事件, DUTY-7). Label: duty.incident.kind.NAME */
@org.springframework.modulith.NamedInterface("leaders")
public enum IncidentKind {
    /** 群众突发疾病或受伤 */
    MEDICAL,
    /** 群众纠纷、冲突 */
    CONFLICT,
    /** 人员聚集、拥堵 */
    CROWD,
    /** 停电、网络或系统中断 */
    OUTAGE,
    /** 设施设备故障 */
    FACILITY,
    /** 火情 */
    FIRE,
    /** 治安事件 */
    SECURITY,
    OTHER
}
