package org.openhall.organization.internal;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.DepartmentKind;

/** A row of {@code org_department}. */
public record Department(long id, long centreId, String code, String name, DepartmentKind kind,
        @Nullable String headName, @Nullable String phone, int dutyOrder, boolean active) {

    public DepartmentInfo info() {
        return new DepartmentInfo(id, centreId, code, name, kind, dutyOrder, active);
    }
}
