package org.openhall.organization.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.EmploymentType;
import org.openhall.organization.Gender;
import org.openhall.organization.StaffSummary;
import org.openhall.shared.Masking;

/** A row of {@code org_staff}. The ID number is held in full; {@link #maskedIdNumber()} is what screens show. */
public record Staff(long id, long centreId, long departmentId, String staffNumber, String name, Gender gender,
        @Nullable String idNumber, @Nullable String mobile, @Nullable String position, @Nullable String duties,
        EmploymentType employmentType, @Nullable Long photoId, boolean publicProfile, boolean active) {

    public StaffSummary summary() {
        return new StaffSummary(id, centreId, departmentId, staffNumber, name, position, employmentType, active);
    }

    public @Nullable String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }

    public @Nullable String maskedMobile() {
        return Masking.mobile(mobile);
    }

    public boolean hasPhoto() {
        return photoId != null;
    }

    /** What the audit trail keeps: personal data masked (SEC-2). */
    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("departmentId", departmentId);
        m.put("staffNumber", staffNumber);
        m.put("name", name);
        m.put("gender", gender);
        m.put("idNumber", maskedIdNumber());
        m.put("mobile", maskedMobile());
        m.put("position", position);
        m.put("duties", duties);
        m.put("employmentType", employmentType);
        m.put("photoId", photoId);
        m.put("publicProfile", publicProfile);
        m.put("active", active);
        return m;
    }
}
