package org.openhall.cases.internal;

import java.util.Optional;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who may see and change which case (SEC-1 data scope, SEC-2):
 * <ul>
 *   <li>ADMIN: every case; CENTRE_OFFICE, LEADER, SUPERVISOR: every case of their centre.</li>
 *   <li>DEPT_HEAD and WINDOW_STAFF: the cases of their own department, the cases they received or handle, and the
 *       joint cases their department is asked for an opinion on.</li>
 *   <li>A case outside the scope does not exist for the user (404), so that numbers of other centres reveal nothing.</li>
 *   <li>Acting (intake, supplement, suspend, resume, extend, complete, deliver, archive): ADMIN, CENTRE_OFFICE,
 *       DEPT_HEAD, WINDOW_STAFF; routing: ADMIN, CENTRE_OFFICE, DEPT_HEAD; review: ADMIN, CENTRE_OFFICE, LEADER,
 *       DEPT_HEAD; approving an extension: LEADER, CENTRE_OFFICE (Art. 42: 经本行政机关负责人批准). SUPERVISOR reads only.</li>
 *   <li>Full personal data (ID number, mobile, e-mail, address): ADMIN, CENTRE_OFFICE, and the staff who received or
 *       handle the case (they deal with the applicant); everyone else sees it masked, and every full read is audited.</li>
 * </ul>
 * Outside a web request with nobody signed in (loaders, listeners, tests) the caller is the system and may do
 * everything; inside a web request nobody signed in may do nothing.
 */
@Component
class CaseAccess {

    private final CurrentUsers users;
    private final JdbcClient jdbc;

    CaseAccess(CurrentUsers users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The signed-in user, or empty for the system. */
    Optional<CurrentUser> user() {
        Optional<CurrentUser> u = users.current();
        if (u.isEmpty() && RequestContextHolder.getRequestAttributes() != null) {
            throw new AccessDeniedException("no signed-in user");
        }
        return u;
    }

    /** The signed-in user if any, without refusing an anonymous web request (the applicant submitting online). */
    Optional<CurrentUser> signedIn() {
        return users.current();
    }

    String actor() {
        return users.actorName();
    }

    boolean canSee(CaseRecord c) {
        Optional<CurrentUser> u = user();
        if (u.isEmpty()) {
            return true;
        }
        CurrentUser user = u.get();
        if (!user.canSeeCentre(c.centreId)) {
            return false;
        }
        if (user.seesAllDepartments()) {
            return true;
        }
        if (user.staffId() != null && (user.staffId().equals(c.intakeStaffId) || user.staffId().equals(c.handlerStaffId))) {
            return true;
        }
        if (user.departmentId() == null) {
            return false;
        }
        if (user.departmentId() == c.departmentId) {
            return true;
        }
        return jdbc.sql("select count(*) from cas_step where case_id = :c and kind = 'OPINION' and department_id = :d")
                .param("c", c.id).param("d", user.departmentId()).query(Long.class).single() > 0;
    }

    /** 404 for a case outside the user's scope (as if it did not exist). */
    void checkSee(CaseRecord c) {
        if (!canSee(c)) {
            throw notFound(c.number);
        }
    }

    static DomainException notFound(String number) {
        return DomainException.notFound("cases.notFound", number);
    }

    private boolean has(Role... roles) {
        return user().map(u -> u.hasAnyRole(roles)).orElse(true);
    }

    /** Receive applications in a centre. */
    void checkIntake(long centreId) {
        Optional<CurrentUser> u = user();
        if (u.isPresent() && !u.get().canSeeCentre(centreId)) {
            throw DomainException.notFound("cases.centre.notFound", centreId);
        }
        if (!has(Role.ADMIN, Role.CENTRE_OFFICE, Role.DEPT_HEAD, Role.WINDOW_STAFF)) {
            throw new AccessDeniedException("may not receive applications");
        }
    }

    /** Act on a case the user can see (404 otherwise; 403 for a read-only role). */
    void checkAct(CaseRecord c) {
        checkSee(c);
        if (!has(Role.ADMIN, Role.CENTRE_OFFICE, Role.DEPT_HEAD, Role.WINDOW_STAFF)) {
            throw new AccessDeniedException("read-only role");
        }
    }

    /** Extensions are asked for by those who act, or by a leader directly. */
    void checkExtend(CaseRecord c) {
        checkSee(c);
        if (!has(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD, Role.WINDOW_STAFF)) {
            throw new AccessDeniedException("may not extend");
        }
    }

    /** Routing (分办): the centre office, or the head of the department that has the case. */
    void checkRoute(CaseRecord c) {
        checkSee(c);
        Optional<CurrentUser> u = user();
        if (u.isEmpty() || u.get().hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)) {
            return;
        }
        if (!(u.get().hasRole(Role.DEPT_HEAD) && Long.valueOf(c.departmentId).equals(u.get().departmentId()))) {
            throw new AccessDeniedException("only the centre office or the department head routes");
        }
    }

    /** An opinion of a joint item: staff of the assisting department, or the centre office. */
    void checkOpinion(CaseRecord c, long departmentId) {
        checkSee(c);
        Optional<CurrentUser> u = user();
        if (u.isEmpty() || u.get().hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE)) {
            return;
        }
        if (!(u.get().hasAnyRole(Role.DEPT_HEAD, Role.WINDOW_STAFF) && Long.valueOf(departmentId).equals(u.get().departmentId()))) {
            throw new AccessDeniedException("not of the assisting department");
        }
    }

    /** The review (审核把关): a department head, a leader or the centre office. */
    void checkReview(CaseRecord c) {
        checkSee(c);
        if (!has(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD)) {
            throw new AccessDeniedException("may not review");
        }
    }

    /** SEC-2: whether the user needs the applicant's full personal data for this case. */
    boolean seesPersonalData(CaseRecord c) {
        Optional<CurrentUser> u = user();
        if (u.isEmpty()) {
            return true;
        }
        CurrentUser user = u.get();
        if (user.hasRole(Role.ADMIN) || (user.hasRole(Role.CENTRE_OFFICE) && user.canSeeCentre(c.centreId))) {
            return true;
        }
        return user.staffId() != null && (user.staffId().equals(c.intakeStaffId) || user.staffId().equals(c.handlerStaffId));
    }

    /** The seal and notice settings of a centre: its centre office, or ADMIN (CASE-2a). */
    boolean canManageSettings(long centreId) {
        return user().map(u -> u.hasRole(Role.ADMIN) || (u.hasRole(Role.CENTRE_OFFICE) && u.canSeeCentre(centreId)))
                .orElse(true);
    }
}
