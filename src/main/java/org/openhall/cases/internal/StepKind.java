package org.openhall.cases.internal;

/**
 * The recorded steps of a case (CASE-4 收、审、发全程记录). Open steps (HANDLE, OPINION) have a due date and are done
 * later; every other step is recorded done when it happens.
 */
public enum StepKind {
    /** 收: the intake at the window (or the review of an online application). */
    RECEIVE,
    /** 一次性告知: a correction notice was issued. */
    CORRECTION,
    /** 补正: materials received after intake. */
    SUPPLEMENT,
    /** 受理: the case was accepted and its clock started. */
    ACCEPT,
    /** 不予受理 (退件). */
    REJECT,
    /** 分办: routed to a department and handler. */
    ROUTE,
    /** 承办: the handler's open task. */
    HANDLE,
    /** 会签: an assisting department's opinion on a joint item (open until given). */
    OPINION,
    /** 审: the review (审核把关). */
    REVIEW,
    /** 挂起 (计时中止). */
    SUSPEND,
    /** 恢复计时. */
    RESUME,
    /** 延期 (Art. 42). */
    EXTEND,
    /** 办结 (决定). */
    DECISION,
    /** 发: the result handed over or mailed. */
    DELIVER,
    /** 归档. */
    ARCHIVE
}
