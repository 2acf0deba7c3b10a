package org.openhall.cases.web;

/** Marks the page controllers of online applications and their review for {@link ApplicationPageAdvice}. */
interface ApplicationPage {
}
