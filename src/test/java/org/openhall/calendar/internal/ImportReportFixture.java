package org.openhall.calendar.internal;

import java.util.List;
import org.openhall.calendar.SpecialDay;

/** Builds import reports without a database. */
public final class ImportReportFixture {

    private ImportReportFixture() {
    }

    public static ImportReport compare(int year, List<SpecialDay> before, List<SpecialDay> after) {
        return ImportReport.compare(year, before.isEmpty(), before, after, null, 0);
    }
}
