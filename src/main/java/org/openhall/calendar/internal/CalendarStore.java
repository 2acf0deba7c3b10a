package org.openhall.calendar.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.OpeningHours;
import org.openhall.calendar.SpecialDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The calendar's tables (V100__calendar.sql), through JdbcClient. */
@Repository
class CalendarStore {

    /** A centre as the calendar knows it. */
    record Centre(long id, String code, String name, boolean weekdayFallback, OpeningHours hours, ZoneId zone) {
    }

    /** A centre's own day. */
    record CentreDay(long id, long centreId, SpecialDay day) {
    }

    /** A loaded year. */
    record Year(int year, String source, List<String> papers, Instant loadedAt, String loadedBy) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ national years

    SortedSet<Integer> years() {
        return new TreeSet<>(jdbc.sql("select year_no from calendar_year").query(Integer.class).list());
    }

    Optional<Year> year(int year) {
        return jdbc.sql("select year_no, source, papers, loaded_at, loaded_by from calendar_year where year_no = :y")
                .param("y", year)
                .query((rs, i) -> new Year(rs.getInt(1), rs.getString(2), papers(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
    }

    List<SpecialDay> nationalDays() {
        return jdbc.sql("select day_date, off_day, name from calendar_national_day where active order by day_date")
                .query((rs, i) -> new SpecialDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
                .list();
    }

    List<SpecialDay> nationalDays(int year) {
        return jdbc.sql("select day_date, off_day, name from calendar_national_day where active and year_no = :y order by day_date")
                .param("y", year)
                .query((rs, i) -> new SpecialDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3)))
                .list();
    }

    /** Inserts a new year; returns false if the year exists already (e.g. another node loaded it first). */
    boolean insertYearIfAbsent(int year, String source, List<String> papers, Instant at, String actor) {
        int rows = jdbc.sql("""
                insert into calendar_year (year_no, source, papers, loaded_at, loaded_by)
                select :y, :s, :p, :t, :a where not exists (select 1 from calendar_year where year_no = :y)""")
                .param("y", year).param("s", source).param("p", String.join("\n", papers))
                .param("t", Timestamp.from(at)).param("a", actor)
                .update();
        return rows == 1;
    }

    void updateYear(int year, String source, List<String> papers, Instant at, String actor) {
        jdbc.sql("update calendar_year set source = :s, papers = :p, loaded_at = :t, loaded_by = :a where year_no = :y")
                .param("y", year).param("s", source).param("p", String.join("\n", papers))
                .param("t", Timestamp.from(at)).param("a", actor)
                .update();
    }

    /** Makes the year's current exceptions inactive and inserts the new ones. */
    void replaceNationalDays(int year, List<SpecialDay> days, Instant at) {
        jdbc.sql("update calendar_national_day set active = false, replaced_at = :t where year_no = :y and active")
                .param("t", Timestamp.from(at)).param("y", year).update();
        for (SpecialDay d : days) {
            jdbc.sql("""
                    insert into calendar_national_day (year_no, day_date, off_day, name, active, created_at)
                    values (:y, :d, :o, :n, true, :t)""")
                    .param("y", year).param("d", d.date()).param("o", d.offDay()).param("n", d.name())
                    .param("t", Timestamp.from(at))
                    .update();
        }
    }

    // ------------------------------------------------------------------ centres

    private static final String CENTRE_COLUMNS = "select centre_id, code, name, weekday_fallback, opens_at, closes_at, zone_id from calendar_centre";

    private static Centre centre(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Centre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                new OpeningHours(rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class)), ZoneId.of(rs.getString(7)));
    }

    List<Centre> centres() {
        return jdbc.sql(CENTRE_COLUMNS + " order by code").query(CalendarStore::centre).list();
    }

    Optional<Centre> centre(String code) {
        return jdbc.sql(CENTRE_COLUMNS + " where code = :c").param("c", code).query(CalendarStore::centre).optional();
    }

    Optional<Centre> centre(long id) {
        return jdbc.sql(CENTRE_COLUMNS + " where centre_id = :id").param("id", id).query(CalendarStore::centre).optional();
    }

    boolean codeTakenByOther(String code, long centreId) {
        return jdbc.sql("select count(*) from calendar_centre where code = :c and centre_id <> :id")
                .param("c", code).param("id", centreId).query(Integer.class).single() > 0;
    }

    void insertCentre(long id, String code, String name, OpeningHours hours, ZoneId zone, Instant at) {
        jdbc.sql("""
                insert into calendar_centre (centre_id, code, name, weekday_fallback, opens_at, closes_at, zone_id, registered_at, updated_at)
                values (:id, :c, :n, false, :o, :cl, :z, :t, :t)""")
                .param("id", id).param("c", code).param("n", name).param("o", hours.opens()).param("cl", hours.closes())
                .param("z", zone.getId()).param("t", Timestamp.from(at))
                .update();
    }

    void renameCentre(long id, String code, String name, Instant at) {
        jdbc.sql("update calendar_centre set code = :c, name = :n, updated_at = :t where centre_id = :id")
                .param("id", id).param("c", code).param("n", name).param("t", Timestamp.from(at)).update();
    }

    void updateSettings(long id, boolean fallback, OpeningHours hours, ZoneId zone, Instant at) {
        jdbc.sql("""
                update calendar_centre set weekday_fallback = :f, opens_at = :o, closes_at = :c, zone_id = :z, updated_at = :t
                where centre_id = :id""")
                .param("id", id).param("f", fallback).param("o", hours.opens()).param("c", hours.closes())
                .param("z", zone.getId()).param("t", Timestamp.from(at))
                .update();
    }

    List<CentreDay> centreDays(long centreId) {
        return jdbc.sql("select id, centre_id, day_date, off_day, name from calendar_centre_day where centre_id = :c and active order by day_date")
                .param("c", centreId)
                .query((rs, i) -> new CentreDay(rs.getLong(1), rs.getLong(2),
                        new SpecialDay(rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getString(5))))
                .list();
    }

    long insertCentreDay(long centreId, SpecialDay day, Instant at, String actor) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into calendar_centre_day (centre_id, day_date, off_day, name, active, created_at, created_by)
                values (:c, :d, :o, :n, true, :t, :a)""")
                .param("c", centreId).param("d", day.date()).param("o", day.offDay()).param("n", day.name())
                .param("t", Timestamp.from(at)).param("a", actor)
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
    }

    /** Deactivates a centre day; returns false if there is no such active day of that centre. */
    boolean removeCentreDay(long centreId, long id, Instant at, String actor) {
        return jdbc.sql("""
                update calendar_centre_day set active = false, removed_at = :t, removed_by = :a
                where id = :id and centre_id = :c and active""")
                .param("id", id).param("c", centreId).param("t", Timestamp.from(at)).param("a", actor)
                .update() == 1;
    }

    private static List<String> papers(@Nullable String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split("\n"));
    }
}
