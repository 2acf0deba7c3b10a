package org.openhall.attendance.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The leave pages' refusals (ATT-2) that a page does not show inline (an unknown or hidden request): the error page with
 * the right status. Inline messages come from {@link org.openhall.shared.web.PageMessages}.
 */
@ControllerAdvice(assignableTypes = {LeaveController.class, LeaveOfficeController.class})
class LeavePages {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = e.httpStatus();
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
