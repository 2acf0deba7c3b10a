package org.openhall.attendance.web;

import jakarta.servlet.http.HttpServletResponse;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The leave pages' refusals (ATT-2): the text of a {@link DomainException} in the page's language for inline messages,
 * and the error page with the right status for a refusal a page does not show inline (an unknown or hidden request).
 */
@Component
@ControllerAdvice(assignableTypes = {LeaveController.class, LeaveOfficeController.class})
class LeavePages {

    private final MessageSource messages;

    LeavePages(MessageSource messages) {
        this.messages = messages;
    }

    String text(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static int status(DomainException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case INVALID -> 400;
        };
    }

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletResponse response, Model model) {
        int status = status(e);
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
