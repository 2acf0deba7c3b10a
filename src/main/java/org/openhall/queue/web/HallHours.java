package org.openhall.queue.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.OpeningHours;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Whether the hall takes tickets now, for the kiosk's and the online page's notice (Q-1: outside opening hours or on a
 * day that is not a working day of the centre's calendar). Only a hint for the screen: the desk decides on issue.
 */
@Component
class HallHours {

    private final CalendarApi calendar;
    private final OrganizationApi organization;
    private final Clock clock;

    HallHours(CalendarApi calendar, OrganizationApi organization, Clock clock) {
        this.calendar = calendar;
        this.organization = organization;
        this.clock = clock;
    }

    /** The hours of today if the hall is closed now, else null; a centre whose calendar cannot tell counts as open. */
    Closed closedNow(long centreId) {
        CentreInfo centre = organization.centre(centreId).orElse(null);
        if (centre == null) {
            return new Closed(true, null);
        }
        try {
            ZonedDateTime now = clock.instant().atZone(calendar.zone(centre.code()));
            OpeningHours hours = calendar.openingHours(centre.code());
            if (!calendar.isWorkingDay(centre.code(), now.toLocalDate())) {
                return new Closed(true, hours);
            }
            return new Closed(!hours.isOpenAt(now.toLocalTime()), hours);
        } catch (DomainException e) {
            return new Closed(false, null);
        }
    }

    /** @param closed whether the hall is closed now; {@code hours} its opening hours, if known */
    public record Closed(boolean closed, @org.jspecify.annotations.Nullable OpeningHours hours) {
    }
}
