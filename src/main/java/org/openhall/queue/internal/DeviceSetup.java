package org.openhall.queue.internal;

import org.jspecify.annotations.Nullable;
import org.openhall.queue.DeviceKind;

/**
 * For the demo centre only: a device with a token chosen in advance (documented in the README so that the demo's
 * kiosk and displays open without issuing tokens first). Same checks and audit as {@link Devices#issue}; the token must
 * look like an issued one (43 base64url characters). Real installations issue tokens with {@link Devices#issue}.
 */
@org.springframework.modulith.NamedInterface("setup")
public interface DeviceSetup {

    Devices.IssuedDevice issueWithToken(long centreId, DeviceKind kind, String name, @Nullable Long windowId, String token);
}
