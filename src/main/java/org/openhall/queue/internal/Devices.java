package org.openhall.queue.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.DeviceKind;
import org.openhall.security.DevicePrincipal;

/**
 * The hall devices and their tokens: issued and revoked by the centre office (audited); a token is shown
 * once on issue, only its SHA-256 is stored. Also the {@link org.openhall.security.DeviceTokens} bean of the API chain.
 */
@org.springframework.modulith.NamedInterface("setup")
public interface Devices {

    /** Issues a device; the returned token is shown once. */
    IssuedDevice issue(long centreId, DeviceKind kind, String name, @Nullable Long windowId);

    void revoke(long deviceId);

    List<DeviceView> devices(long centreId);

    /** The device of a token (page paths {@code /devices/{token}/…}), touching its last-seen time. */
    Optional<DevicePrincipal> byToken(String token);

    record IssuedDevice(DeviceView device, String token) {
    }

    record DeviceView(long id, long centreId, DeviceKind kind, String name, @Nullable Long windowId, String tokenHint,
            java.time.Instant createdAt, java.time.@Nullable Instant revokedAt, java.time.@Nullable Instant lastSeenAt) {
    }
}
