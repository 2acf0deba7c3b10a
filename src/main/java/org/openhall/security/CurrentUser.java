package org.openhall.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in staff member and the data they may see (SEC-1 data scope).
 *
 * @param centreId     the centre the account belongs to; {@code null} only for an installation-wide ADMIN
 * @param departmentId the department of a DEPT_HEAD or WINDOW_STAFF account
 * @param staffId      the staff record this account belongs to, if any
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        @Nullable Long centreId,
        @Nullable Long departmentId,
        @Nullable Long staffId) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Centre-wide roles see every department of their centre; ADMIN sees every centre. */
    public boolean seesAllDepartments() {
        return hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR);
    }

    /** Whether this user may see data of the given centre. */
    public boolean canSeeCentre(long centre) {
        return hasRole(Role.ADMIN) || (centreId != null && centreId == centre);
    }

    /** Whether this user may see the records of a department (a DEPT_HEAD sees only their own). */
    public boolean canSeeDepartment(long centre, @Nullable Long department) {
        if (!canSeeCentre(centre)) {
            return false;
        }
        if (seesAllDepartments()) {
            return true;
        }
        return department != null && department.equals(departmentId);
    }

    /** Whether this user may change the staff and windows of a department. */
    public boolean canManageDepartment(long centre, @Nullable Long department) {
        if (!canSeeCentre(centre)) {
            return false;
        }
        if (hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)) {
            return true;
        }
        return hasRole(Role.DEPT_HEAD) && department != null && department.equals(departmentId);
    }
}
