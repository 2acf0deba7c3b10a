package org.openhall.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Creating and finding staff accounts. Passwords are stored only as hashes. */
public interface UserAccounts {

    record NewAccount(String username, String rawPassword, String displayName, Set<Role> roles,
            @Nullable Long centreId, @Nullable Long departmentId, @Nullable Long staffId) {
    }

    record Account(long id, String username, String displayName, Set<Role> roles,
            @Nullable Long centreId, @Nullable Long departmentId, @Nullable Long staffId,
            boolean enabled, boolean locked) {
    }

    /** Creates an account; the username must be new. Audited. */
    long create(NewAccount account);

    Optional<Account> findByUsername(String username);

    boolean exists(String username);

    List<Account> listForCentre(@Nullable Long centreId);
}
