package org.openhall.cases;

/** The decision of a case (CASE-7). */
public enum CaseResult { APPROVED, REFUSED }
