package org.openhall.catalog.internal;

import java.util.Optional;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who may change the catalogue (CAT-1, SEC-1): ADMIN everywhere, the CENTRE_OFFICE of the item's centre;
 * everyone of a centre reads its catalogue on the staff pages, and the public guide pages need no login.
 * Outside a web request with nobody signed in (start-up loaders, imports run by the system) the caller
 * is the system and may do everything; inside a web request nobody signed in may change nothing.
 */
@Component
public class CatalogAccess {

    private final CurrentUsers users;

    CatalogAccess(CurrentUsers users) {
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

    public boolean canSee(long centreId) {
        return user().map(u -> u.canSeeCentre(centreId)).orElse(true);
    }

    public void checkSee(long centreId) {
        if (!canSee(centreId)) {
            throw new AccessDeniedException("outside the data scope");
        }
    }

    /** ADMIN, or the CENTRE_OFFICE of that centre. */
    public boolean canManage(long centreId) {
        return user().map(u -> u.hasRole(Role.ADMIN) || (u.hasRole(Role.CENTRE_OFFICE) && u.canSeeCentre(centreId)))
                .orElse(true);
    }

    public void checkManage(long centreId) {
        if (!canManage(centreId)) {
            throw new AccessDeniedException("only ADMIN or the centre office change the catalogue");
        }
    }

    public boolean isAdmin() {
        return user().map(u -> u.hasRole(Role.ADMIN)).orElse(true);
    }

    /** The username for records: the signed-in user or {@code system}. */
    public String actor() {
        return users.actorName();
    }
}
