package org.openhall.cases;

/**
 * Why a case's clock stands still. 行政许可法 Art. 45: hearings, tenders, testing, inspection, quarantine,
 * appraisal and expert review do not count, and the applicant is told so in writing; waiting for the
 * applicant's supplements (补正) does not count either (CASE-5).
 */
public enum SuspensionReason {
    SUPPLEMENT, HEARING, TENDER, TESTING, INSPECTION, QUARANTINE, APPRAISAL, EXPERT_REVIEW
}
