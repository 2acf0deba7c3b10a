package org.openhall.shared.web;

import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhall.shared.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * RFC 9457 problem details for every REST controller under {@code /api/v1}: the message in Chinese
 * ({@code detail}) and English ({@code detail_en}), field errors listed under {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
// before Spring Boot's ProblemDetailsExceptionHandler (@Order(0)), which would otherwise answer Bean Validation
// and other MVC errors of our REST controllers with an English-only "Invalid request content." and no errors[]
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    private final Bilingual bilingual;

    public ApiProblems(Bilingual bilingual) {
        this.bilingual = bilingual;
    }

    public ProblemDetail problem(HttpStatus status, String type, String code, Object... args) {
        Bilingual.Text t = bilingual.text(code, args);
        return problem(status, type, t, List.of());
    }

    private ProblemDetail problem(HttpStatus status, String type, Bilingual.Text text, List<Map<String, String>> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, text.zh());
        p.setType(URI.create("urn:openhall:problem:" + type));
        Bilingual.Text title = bilingual.text("problem.title." + type);
        p.setTitle(title.zh() + " / " + title.en());
        p.setProperty("detail_en", text.en());
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return p;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        HttpStatus status = HttpStatus.valueOf(e.httpStatus());
        String type = switch (e.kind()) {
            case INVALID -> "validation";
            case NOT_FOUND -> "not-found";
            case CONFLICT -> "conflict";
            case UNPROCESSABLE -> "unprocessable";
            case FORBIDDEN -> "forbidden";
        };
        Bilingual.Text text = bilingual.text(e.messageKey(), e.args());
        List<Map<String, String>> errors = e.field() == null ? List.of()
                : List.of(fieldError(e.field(), text));
        return ResponseEntity.status(status).body(problem(status, type, text, errors));
    }

    /** A unique constraint fired (two requests raced past a service's own check): a conflict, never a 500. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "conflict", "problem.duplicate"));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(fe.getField(), fieldText(fe)));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(fieldError(r.getMethodParameter().getParameterName(), bilingual.text(err)))));
        return badRequest(errors);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(fieldError(e.getParameterName(), bilingual.text("problem.parameter.missing", e.getParameterName()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        String value = String.valueOf(e.getValue());
        return badRequest(List.of(fieldError(e.getName(), bilingual.text("problem.parameter.malformed", e.getName(), value))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation", "problem.body.unreadable"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(problem(HttpStatus.METHOD_NOT_ALLOWED, "method", "problem.method", e.getMethod()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden"));
    }

    /** Our own constraint messages ({shared.*}) are resolved by key so that both languages say exactly what is wrong. */
    private Bilingual.Text fieldText(FieldError fe) {
        if (fe.contains(ConstraintViolation.class)) {
            String template = fe.unwrap(ConstraintViolation.class).getMessageTemplate();
            if (template.startsWith("{shared.") && template.endsWith("}")) {
                return bilingual.text(template.substring(1, template.length() - 1));
            }
        }
        return bilingual.text(fe);
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        Bilingual.Text text = errors.size() == 1
                ? new Bilingual.Text(errors.getFirst().get("message"), errors.getFirst().get("message_en"))
                : bilingual.text("problem.validation.detail");
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "validation", text, errors));
    }

    private static Map<String, String> fieldError(String field, Bilingual.Text text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("message", text.zh());
        m.put("message_en", text.en());
        return m;
    }
}
