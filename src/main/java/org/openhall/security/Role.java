package org.openhall.security;

/** Staff roles (SEC-1). The label of each is the message key {@code role.NAME}. */
public enum Role {
    ADMIN,
    CENTRE_OFFICE,
    LEADER,
    DEPT_HEAD,
    SUPERVISOR,
    WINDOW_STAFF;

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
