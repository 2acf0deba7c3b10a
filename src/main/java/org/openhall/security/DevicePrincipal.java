package org.openhall.security;

import org.jspecify.annotations.Nullable;

/**
 * A hall device (kiosk, display, rating pad) authenticated by the token the centre office issued to it.
 * Its authorities are {@code ROLE_DEVICE} and {@code ROLE_DEVICE_<KIND>}, e.g. {@code ROLE_DEVICE_KIOSK}.
 *
 * @param kind     the device kind, e.g. {@code KIOSK}
 * @param windowId the window a window display or rating pad belongs to
 */
public record DevicePrincipal(long deviceId, long centreId, String kind, @Nullable Long windowId, String name) {

    public String authority() {
        return "ROLE_DEVICE_" + kind;
    }
}
