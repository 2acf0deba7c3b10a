package org.openhall.shared.web;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * For every form: a record's {@code id} is never taken from request parameters (it comes from the
 * URL), and blank text fields become null so that optional fields stay empty rather than "".
 */
@ControllerAdvice
class BindingDefaults {

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }
}
