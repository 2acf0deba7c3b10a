package org.openhall.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.internal.CaseQueryRow;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What every case page needs: the signed-in user and their centre, today in the centre's zone, working
 * days left to a due date (CASE-5, from the centre's calendar), names of departments and staff, the
 * deadline text and the masking of the applicant (SEC-2).
 */
@Component
class CasePageSupport {

    /** Rows per page of the case lists. */
    static final int PAGE_SIZE = 20;

    private final CurrentUsers users;
    private final OrganizationApi organization;
    private final CalendarApi calendar;
    private final MessageSource messages;
    private final Clock clock;

    CasePageSupport(CurrentUsers users, OrganizationApi organization, CalendarApi calendar, MessageSource messages,
            Clock clock) {
        this.users = users;
        this.organization = organization;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    CurrentUser user() {
        return users.require();
    }

    /**
     * The centre the pages show: the user's own; an installation-wide ADMIN picks one with
     * {@code ?centre=} and gets the first centre otherwise.
     */
    CentreInfo centre(@Nullable Long requested) {
        CurrentUser u = user();
        Long id = u.centreId();
        if (id == null) {
            if (requested != null) {
                return organization.centre(requested).orElseThrow(() -> DomainException.notFound("cases.pages.centre.notFound"));
            }
            return organization.centres().stream().findFirst()
                    .orElseThrow(() -> DomainException.notFound("cases.pages.centre.notFound"));
        }
        return organization.centre(id).orElseThrow(() -> DomainException.notFound("cases.pages.centre.notFound"));
    }

    CentreInfo centreOf(long centreId) {
        return organization.centre(centreId).orElseThrow(() -> DomainException.notFound("cases.pages.notFound"));
    }

    ZoneId zone(CentreInfo centre) {
        return centre.zone();
    }

    LocalDate today(CentreInfo centre) {
        return clock.instant().atZone(centre.zone()).toLocalDate();
    }

    /**
     * Working days from today to the due date (negative when overdue); null when there is no due date,
     * the clock stands still, or the calendar has no arrangement for a year in between (CAL-3).
     */
    @Nullable Integer daysLeft(CentreInfo centre, @Nullable CaseStatus status, @Nullable LocalDate due) {
        if (due == null || (status != null && !status.clockRuns())) {
            return null;
        }
        try {
            return calendar.workingDaysBetween(centre.code(), today(centre), due);
        } catch (DomainException e) {
            return null;
        }
    }

    Map<Long, String> departmentNames(long centreId) {
        Map<Long, String> names = new HashMap<>();
        for (DepartmentInfo d : organization.departments(centreId)) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    List<DepartmentInfo> departments(long centreId) {
        return organization.departments(centreId);
    }

    Map<Long, String> staffNames(long centreId) {
        Map<Long, String> names = new HashMap<>();
        for (StaffSummary s : organization.staffOfCentre(centreId)) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    List<StaffSummary> staffOfCentre(long centreId) {
        return organization.staffOfCentre(centreId);
    }

    OrganizationApi organization() {
        return organization;
    }

    /** A line of a case list as the pages show it. */
    record Line(CaseQueryRow row, String department, String applicant, @Nullable Integer daysLeft,
            @Nullable String handler) {
    }

    List<Line> lines(CentreInfo centre, List<CaseQueryRow> rows) {
        Map<Long, String> departments = departmentNames(centre.id());
        Map<Long, String> staff = staffNames(centre.id());
        return rows.stream().map(r -> new Line(r, departments.getOrDefault(r.departmentId(), ""),
                        r.applicantIsPerson() ? String.valueOf(Masking.name(r.applicantName())) : r.applicantName(),
                        daysLeft(centre, r.status(), r.effectiveDue()),
                        r.handlerStaffId() == null ? null : staff.get(r.handlerStaffId())))
                .toList();
    }

    /** 2026年10月16日（10个工作日）; the English pages say 16 Oct 2026 (10 working days). */
    String deadline(@Nullable LocalDate due, @Nullable Integer workingDays) {
        if (due == null) {
            return text("cases.pages.deadline.none");
        }
        String date = date(due);
        return workingDays == null ? date : text("cases.pages.deadline.format", date, workingDays);
    }

    String date(@Nullable LocalDate d) {
        if (d == null) {
            return "";
        }
        return text("cases.pages.date.format", String.valueOf(d.getYear()), d.getMonthValue(), d.getDayOfMonth(),
                d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH));
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Shows a refused rule next to its field, or above the form. */
    static void reject(DomainException e, BindingResult result) {
        String field = e.field();
        if (field != null && !field.isBlank() && result.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(result.getTarget().getClass(), field) != null) {
            result.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
        } else {
            result.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    /** Roles that act on cases; the leaders and the supervisors read. */
    static boolean acts(CurrentUser u) {
        return u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.DEPT_HEAD, Role.WINDOW_STAFF);
    }

    /** Roles that see the whole centre's case board. */
    static boolean seesBoard(CurrentUser u) {
        return u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR, Role.DEPT_HEAD);
    }
}
