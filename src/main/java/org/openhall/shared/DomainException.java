package org.openhall.shared;

import org.jspecify.annotations.Nullable;

/**
 * A rule of the domain refused a request. Carries a message key (resolved in Chinese and English
 * from {@code messages/*.properties}) so that pages and the API can both explain it.
 */
public class DomainException extends RuntimeException {

    /** How the refusal maps to HTTP: bad input 400, not found 404, state conflict 409, unprocessable 422. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE, FORBIDDEN }

    private final Kind kind;
    private final String messageKey;
    private final Object[] args;
    private final @Nullable String field;

    public DomainException(Kind kind, @Nullable String field, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public static DomainException invalid(String field, String messageKey, Object... args) {
        return new DomainException(Kind.INVALID, field, messageKey, args);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(Kind.NOT_FOUND, null, messageKey, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, null, messageKey, args);
    }

    public static DomainException unprocessable(String messageKey, Object... args) {
        return new DomainException(Kind.UNPROCESSABLE, null, messageKey, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(Kind.FORBIDDEN, null, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the refusal: 400, 404, 409, 422 or 403. */
    public int httpStatus() {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case FORBIDDEN -> 403;
        };
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public @Nullable String field() {
        return field;
    }
}
