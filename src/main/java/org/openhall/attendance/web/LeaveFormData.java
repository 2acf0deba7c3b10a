package org.openhall.attendance.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.LeaveType;
import org.openhall.attendance.internal.LeaveForm;
import org.openhall.shared.DomainException;

/** The leave form of the page as typed (ATT-2); {@link #toForm()} turns it into a {@link LeaveForm} or refuses it. */
public class LeaveFormData {

    private @Nullable String type;
    private @Nullable String startDay;
    private String startHalf = "AM";
    private @Nullable String endDay;
    private String endHalf = "PM";
    private @Nullable String reason;
    private @Nullable Long standIn;
    private boolean emergency;

    LeaveForm toForm() {
        LeaveType t = null;
        if (type != null && !type.isBlank()) {
            try {
                t = LeaveType.valueOf(type.strip());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("type", "att.leave.type-required");
            }
        }
        return new LeaveForm(t, date(startDay), "PM".equals(startHalf), date(endDay), "AM".equals(endHalf), reason,
                standIn, emergency);
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("start", "att.leave.dates-required");
        }
    }

    public @Nullable String getType() {
        return type;
    }

    public void setType(@Nullable String type) {
        this.type = type;
    }

    public @Nullable String getStartDay() {
        return startDay;
    }

    public void setStartDay(@Nullable String startDay) {
        this.startDay = startDay;
    }

    public String getStartHalf() {
        return startHalf;
    }

    public void setStartHalf(String startHalf) {
        this.startHalf = startHalf;
    }

    public @Nullable String getEndDay() {
        return endDay;
    }

    public void setEndDay(@Nullable String endDay) {
        this.endDay = endDay;
    }

    public String getEndHalf() {
        return endHalf;
    }

    public void setEndHalf(String endHalf) {
        this.endHalf = endHalf;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason;
    }

    public @Nullable Long getStandIn() {
        return standIn;
    }

    public void setStandIn(@Nullable Long standIn) {
        this.standIn = standIn;
    }

    public boolean isEmergency() {
        return emergency;
    }

    public void setEmergency(boolean emergency) {
        this.emergency = emergency;
    }
}
