package org.openhall.duty.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.duty.internal.roster.RosterViews.Warning;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the duty pages and the duty API share: the caller's centre, whether they plan, texts, staff lists. */
@Component
class DutyPageSupport {

    /** A warning in the reader's language. */
    record WarningText(java.time.LocalDate day, String text, boolean blocking) {
    }

    /** Staff of the centre by department, for the cell editors. */
    record StaffGroup(String department, List<StaffSummary> staff) {
    }

    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final CurrentUsers users;
    private final MessageSource messages;

    DutyPageSupport(OrganizationApi org, CalendarApi calendar, CurrentUsers users, MessageSource messages) {
        this.org = org;
        this.calendar = calendar;
        this.users = users;
        this.messages = messages;
    }

    static void rethrowIfNotUserError(DomainException e) {
        if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
    }

    List<StaffGroup> staffGroups(long centreId) {
        List<StaffGroup> groups = new ArrayList<>();
        for (DepartmentInfo dept : org.departments(centreId)) {
            List<StaffSummary> staff = org.staffOfDepartment(dept.id()).stream().filter(StaffSummary::active).toList();
            if (!staff.isEmpty()) {
                groups.add(new StaffGroup(dept.name(), staff));
            }
        }
        return groups;
    }

    WarningText text(Warning w) {
        return new WarningText(w.day(), text(w.key(), w.args().toArray()), w.blocking());
    }

    String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    ZoneId zone(CentreInfo c) {
        return calendar.zone(c.code());
    }

    boolean planner(long centreId) {
        CurrentUser u = users.require();
        return u.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE) && u.canSeeCentre(centreId);
    }

    /** The user's centre; an ADMIN chooses one (default: the first). */
    CentreInfo centreOf(@Nullable Long requested) {
        CurrentUser u = users.require();
        Long id = u.hasRole(Role.ADMIN) && requested != null ? requested : u.centreId();
        if (id == null) {
            return org.centres().stream().findFirst()
                    .orElseThrow(() -> DomainException.notFound("duty.roster.error.noCentre"));
        }
        if (!u.canSeeCentre(id)) {
            throw DomainException.forbidden("duty.roster.error.forbidden");
        }
        return org.centre(id).orElseThrow(() -> DomainException.notFound("duty.roster.error.noCentre"));
    }

}
