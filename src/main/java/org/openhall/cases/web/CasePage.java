package org.openhall.cases.web;

/** Marks the staff case pages of this package (not the REST API) for {@link CasePageAdvice}. */
interface CasePage {
}
