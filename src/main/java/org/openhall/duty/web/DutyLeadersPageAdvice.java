package org.openhall.duty.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused request on a page of leaders on duty or incidents shows the error page with the right status. */
@ControllerAdvice(assignableTypes = DutyLeadersPage.class)
class DutyLeadersPageAdvice {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        response.setStatus(e.httpStatus());
        model.addAttribute("status", e.httpStatus());
        return "error";
    }
}
