package org.openhall.organization.internal;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;

/** A row of {@code org_centre}. */
public record Centre(long id, String code, String name, String zone, @Nullable String address, @Nullable String phone,
        boolean active) {

    public CentreInfo info() {
        return new CentreInfo(id, code, name, ZoneId.of(zone), active);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
