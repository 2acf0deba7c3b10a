package org.openhall.security;

import java.util.Optional;

/** Who is signed in on this request. */
public interface CurrentUsers {

    Optional<CurrentUser> current();

    /** The signed-in user; throws if nobody is (callers sit behind authenticated routes). */
    default CurrentUser require() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    /** The username for audit records: the signed-in user or {@code system}. */
    default String actorName() {
        return current().map(CurrentUser::username).orElse("system");
    }
}
