package org.openhall.duty.web;

/** Marks the page controllers of leaders on duty and incidents, whose refusals (403, 404) show the error page. */
interface DutyLeadersPage {
}
