package org.openhall.cases.web;

/** Marks the page controllers of fees, reconciliation and the archive, whose refusals show the error page. */
interface FeePage {
}
