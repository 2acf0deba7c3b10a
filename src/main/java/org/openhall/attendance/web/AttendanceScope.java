package org.openhall.attendance.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;

/**
 * Whose attendance a supervisor page shows: the user's centre (an ADMIN chooses one), all departments or — for a
 * DEPT_HEAD — their own; whether the user may record checks and publish.
 */
record AttendanceScope(long centreId, String centreName, @Nullable Long departmentLimit, boolean canCheck,
        boolean canPublish, List<CentreInfo> centreChoices) {

    static AttendanceScope of(CurrentUser u, OrganizationApi org, @Nullable Long requestedCentre) {
        List<CentreInfo> choices = List.of();
        long centre;
        if (u.hasRole(Role.ADMIN)) {
            choices = org.centres();
            if (requestedCentre != null && org.centre(requestedCentre).isPresent()) {
                centre = requestedCentre;
            } else if (u.centreId() != null) {
                centre = u.centreId();
            } else if (!choices.isEmpty()) {
                centre = choices.getFirst().id();
            } else {
                throw DomainException.notFound("att.centre.not-found");
            }
        } else if (u.centreId() != null) {
            centre = u.centreId();
        } else {
            throw DomainException.forbidden("att.core.page.no-centre");
        }
        String name = org.centre(centre).map(CentreInfo::name).orElse("");
        Long department = u.seesAllDepartments() ? null : u.departmentId();
        return new AttendanceScope(centre, name, department,
                u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR),
                u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE), choices);
    }
}
