package org.openhall.cases.web;

import org.openhall.shared.web.ErrorPageOnRefusal;

/**
 * Marks the staff case pages of this package (not the REST API) for {@link CasePageAdvice}; their refusals show the
 * error page.
 */
interface CasePage extends ErrorPageOnRefusal {
}
