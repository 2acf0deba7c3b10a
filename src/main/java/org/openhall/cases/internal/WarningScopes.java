package org.openhall.cases.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@link WarningScope} of a request: CENTRE_OFFICE, LEADER and SUPERVISOR see their centre, a DEPT_HEAD
 * their department of it, an ADMIN any centre; WINDOW_STAFF and everyone asking for another centre are refused.
 */
@Component
public class WarningScopes {

    private final CurrentUsers users;
    private final OrganizationApi organization;

    WarningScopes(CurrentUsers users, OrganizationApi organization) {
        this.users = users;
        this.organization = organization;
    }

    public WarningScope resolve(@Nullable Long requestedCentre) {
        CurrentUser u = users.require();
        if (!u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR, Role.DEPT_HEAD)) {
            throw new AccessDeniedException("the warnings are for the centre office, leaders, supervisors and heads");
        }
        CentreInfo centre;
        List<CentreInfo> choices = List.of();
        if (u.hasRole(Role.ADMIN)) {
            choices = organization.centres();
            if (requestedCentre != null) {
                centre = organization.centre(requestedCentre)
                        .orElseThrow(() -> DomainException.notFound("cases.warnings.centre.notFound", requestedCentre));
            } else {
                centre = choices.stream().findFirst()
                        .orElseThrow(() -> DomainException.notFound("cases.warnings.centre.none"));
            }
        } else {
            Long own = u.centreId();
            if (own == null || (requestedCentre != null && !requestedCentre.equals(own))) {
                throw new AccessDeniedException("outside the data scope");
            }
            centre = organization.centre(own)
                    .orElseThrow(() -> DomainException.notFound("cases.warnings.centre.notFound", own));
        }
        Long departmentLimit = null;
        if (!u.seesAllDepartments()) {
            if (u.departmentId() == null) {
                throw new AccessDeniedException("a department head without a department");
            }
            departmentLimit = u.departmentId();
        }
        boolean canScan = u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.SUPERVISOR);
        return new WarningScope(centre.id(), centre.code(), centre.name(), centre.zone(), departmentLimit, canScan,
                choices);
    }
}
