package org.openhall.organization.internal;

import org.openhall.security.CurrentUsers;

/** Makes an {@link OrgAccess} for a given user in unit tests. */
public record OrgAccessProbe(OrgAccess access) {

    public OrgAccessProbe(CurrentUsers users) {
        this(new OrgAccess(users));
    }
}
