package org.openhall.calendar.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.SpecialDay;
import org.openhall.calendar.internal.ImportReport;

/**
 * One line of the import report on the page: consecutive days with the same change shown together
 * ("2027-02-06 – 02-14 春节 · 休, 9 天") so that a whole new year fits on a screen.
 */
public record ReportRow(String kind, LocalDate from, LocalDate to, int days, @Nullable SpecialDay before,
        @Nullable SpecialDay after) {

    public boolean single() {
        return from.equals(to);
    }

    static List<ReportRow> of(ImportReport report) {
        List<ReportRow> rows = new ArrayList<>();
        group("added", report.added(), rows);
        group("changed", report.changed(), rows);
        group("removed", report.removed(), rows);
        rows.sort(Comparator.comparing(ReportRow::from));
        return rows;
    }

    private static void group(String kind, List<ImportReport.Change> changes, List<ReportRow> rows) {
        ReportRow open = null;
        for (ImportReport.Change c : changes) {
            if (open != null && open.to().plusDays(1).equals(c.date()) && same(open.before(), c.before())
                    && same(open.after(), c.after())) {
                open = new ReportRow(kind, open.from(), c.date(), open.days() + 1, open.before(), open.after());
            } else {
                if (open != null) {
                    rows.add(open);
                }
                open = new ReportRow(kind, c.date(), c.date(), 1, c.before(), c.after());
            }
        }
        if (open != null) {
            rows.add(open);
        }
    }

    private static boolean same(@Nullable SpecialDay a, @Nullable SpecialDay b) {
        return a == null ? b == null : b != null && a.offDay() == b.offDay() && Objects.equals(a.name(), b.name());
    }
}
