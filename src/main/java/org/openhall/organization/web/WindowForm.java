package org.openhall.organization.web;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.organization.internal.ServiceWindow;
import org.openhall.organization.internal.Text;

/** The window form (ORG-3, ORG-4a). Services are typed one per line. */
public class WindowForm {

    private @Nullable Long departmentId;
    private @Nullable String number;
    private @Nullable String name;
    private @Nullable WindowType type = WindowType.ACCEPTANCE;
    private @Nullable String location;
    private @Nullable String services;
    private @Nullable Long postAStaffId;
    private @Nullable Long postBStaffId;
    private boolean active = true;
    private @Nullable String changeReason;

    static WindowForm of(ServiceWindow w) {
        WindowForm f = new WindowForm();
        f.departmentId = w.departmentId();
        f.number = w.number();
        f.name = w.name();
        f.type = w.type();
        f.location = w.location();
        f.services = String.join("\n", w.services());
        f.postAStaffId = w.postAStaffId();
        f.postBStaffId = w.postBStaffId();
        f.active = w.active();
        return f;
    }

    @SuppressWarnings("NullAway")
    WindowData toData() {
        return new WindowData(departmentId, number == null ? null : number.strip(), name, type, location,
                Text.lines(services), postAStaffId, postBStaffId, null);
    }

    public @Nullable Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(@Nullable Long departmentId) { this.departmentId = departmentId; }
    public @Nullable String getNumber() { return number; }
    public void setNumber(@Nullable String number) { this.number = number; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable WindowType getType() { return type; }
    public void setType(@Nullable WindowType type) { this.type = type; }
    public @Nullable String getLocation() { return location; }
    public void setLocation(@Nullable String location) { this.location = location; }
    public @Nullable String getServices() { return services; }
    public void setServices(@Nullable String services) { this.services = services; }
    public @Nullable Long getPostAStaffId() { return postAStaffId; }
    public void setPostAStaffId(@Nullable Long postAStaffId) { this.postAStaffId = postAStaffId; }
    public @Nullable Long getPostBStaffId() { return postBStaffId; }
    public void setPostBStaffId(@Nullable Long postBStaffId) { this.postBStaffId = postBStaffId; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public @Nullable String getChangeReason() { return changeReason; }
    public void setChangeReason(@Nullable String changeReason) { this.changeReason = changeReason; }
}
