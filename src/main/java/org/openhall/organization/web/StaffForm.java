package org.openhall.organization.web;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.EmploymentType;
import org.openhall.organization.Gender;
import org.openhall.organization.StaffData;
import org.openhall.organization.internal.Staff;
import org.openhall.security.Role;

/** The staff form (ORG-2), with the optional login account of a new staff member. */
public class StaffForm {

    private @Nullable Long departmentId;
    private @Nullable String staffNumber;
    private @Nullable String name;
    private @Nullable Gender gender;
    private @Nullable String idNumber;
    private @Nullable String mobile;
    private @Nullable String position;
    private @Nullable String duties;
    private @Nullable EmploymentType employmentType = EmploymentType.REGULAR;
    private boolean publicProfile;
    private boolean createLogin;
    private @Nullable String username;
    private @Nullable String password;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private boolean active = true;

    /** The edit form: the ID number is never sent back to the browser; blank keeps it. */
    static StaffForm of(Staff s, boolean showMobile) {
        StaffForm f = new StaffForm();
        f.departmentId = s.departmentId();
        f.staffNumber = s.staffNumber();
        f.name = s.name();
        f.gender = s.gender();
        f.mobile = showMobile ? s.mobile() : null;
        f.position = s.position();
        f.duties = s.duties();
        f.employmentType = s.employmentType();
        f.publicProfile = s.publicProfile();
        f.active = s.active();
        return f;
    }

    @SuppressWarnings("NullAway")
    StaffData toData() {
        return new StaffData(departmentId, staffNumber == null ? null : staffNumber.strip(), name, gender, idNumber,
                mobile, position, duties, employmentType, publicProfile,
                createLogin ? username : null, createLogin ? password : null, createLogin ? roles : null);
    }

    public @Nullable Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(@Nullable Long departmentId) { this.departmentId = departmentId; }
    public @Nullable String getStaffNumber() { return staffNumber; }
    public void setStaffNumber(@Nullable String staffNumber) { this.staffNumber = staffNumber; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable Gender getGender() { return gender; }
    public void setGender(@Nullable Gender gender) { this.gender = gender; }
    public @Nullable String getIdNumber() { return idNumber; }
    public void setIdNumber(@Nullable String idNumber) { this.idNumber = idNumber; }
    public @Nullable String getMobile() { return mobile; }
    public void setMobile(@Nullable String mobile) { this.mobile = mobile; }
    public @Nullable String getPosition() { return position; }
    public void setPosition(@Nullable String position) { this.position = position; }
    public @Nullable String getDuties() { return duties; }
    public void setDuties(@Nullable String duties) { this.duties = duties; }
    public @Nullable EmploymentType getEmploymentType() { return employmentType; }
    public void setEmploymentType(@Nullable EmploymentType employmentType) { this.employmentType = employmentType; }
    public boolean isPublicProfile() { return publicProfile; }
    public void setPublicProfile(boolean publicProfile) { this.publicProfile = publicProfile; }
    public boolean isCreateLogin() { return createLogin; }
    public void setCreateLogin(boolean createLogin) { this.createLogin = createLogin; }
    public @Nullable String getUsername() { return username; }
    public void setUsername(@Nullable String username) { this.username = username; }
    public @Nullable String getPassword() { return password; }
    public void setPassword(@Nullable String password) { this.password = password; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(@Nullable Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
