package org.openhall.organization.web;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.DepartmentData;
import org.openhall.organization.DepartmentKind;
import org.openhall.organization.internal.Department;

/** The department form (ORG-1). */
public class DepartmentForm {

    private @Nullable Long centreId;
    private @Nullable String code;
    private @Nullable String name;
    private @Nullable DepartmentKind kind = DepartmentKind.STATIONED;
    private @Nullable String headName;
    private @Nullable String phone;
    private @Nullable Integer dutyOrder;
    private boolean active = true;

    static DepartmentForm of(Department d) {
        DepartmentForm f = new DepartmentForm();
        f.centreId = d.centreId();
        f.code = d.code();
        f.name = d.name();
        f.kind = d.kind();
        f.headName = d.headName();
        f.phone = d.phone();
        f.dutyOrder = d.dutyOrder();
        f.active = d.active();
        return f;
    }

    @SuppressWarnings("NullAway")
    DepartmentData toData() {
        return new DepartmentData(centreId, code, name, kind, headName, phone, dutyOrder);
    }

    public @Nullable Long getCentreId() { return centreId; }
    public void setCentreId(@Nullable Long centreId) { this.centreId = centreId; }
    public @Nullable String getCode() { return code; }
    public void setCode(@Nullable String code) { this.code = code; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable DepartmentKind getKind() { return kind; }
    public void setKind(@Nullable DepartmentKind kind) { this.kind = kind; }
    public @Nullable String getHeadName() { return headName; }
    public void setHeadName(@Nullable String headName) { this.headName = headName; }
    public @Nullable String getPhone() { return phone; }
    public void setPhone(@Nullable String phone) { this.phone = phone; }
    public @Nullable Integer getDutyOrder() { return dutyOrder; }
    public void setDutyOrder(@Nullable Integer dutyOrder) { this.dutyOrder = dutyOrder; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
