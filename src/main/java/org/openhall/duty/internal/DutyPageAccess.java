package org.openhall.duty.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's centre and rights on the pages of leaders on duty and incidents (DUTY-6, DUTY-7). Without a
 * signed-in user (the demo loader, scheduled work) everything is allowed and recorded as {@code system}.
 */
@Component
public class DutyPageAccess {

    private final CurrentUsers users;
    private final OrganizationApi organization;
    private final CalendarApi calendar;
    private final java.time.Clock clock;

    DutyPageAccess(CurrentUsers users, OrganizationApi organization, CalendarApi calendar, java.time.Clock clock) {
        this.users = users;
        this.organization = organization;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Optional<CurrentUser> user() {
        return users.current();
    }

    public String actor() {
        return users.actorName();
    }

    /** The name shown on records (who reported, registered, acted): the user's display name, or {@code system}. */
    public String actorName() {
        return user().map(CurrentUser::displayName).filter(n -> !n.isBlank()).orElse(users.actorName());
    }

    /** The centre of the signed-in user, or the requested one for an installation-wide ADMIN. */
    public long centreFor(@Nullable Long requested) {
        Optional<CurrentUser> u = user();
        if (requested != null) {
            if (u.map(x -> !x.canSeeCentre(requested)).orElse(false)) {
                throw DomainException.forbidden("duty.leaders.forbidden");
            }
            return requested;
        }
        Long own = u.map(CurrentUser::centreId).orElse(null);
        if (own != null) {
            return own;
        }
        return organization.centres().stream().findFirst().map(CentreInfo::id)
                .orElseThrow(() -> DomainException.notFound("duty.leaders.centreNotFound"));
    }

    public void requireCentre(long centreId) {
        if (user().map(u -> !u.canSeeCentre(centreId)).orElse(false)) {
            throw DomainException.notFound("duty.leaders.notFound");
        }
    }

    public boolean hasAnyRole(Role... roles) {
        return user().map(u -> u.hasAnyRole(roles)).orElse(true);
    }

    public void requireAnyRole(Role... roles) {
        if (!hasAnyRole(roles)) {
            throw DomainException.forbidden("duty.leaders.forbidden");
        }
    }

    /** The staff record of the signed-in user, if any. */
    public @Nullable Long staffId() {
        return user().map(CurrentUser::staffId).orElse(null);
    }

    public String centreCode(long centreId) {
        return organization.centre(centreId).map(CentreInfo::code)
                .orElseThrow(() -> DomainException.notFound("duty.leaders.centreNotFound"));
    }

    public ZoneId zone(long centreId) {
        return calendar.zone(centreCode(centreId));
    }

    /** Today in the centre's zone. */
    public LocalDate today(long centreId) {
        return LocalDate.now(clock.withZone(zone(centreId)));
    }

    /** The centre's local time now, to the minute (the default time of a report). */
    public java.time.LocalDateTime nowLocal(long centreId) {
        return java.time.LocalDateTime.now(clock.withZone(zone(centreId))).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    public String staffName(long staffId) {
        return organization.staff(staffId).map(s -> s.name()).orElse("#" + staffId);
    }
}
