package org.openhall.security.internal;

import java.util.Optional;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityContextCurrentUsers implements CurrentUsers {

    @Override
    public Optional<CurrentUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffUserDetails details) {
            return Optional.of(details.user());
        }
        return Optional.empty();
    }
}
