package org.openhall.queue.web;

import org.openhall.queue.DeviceKind;
import org.openhall.queue.internal.Devices;
import org.openhall.security.DevicePrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The device of a page path {@code /devices/{token}/…}: the token the centre office issued, of the kind the
 * page is for. Anything else is the same 404, so that a guessed token learns nothing.
 */
@Component
class DeviceAccess {

    private final ObjectProvider<Devices> devices;

    DeviceAccess(ObjectProvider<Devices> devices) {
        this.devices = devices;
    }

    DevicePrincipal require(String token, DeviceKind kind) {
        if (token.isBlank() || token.length() > 200) {
            throw new UnknownDeviceException();
        }
        Devices all = devices.getIfAvailable();
        if (all == null) {
            throw new UnknownDeviceException();
        }
        return all.byToken(token).filter(d -> d.kind().equals(kind.name()))
                .orElseThrow(UnknownDeviceException::new);
    }
}
