package org.openhall.cases.internal;

/** One line of the daily reconciliation (窗口、结算室数据一致, seed 000 收费管理标准化 4). */
public enum ReconciliationStatus {
    /** 一致: the settlement office received exactly the window's takings. */
    MATCHED,
    /** 不一致: the figures differ. */
    MISMATCHED,
    /** 未录入: the settlement office has not entered its figure yet. */
    NOT_ENTERED
}
