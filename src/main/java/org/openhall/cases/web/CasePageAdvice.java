package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** A refused request on a case page (an unknown number, a case outside the user's scope) shows the error page. */
@ControllerAdvice(assignableTypes = CasePage.class)
class CasePageAdvice {

    /** The page's own address with its query, for the pager's links. */
    @ModelAttribute("base")
    UriComponentsBuilder base(HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = e.httpStatus();
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
