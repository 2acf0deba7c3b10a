package org.openhall.calendar.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.SpecialDay;

/**
 * What an import changed in a year, compared with what was loaded before (CAL-1).
 *
 * @param year               the year
 * @param newYear            whether the year had no arrangement before
 * @param added              days that are exceptions now and were not before
 * @param removed            days that were exceptions and are not any more
 * @param changed            days whose status or name changed
 * @param unchanged          number of days listed identically before and now
 * @param offDays            days off listed in the file
 * @param workingDays        working days (调休) listed in the file
 * @param workingDaysBefore  working days of the whole year before the import ({@code null} for a new year)
 * @param workingDaysAfter   working days of the whole year after the import
 */
public record ImportReport(int year, boolean newYear, List<Change> added, List<Change> removed, List<Change> changed,
        int unchanged, int offDays, int workingDays, @Nullable Integer workingDaysBefore, int workingDaysAfter)
        implements Serializable {

    /** One day's change; {@code before} or {@code after} is {@code null} for an added or removed day. */
    public record Change(LocalDate date, @Nullable SpecialDay before, @Nullable SpecialDay after) implements Serializable {
    }

    public boolean noChange() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    static ImportReport compare(int year, boolean newYear, List<SpecialDay> before, List<SpecialDay> after,
            @Nullable Integer workingDaysBefore, int workingDaysAfter) {
        Map<LocalDate, SpecialDay> old = new TreeMap<>();
        before.forEach(d -> old.put(d.date(), d));
        Map<LocalDate, SpecialDay> now = new TreeMap<>();
        after.forEach(d -> now.put(d.date(), d));
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        for (SpecialDay d : now.values()) {
            SpecialDay o = old.get(d.date());
            if (o == null) {
                added.add(new Change(d.date(), null, d));
            } else if (o.equals(d)) {
                unchanged++;
            } else {
                changed.add(new Change(d.date(), o, d));
            }
        }
        for (SpecialDay o : old.values()) {
            if (!now.containsKey(o.date())) {
                removed.add(new Change(o.date(), o, null));
            }
        }
        int off = (int) after.stream().filter(SpecialDay::offDay).count();
        return new ImportReport(year, newYear, List.copyOf(added), List.copyOf(removed), List.copyOf(changed), unchanged,
                off, after.size() - off, workingDaysBefore, workingDaysAfter);
    }
}
