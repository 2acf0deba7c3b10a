package org.openhall.security.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SEC-1: an account locks for {@code duration} after {@code maxFailures} consecutive failed logins.
 * Defaults 5 and 15 minutes (issue requirement; configuration, not code).
 */
@ConfigurationProperties("openhall.security.lockout")
public record LockoutProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
}
