package org.openhall.duty.internal.roster;

/** What a roster plans (DUTY-1). The label of each is {@code duty.roster.kind.NAME}. */
public enum RosterKind {
    /** 值班计划: the working days of a cycle of one or two weeks */
    CYCLE,
    /** 换班计划: the holidays and weekends of the span, with fewer people (政务服务中心值班管理制度 3.3) */
    HOLIDAY
}
