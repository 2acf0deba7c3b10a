package org.openhall.cases.internal;

/** What an archived case ended with (CASE-9 search): approved, refused, or not accepted at all (不予受理). */
public enum ArchiveOutcome { APPROVED, REFUSED, NOT_ACCEPTED }
