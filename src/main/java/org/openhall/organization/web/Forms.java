package org.openhall.organization.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Page-form plumbing shared by the organisation controllers: the command built from a form is
 * validated with its Bean Validation constraints into the form's {@link BindingResult} (so the
 * messages appear next to each field, in Chinese by default), and a rule refused by a service is put
 * next to its field too. Nothing is saved while there is an error.
 */
@Component
class Forms {

    private final SpringValidatorAdapter validator;
    private final MessageSource messages;

    Forms(Validator validator, MessageSource messages) {
        this.validator = new FormValidator(validator);
        this.messages = messages;
    }

    /**
     * Validates commands into the errors of the form they were built from. An entry of a list (one line of
     * the services, say) is reported at the form field holding the list, and the form shows what was typed.
     */
    private static final class FormValidator extends SpringValidatorAdapter {

        FormValidator(Validator validator) {
            super(validator);
        }

        @Override
        protected String determineField(ConstraintViolation<Object> violation) {
            String field = super.determineField(violation);
            int index = field.indexOf('[');
            return index < 0 ? field : field.substring(0, index);
        }

        @Override
        protected @Nullable Object getRejectedValue(String field, ConstraintViolation<Object> violation,
                BindingResult bindingResult) {
            return fieldExists(bindingResult, field) ? bindingResult.getRawFieldValue(field)
                    : super.getRejectedValue(field, violation, bindingResult);
        }
    }

    /** Validates the command into the form's errors; true when there is no error at all. */
    boolean valid(Object command, BindingResult result) {
        validator.validate(command, result);
        return !result.hasErrors();
    }

    /** Shows a refused rule next to its field (or above the form). */
    void reject(DomainException e, BindingResult result) {
        String field = e.field();
        if (field != null && !field.isBlank() && fieldExists(result, field)) {
            result.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
        } else {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    private static boolean fieldExists(BindingResult result, String field) {
        Object target = result.getTarget();
        return target != null && org.springframework.beans.BeanUtils.getPropertyDescriptor(target.getClass(), field) != null;
    }

    String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    void flash(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", text(key, args));
    }
}
