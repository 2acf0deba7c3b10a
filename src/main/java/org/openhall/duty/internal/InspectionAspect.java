package org.openhall.duty.internal;

/**
 * What a supervisor inspects at a window (DUTY-5), in the order of 上杭县社会保障服务中心督导员值班制度 三.1 "到岗、仪态言行、
 * 服务态度、办件质量、工作效率、卫生保洁、安全防范". The label of each is the message key {@code duty.day.aspect.NAME}.
 */
@org.springframework.modulith.NamedInterface("day")
public enum InspectionAspect {
    /** 到岗: at the post; a finding is also an attendance finding (脱岗) */
    AT_POST,
    /** 仪态言行 */
    CONDUCT,
    /** 服务态度 */
    ATTITUDE,
    /** 办件质量 */
    CASE_QUALITY,
    /** 工作效率 */
    EFFICIENCY,
    /** 卫生保洁 */
    HYGIENE,
    /** 安全防范 */
    SAFETY
}
