package org.openhall.calendar;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The hours a centre's hall is open on a working day (CAL-2), e.g. 08:30–17:30.
 *
 * @param opens  when the hall opens
 * @param closes when it closes; after {@code opens}
 */
public record OpeningHours(LocalTime opens, LocalTime closes) implements Serializable {

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("closing time " + closes + " must be after opening time " + opens);
        }
    }

    /** Whether the hall is open at this time of day (opening time inclusive, closing time exclusive). */
    public boolean isOpenAt(LocalTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }
}
