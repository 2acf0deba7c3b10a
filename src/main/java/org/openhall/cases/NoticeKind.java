package org.openhall.cases;

/** The written notices of a case, each a PDF kept as issued (CASE-2, CASE-2a, CASE-5a, CASE-7, CASE-8). */
public enum NoticeKind {
    /** 受理回执 */
    RECEIPT,
    /** 一次性告知单 (补正材料通知书) */
    CORRECTION,
    /** 容缺受理通知书 with the applicant's commitment and supply-by date */
    DEFERRAL,
    /** 不予受理通知书 */
    REJECTION,
    /** 特别程序 (中止计时) 告知书, Art. 45 */
    SUSPENSION,
    /** 延期办理通知书, Art. 42 */
    EXTENSION,
    /** 办理结果通知书 (准予 / 不予许可决定) */
    DECISION,
    /** 收费收据 */
    FEE_RECEIPT
}
