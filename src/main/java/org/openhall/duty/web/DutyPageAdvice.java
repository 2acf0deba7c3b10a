package org.openhall.duty.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused request on a duty page (supervisor's day, roster, swaps) shows the error page with the right status. */
@ControllerAdvice(assignableTypes = {DutyDayController.class, DutyOfficeController.class, RosterPageController.class,
        SwapPageController.class})
class DutyPageAdvice {


    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = e.httpStatus();
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
