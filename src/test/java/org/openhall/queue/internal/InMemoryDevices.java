package org.openhall.queue.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.DeviceKind;
import org.openhall.security.DevicePrincipal;

/** Devices kept in memory, for the display pages' tests until the stored devices are in place. */
public class InMemoryDevices implements Devices {

    private final Map<String, DeviceView> byToken = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public IssuedDevice issue(long centreId, DeviceKind kind, String name, @Nullable Long windowId) {
        String token = UUID.randomUUID().toString().replace("-", "");
        DeviceView v = new DeviceView(ids.incrementAndGet(), centreId, kind, name, windowId, token.substring(0, 4),
                Instant.EPOCH, null, null);
        byToken.put(token, v);
        return new IssuedDevice(v, token);
    }

    @Override
    public void revoke(long deviceId) {
        byToken.values().removeIf(d -> d.id() == deviceId);
    }

    @Override
    public List<DeviceView> devices(long centreId) {
        return byToken.values().stream().filter(d -> d.centreId() == centreId).toList();
    }

    @Override
    public Optional<DevicePrincipal> byToken(String token) {
        return Optional.ofNullable(byToken.get(token)).map(d -> new DevicePrincipal(d.id(), d.centreId(),
                d.kind().name(), d.windowId(), d.name()));
    }
}
