package org.openhall.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarDay;

/** A year laid out as twelve month grids (Monday first) for the page. */
public record YearView(int year, List<MonthView> months, int workingDays, int restDays) {

    /** One cell; {@code day} is null for the padding before the 1st and after the last day. */
    public record Cell(@Nullable CalendarDay day, boolean today) {

        public String css() {
            if (day == null) {
                return "pad";
            }
            StringBuilder css = new StringBuilder();
            boolean weekend = day.date().getDayOfWeek().getValue() >= 6;
            if (!day.working()) {
                css.append(day.name() != null ? "holiday" : "rest");
            } else {
                css.append(weekend ? "adjusted" : "work");
            }
            if (day.basis() == CalendarDay.Basis.CENTRE) {
                css.append(" local");
            }
            if (day.basis() == CalendarDay.Basis.FALLBACK) {
                css.append(" fallback");
            }
            if (today) {
                css.append(" today");
            }
            return css.toString();
        }

        /** The small mark in the corner: 休 for a named day off, 班 for work on a weekend, or nothing. */
        public @Nullable String mark() {
            if (day == null) {
                return null;
            }
            boolean weekend = day.date().getDayOfWeek().getValue() >= 6;
            if (!day.working() && (day.name() != null || !weekend)) {
                return "off";
            }
            if (day.working() && (weekend || day.name() != null)) {
                return "work";
            }
            return null;
        }
    }

    /** A run of consecutive days with the same name and status, listed under the month: "10/1–10/7 国庆节 休". */
    public record Run(LocalDate from, LocalDate to, String name, boolean working, boolean local) {

        public boolean single() {
            return from.equals(to);
        }
    }

    public record MonthView(int month, List<List<Cell>> weeks, List<Run> runs) {
    }

    static YearView of(int year, List<CalendarDay> days, LocalDate today) {
        List<MonthView> months = new ArrayList<>();
        int working = 0;
        int index = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            int lead = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            for (int i = 0; i < lead; i++) {
                week.add(new Cell(null, false));
            }
            List<Run> runs = new ArrayList<>();
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                CalendarDay day = days.get(index++);
                if (day.working()) {
                    working++;
                }
                week.add(new Cell(day, day.date().equals(today)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
                if (day.name() != null) {
                    boolean local = day.basis() == CalendarDay.Basis.CENTRE;
                    Run last = runs.isEmpty() ? null : runs.getLast();
                    if (last != null && last.name().equals(day.name()) && last.working() == day.working()
                            && last.local() == local && last.to().plusDays(1).equals(day.date())) {
                        runs.set(runs.size() - 1, new Run(last.from(), day.date(), last.name(), last.working(), local));
                    } else {
                        runs.add(new Run(day.date(), day.date(), day.name(), day.working(), local));
                    }
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, false));
                }
                weeks.add(week);
            }
            months.add(new MonthView(m, weeks, runs));
        }
        return new YearView(year, months, working, days.size() - working);
    }
}
