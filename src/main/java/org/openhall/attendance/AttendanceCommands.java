package org.openhall.attendance;

import java.time.LocalDate;
import java.time.LocalTime;

/** What other modules tell attendance: duty hours from a published roster (DUTY-1/3) and findings from checks (DUTY-5). */
public interface AttendanceCommands {

    /**
     * The hours a person is due on a day because of duty (e.g. 8:00–18:00), replacing those of the same source; the
     * attendance judgement uses them instead of the opening hours for that day.
     *
     * @param source e.g. {@code roster:17}
     */
    void setDutyHours(long centreId, long staffId, LocalDate day, LocalTime start, LocalTime end, String source,
            String actor);

    /** Removes the duty hours a source set for that person and day (e.g. the duty was swapped away). */
    void clearDutyHours(long centreId, long staffId, LocalDate day, String source, String actor);

    /** Records a finding and publishes {@link AttendanceFindingRecorded}; returns its id. */
    long recordFinding(FindingData finding, String actor);
}
