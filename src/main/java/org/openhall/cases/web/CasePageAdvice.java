package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case pages' own address for the pager's links. A refused request on a case page (an unknown number, a case
 * outside the user's scope) shows the error page ({@link org.openhall.shared.web.ErrorPageOnRefusal}).
 */
@ControllerAdvice(assignableTypes = CasePage.class)
class CasePageAdvice {

    /** The page's own address with its query, for the pager's links. */
    @ModelAttribute("base")
    UriComponentsBuilder base(HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
    }
}
