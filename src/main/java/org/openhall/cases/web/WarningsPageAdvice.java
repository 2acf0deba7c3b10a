package org.openhall.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refused request on a 电子监察 page shows the error page with the right status. */
@ControllerAdvice(assignableTypes = WarningsPage.class)
class WarningsPageAdvice {

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = e.httpStatus();
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
