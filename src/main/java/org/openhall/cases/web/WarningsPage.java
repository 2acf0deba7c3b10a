package org.openhall.cases.web;

/** Marks the 电子监察 page controllers (not the REST API) for {@link WarningsPageAdvice}. */
interface WarningsPage {
}
