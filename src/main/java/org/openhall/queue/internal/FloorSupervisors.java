package org.openhall.queue.internal;

import java.util.List;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * Who is told of a floor alert: Q-9 says the supervisor on duty (值班督导). There is no duty roster yet, so every
 * enabled, unlocked SUPERVISOR account of the centre that belongs to a staff record (the in-system inbox is
 * {@code staff:ID}) is told. This is the one place where the duty module (DUTY) hooks in when it exists: ask it for the
 * supervisor on duty now, and fall back to this list when nobody is rostered.
 */
@Component
class FloorSupervisors {

    private final UserAccounts accounts;

    FloorSupervisors(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The staff ids to notify of an alert of the centre. */
    List<Long> toNotify(long centreId) {
        return accounts.listForCentre(centreId).stream()
                .filter(a -> a.roles().contains(Role.SUPERVISOR))
                .filter(a -> a.centreId() != null && a.centreId() == centreId)
                .filter(a -> a.enabled() && !a.locked() && a.staffId() != null)
                .map(UserAccounts.Account::staffId)
                .distinct()
                .toList();
    }
}
