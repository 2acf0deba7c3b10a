package org.openhall.organization.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who may see and change what in the organisation (SEC-1 data scope):
 * ADMIN everything; CENTRE_OFFICE their centre; LEADER and SUPERVISOR read their centre;
 * DEPT_HEAD sees and edits only their department's staff and training; WINDOW_STAFF sees windows
 * and departments only. Outside a web request with nobody signed in (start-up loaders) the caller is
 * the system and may do everything; inside a web request nobody signed in may do nothing.
 */
@Component
public class OrgAccess {

    private final CurrentUsers users;

    OrgAccess(CurrentUsers users) {
        this.users = users;
    }

    /** The signed-in user, or empty for the system. */
    public Optional<CurrentUser> user() {
        Optional<CurrentUser> u = users.current();
        if (u.isEmpty() && RequestContextHolder.getRequestAttributes() != null) {
            throw new AccessDeniedException("no signed-in user");
        }
        return u;
    }

    private static AccessDeniedException denied() {
        return new AccessDeniedException("outside the data scope");
    }

    public boolean canSeeCentre(long centreId) {
        return user().map(u -> u.canSeeCentre(centreId)).orElse(true);
    }

    public void checkSeeCentre(long centreId) {
        if (!canSeeCentre(centreId)) {
            throw denied();
        }
    }

    /** Only ADMIN creates centres. */
    public boolean canCreateCentre() {
        return user().map(u -> u.hasRole(Role.ADMIN)).orElse(true);
    }

    /** ADMIN, or the CENTRE_OFFICE of that centre: centres, departments and windows. */
    public boolean canManageCentre(long centreId) {
        return user().map(u -> u.hasRole(Role.ADMIN)
                || (u.hasRole(Role.CENTRE_OFFICE) && u.canSeeCentre(centreId))).orElse(true);
    }

    public void checkManageCentre(long centreId) {
        if (!canManageCentre(centreId)) {
            throw denied();
        }
    }

    /** Roles that see staff records at all (WINDOW_STAFF does not). */
    public boolean seesStaff() {
        return user().map(u -> u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD, Role.SUPERVISOR))
                .orElse(true);
    }

    public boolean canSeeStaff(long centreId, long departmentId) {
        return seesStaff() && user().map(u -> u.canSeeDepartment(centreId, departmentId)).orElse(true);
    }

    public void checkSeeStaff(long centreId, long departmentId) {
        if (!canSeeStaff(centreId, departmentId)) {
            throw denied();
        }
    }

    /** ADMIN, CENTRE_OFFICE of the centre, or the DEPT_HEAD of the department: staff and training. */
    public boolean canManageStaff(long centreId, long departmentId) {
        return user().map(u -> u.canManageDepartment(centreId, departmentId)).orElse(true);
    }

    public void checkManageStaff(long centreId, long departmentId) {
        if (!canManageStaff(centreId, departmentId)) {
            throw denied();
        }
    }

    /** The department a DEPT_HEAD is limited to; null for everyone who sees the whole centre. */
    public @Nullable Long departmentLimit() {
        return user().filter(u -> !u.seesAllDepartments()).map(CurrentUser::departmentId).orElse(null);
    }

    /** SEC-2: the full ID number is shown only to ADMIN and the centre office. */
    public boolean seesFullIdNumber(long centreId) {
        return user().map(u -> u.hasRole(Role.ADMIN) || (u.hasRole(Role.CENTRE_OFFICE) && u.canSeeCentre(centreId)))
                .orElse(true);
    }

    /** Which roles the current user may give to a new login account. */
    public boolean canGrant(Role role, long centreId, long departmentId) {
        Optional<CurrentUser> u = user();
        if (u.isEmpty() || u.get().hasRole(Role.ADMIN)) {
            return true;
        }
        if (u.get().hasRole(Role.CENTRE_OFFICE) && u.get().canSeeCentre(centreId)) {
            return role != Role.ADMIN;
        }
        return role == Role.WINDOW_STAFF && u.get().canManageDepartment(centreId, departmentId);
    }

    /** The user's own centre, if bound to one. */
    public @Nullable Long ownCentre() {
        return user().map(CurrentUser::centreId).orElse(null);
    }

    public boolean isAdmin() {
        return user().map(u -> u.hasRole(Role.ADMIN)).orElse(true);
    }
}
