package org.openhall.cases.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who may do what with fees and the archive (SEC-1 data scope, CASE-8, CASE-9).
 * <ul>
 * <li>Collecting a fee and asking for a void: WINDOW_STAFF of the case's department or holding a post at the
 * window where the money is taken (扎口收费: the fee window collects for every department), DEPT_HEAD of the case's
 * department, CENTRE_OFFICE of the centre, ADMIN.</li>
 * <li>Seeing the payments of a case: the same, plus LEADER and SUPERVISOR of the centre and every WINDOW_STAFF of
 * the centre (to reprint a receipt at any fee window).</li>
 * <li>Approving a void, entering the settlement office's figures: CENTRE_OFFICE of the centre (the settlement office
 * belongs to it), ADMIN. Reading the reconciliation: also LEADER.</li>
 * <li>The archive: CENTRE_OFFICE, LEADER and ADMIN see all of the centre's archived cases, DEPT_HEAD those of their
 * department.</li>
 * </ul>
 * Outside a web request with nobody signed in (loaders, scheduled work) the caller is the system.
 */
@Component
public class FeeAccess {

    private final CurrentUsers users;
    private final OrganizationApi organization;

    FeeAccess(CurrentUsers users, OrganizationApi organization) {
        this.users = users;
        this.organization = organization;
    }

    public Optional<CurrentUser> user() {
        Optional<CurrentUser> u = users.current();
        if (u.isEmpty() && RequestContextHolder.getRequestAttributes() != null) {
            throw new AccessDeniedException("no signed-in user");
        }
        return u;
    }

    static AccessDeniedException denied() {
        return new AccessDeniedException("outside the data scope");
    }

    private boolean holdsWindow(CurrentUser u, @Nullable Long windowId) {
        return windowId != null && u.staffId() != null
                && organization.windowsOfStaff(u.staffId()).stream().anyMatch(w -> w.id() == windowId);
    }

    /** Whether the user's role takes money at all (LEADER and SUPERVISOR only read). */
    public void checkCollectorRole() {
        if (!user().map(u -> u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.DEPT_HEAD, Role.WINDOW_STAFF)).orElse(true)) {
            throw denied();
        }
    }

    /** May collect a fee for a case of this centre and department at this window. */
    public boolean canCollect(long centreId, long departmentId, @Nullable Long windowId) {
        return user().map(u -> {
            if (!u.canSeeCentre(centreId)) {
                return false;
            }
            if (u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)) {
                return true;
            }
            if (u.hasRole(Role.DEPT_HEAD) && u.canSeeDepartment(centreId, departmentId)) {
                return true;
            }
            return u.hasRole(Role.WINDOW_STAFF)
                    && (u.canSeeDepartment(centreId, departmentId) || holdsWindow(u, windowId));
        }).orElse(true);
    }

    public void checkCollect(long centreId, long departmentId, @Nullable Long windowId) {
        if (!canCollect(centreId, departmentId, windowId)) {
            throw denied();
        }
    }

    /** May see the payments of a case of this centre and department. */
    public boolean canSeePayments(long centreId, long departmentId) {
        return user().map(u -> u.canSeeDepartment(centreId, departmentId)
                || (u.hasRole(Role.WINDOW_STAFF) && u.canSeeCentre(centreId))).orElse(true);
    }

    public void checkSeePayments(long centreId, long departmentId) {
        if (!canSeePayments(centreId, departmentId)) {
            throw denied();
        }
    }

    /** May approve or refuse voids and enter the settlement office's figures. */
    public boolean canSettle(long centreId) {
        return user().map(u -> u.hasRole(Role.ADMIN) || (u.hasRole(Role.CENTRE_OFFICE) && u.canSeeCentre(centreId)))
                .orElse(true);
    }

    public void checkSettle(long centreId) {
        if (!canSettle(centreId)) {
            throw denied();
        }
    }

    /** May read the daily reconciliation. */
    public boolean canSeeReconciliation(long centreId) {
        return user().map(u -> u.canSeeCentre(centreId) && u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER))
                .orElse(true);
    }

    public void checkSeeReconciliation(long centreId) {
        if (!canSeeReconciliation(centreId)) {
            throw denied();
        }
    }

    /** May search the archive of the centre at all (a DEPT_HEAD only within their department). */
    public boolean canSearchArchive(long centreId) {
        return user().map(u -> u.canSeeCentre(centreId)
                && (u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER)
                        || (u.hasRole(Role.DEPT_HEAD) && u.departmentId() != null))).orElse(true);
    }

    public void checkSearchArchive(long centreId) {
        if (!canSearchArchive(centreId)) {
            throw denied();
        }
    }

    /** The department an archive search is limited to: a DEPT_HEAD's own, null for centre-wide roles. */
    public @Nullable Long archiveDepartmentLimit() {
        return user().filter(u -> !u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER))
                .map(CurrentUser::departmentId).orElse(null);
    }

    /** Whether the user's role may use the archive at all (403 otherwise). */
    public void checkArchiveRole() {
        if (!user().map(u -> u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD)).orElse(true)) {
            throw denied();
        }
    }

    /** May open one archived case. */
    public boolean canReadArchived(long centreId, long departmentId) {
        if (!canSearchArchive(centreId)) {
            return false;
        }
        Long limit = archiveDepartmentLimit();
        return limit == null || limit == departmentId;
    }

    public void checkReadArchived(long centreId, long departmentId) {
        if (!canReadArchived(centreId, departmentId)) {
            throw denied();
        }
    }

    /**
     * The centre a page or API call works on: the user's own centre, or for an installation-wide ADMIN the one asked
     * for ({@code ?centre=}), else the first centre. 403 when a user asks for a centre outside their scope.
     */
    public long centreFor(@Nullable Long requested) {
        Long own = ownCentre();
        if (requested != null) {
            if (user().map(u -> !u.canSeeCentre(requested)).orElse(false)) {
                throw denied();
            }
            return requested;
        }
        if (own != null) {
            return own;
        }
        return organization.centres().stream().findFirst().map(org.openhall.organization.CentreInfo::id)
                .orElseThrow(() -> org.openhall.shared.DomainException.notFound("cases.fees.centre.notFound", 0));
    }

    /** The centres an ADMIN may switch between on the fee and archive pages (empty for everyone else). */
    public java.util.List<org.openhall.organization.CentreInfo> centreChoices() {
        return ownCentre() == null && isAdmin() ? organization.centres() : java.util.List.of();
    }

    /** The centre of the signed-in user (null for an installation-wide ADMIN or the system). */
    public @Nullable Long ownCentre() {
        return user().map(CurrentUser::centreId).orElse(null);
    }

    public boolean isAdmin() {
        return user().map(u -> u.hasRole(Role.ADMIN)).orElse(true);
    }

    /** The username recorded with a change. */
    public String actor() {
        return users.actorName();
    }

    /** The name printed on a receipt: the signed-in user's display name. */
    public String actorDisplayName() {
        return users.current().map(CurrentUser::displayName).orElse("system");
    }

    public @Nullable Long actorStaffId() {
        return users.current().map(CurrentUser::staffId).orElse(null);
    }
}
