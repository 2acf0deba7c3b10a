package org.openhall.calendar.internal;

import java.time.Duration;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calendar settings ({@code openhall.calendar.*}).
 *
 * @param opens         default opening time of a new centre's hall (CAL-2 example: 8:30–17:30)
 * @param closes        default closing time
 * @param maxRangeDays  the longest range {@code GET /api/v1/calendar/workdays} lists (three years)
 * @param cacheTtl      how long a computed calendar is reused before it is rebuilt from the database; changes made
 *                      on this node take effect at once, changes made on another node after at most this long
 * @param zone          zone of the national calendar and default of new centres; {@code null} = {@code openhall.default-zone}
 */
@ConfigurationProperties("openhall.calendar")
public record CalendarProperties(
        @DefaultValue("08:30") LocalTime opens,
        @DefaultValue("17:30") LocalTime closes,
        @DefaultValue("1098") int maxRangeDays,
        @DefaultValue("60s") Duration cacheTtl,
        @Nullable String zone) {
}
