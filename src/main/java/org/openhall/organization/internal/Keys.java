package org.openhall.organization.internal;

import org.springframework.jdbc.support.KeyHolder;

/** The generated id of an insert on H2 and PostgreSQL alike. */
final class Keys {

    private Keys() {
    }

    static long id(KeyHolder keys) {
        Number n = keys.getKeyAs(Number.class);
        if (n == null) {
            n = keys.getKey();
        }
        if (n == null) {
            throw new IllegalStateException("no generated key");
        }
        return n.longValue();
    }
}
