package org.openhall.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins (form and HTTP Basic alike) and locks the account at the limit (SEC-1). */
@Component
class LoginAttemptListener {

    private final JdbcUserStore users;
    private final LockoutProperties policy;

    LoginAttemptListener(JdbcUserStore users, LockoutProperties policy) {
        this.users = users;
        this.policy = policy;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.loginFailed(event.getAuthentication().getName(), policy);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.loginSucceeded(event.getAuthentication().getName());
    }
}
