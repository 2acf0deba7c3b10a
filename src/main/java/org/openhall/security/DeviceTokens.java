package org.openhall.security;

import java.util.Optional;

/**
 * Checks a device token. The module that issues device tokens provides the bean; the API filter chain
 * accepts {@code Authorization: Bearer <token>} with it. An unknown or revoked token is empty.
 */
public interface DeviceTokens {

    Optional<DevicePrincipal> authenticate(String token);
}
