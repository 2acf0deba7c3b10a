package org.openhall.cases;

/**
 * The life of a case (CASE-2, CASE-4, CASE-5, CASE-7, CASE-9). The transition table lives in
 * {@code org.openhall.cases.internal.CaseLifecycle}.
 */
public enum CaseStatus {
    /** 补正: a one-time notice listed what is missing; the clock has not started (Art. 32). */
    CORRECTION_REQUIRED,
    /** 不予受理 (退件): not accepted, with the reason and where to go instead. Final, can be archived. */
    REJECTED,
    /** 受理: accepted, the clock runs; not yet routed. */
    ACCEPTED,
    /** 办理中: routed to departments / handlers, opinions and review under way. */
    PROCESSING,
    /** 挂起: the clock stands still (Art. 45, or waiting for the applicant). */
    SUSPENDED,
    /** 办结: decided (APPROVED or REFUSED). */
    COMPLETED,
    /** 归档: filed with its documents and history; read-only. */
    ARCHIVED;

    /** Whether the legal clock may be running: the case is open and not suspended. */
    public boolean clockRuns() {
        return this == ACCEPTED || this == PROCESSING;
    }

    /** Whether the case is still open (not decided, rejected or archived). */
    public boolean open() {
        return this == CORRECTION_REQUIRED || this == ACCEPTED || this == PROCESSING || this == SUSPENDED;
    }
}
