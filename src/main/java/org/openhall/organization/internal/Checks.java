package org.openhall.organization.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Bean Validation of commands inside the services, so that every entry point (pages, API, other
 * modules) keeps the same rules. The first violation becomes a {@link DomainException} whose message
 * key is the constraint's own key ({@code shared.idNumber.checksum}, {@code org.window.number.pattern})
 * or the constraint name ({@code NotBlank}, {@code Size}) with Spring's argument order.
 */
@Component
public class Checks {

    private final Validator validator;

    Checks(Validator validator) {
        this.validator = validator;
    }

    public void validate(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw toException(v);
        });
    }

    static DomainException toException(ConstraintViolation<?> v) {
        // an entry of a list is named like services[3], without the validator's "<list element>" node
        String field = v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
        String template = v.getMessageTemplate();
        ConstraintDescriptor<?> d = v.getConstraintDescriptor();
        if (template.startsWith("{") && template.endsWith("}") && !template.startsWith("{jakarta.")
                && !template.startsWith("{org.hibernate.")) {
            return DomainException.invalid(field, template.substring(1, template.length() - 1));
        }
        // Spring's order: the field first, then the annotation attributes sorted by name.
        List<Object> args = new ArrayList<>();
        args.add(field);
        Map<String, Object> attrs = new TreeMap<>(d.getAttributes());
        attrs.keySet().removeAll(List.of("message", "groups", "payload"));
        args.addAll(attrs.values());
        return DomainException.invalid(field, d.getAnnotation().annotationType().getSimpleName(), args.toArray());
    }
}
