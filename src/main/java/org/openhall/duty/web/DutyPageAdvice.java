package org.openhall.duty.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused request on a roster or swap page (not found, forbidden) shows the error page with the right status. */
@ControllerAdvice(assignableTypes = {RosterPageController.class, SwapPageController.class})
class DutyPageAdvice {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case INVALID -> 400;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
