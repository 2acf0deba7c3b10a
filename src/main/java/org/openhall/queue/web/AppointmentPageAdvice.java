package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused request on an appointment page that the page itself does not show inline (an unknown centre, service or
 * slot) shows the error page with the right status.
 */
@ControllerAdvice(assignableTypes = AppointmentPage.class)
class AppointmentPageAdvice {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = e.httpStatus();
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
