package org.openhall.catalog.internal;

import org.openhall.shared.DomainException;

/**
 * One broken rule of an item: the field (as named in {@link org.openhall.catalog.ItemData}, e.g.
 * {@code materials[2].code}), the message key and its arguments.
 */
public record Violation(String field, String key, Object... args) {

    public Violation {
        args = args.clone();
    }

    public DomainException toException() {
        return DomainException.invalid(field, key, args);
    }
}
