package org.openhall.organization.web;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreData;
import org.openhall.organization.internal.Centre;

/** The centre form (ORG-1). */
public class CentreForm {

    private @Nullable String code;
    private @Nullable String name;
    private @Nullable String zone;
    private @Nullable String address;
    private @Nullable String phone;
    private boolean active = true;

    static CentreForm of(Centre c) {
        CentreForm f = new CentreForm();
        f.code = c.code();
        f.name = c.name();
        f.zone = c.zone();
        f.address = c.address();
        f.phone = c.phone();
        f.active = c.active();
        return f;
    }

    @SuppressWarnings("NullAway")
    CentreData toData() {
        return new CentreData(code == null ? null : code.strip().toUpperCase(), name, zone, address, phone);
    }

    public @Nullable String getCode() { return code; }
    public void setCode(@Nullable String code) { this.code = code; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable String getZone() { return zone; }
    public void setZone(@Nullable String zone) { this.zone = zone; }
    public @Nullable String getAddress() { return address; }
    public void setAddress(@Nullable String address) { this.address = address; }
    public @Nullable String getPhone() { return phone; }
    public void setPhone(@Nullable String phone) { this.phone = phone; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
