package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.FindingData;
import org.openhall.attendance.FindingKind;
import org.openhall.calendar.CalendarApi;
import org.openhall.calendar.CalendarDay;
import org.openhall.calendar.OpeningHours;
import org.openhall.duty.DutyApi;
import org.openhall.duty.DutyAssignment;
import org.openhall.duty.DutyRole;
import org.openhall.duty.internal.DutyDayRules.ChecklistItem;
import org.openhall.duty.internal.DutyDayRules.Phase;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's day (督导员值班, DUTY-3..DUTY-5): the opening and closing checklists, inspections of front-desk staff,
 * the duty log, the handover to the next working day's supervisor and the submission of the day's record to the centre
 * office; the office's overview of submitted, late and missing days. Validated, audited, nothing deleted.
 *
 * <p>Who keeps a day: the SUPERVISOR of the day's published roster ({@link DutyApi#onDuty}, after swaps). When no
 * roster names a supervisor for the day, any SUPERVISOR account of the centre may keep it (the page says so). Only the
 * centre's current day can be changed, and only until it is submitted.
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("day")
public class DutyDays {

    /** Who acts: the signed-in supervisor (staff record, if any) in their centre. */
    public record Keeper(long centreId, @Nullable Long staffId, String username) {
    }

    /** The duty log (三.5; 行政服务中心值班制度 二.3.4). */
    public record LogData(@Nullable String attendance, @Nullable String service, @Nullable String problems,
            @Nullable String business, @Nullable String incidents) {

        static final LogData EMPTY = new LogData(null, null, null, null, null);
    }

    /** One inspected aspect: OK, or a finding with its note. */
    public record AspectResult(InspectionAspect aspect, boolean ok, @Nullable String note) {
    }

    public record InspectionData(long windowId, long staffId, List<AspectResult> aspects, @Nullable String note) {
    }

    public record HandoverData(long toStaffId, @Nullable String matters, boolean deskSign, boolean badge) {
    }

    /** A checklist item of the day, ticked or not. */
    public record Check(String code, Phase phase, @Nullable String label, LocalTime due, @Nullable Instant tickedAt,
            @Nullable String tickedBy, boolean late, @Nullable String note) {

        public boolean ticked() {
            return tickedAt != null;
        }
    }

    public record AspectRow(InspectionAspect aspect, boolean ok, @Nullable String note, @Nullable Long findingId) {
    }

    public record Inspection(long id, long windowId, String windowNumber, String windowName, long staffId,
            String staffName, Instant inspectedAt, String inspectedBy, int findings, List<AspectRow> aspects,
            @Nullable String note) {
    }

    public record Handover(long id, long centreId, LocalDate fromDay, LocalDate toDay, long toStaffId, String toName,
            @Nullable String matters, boolean deskSign, boolean badge, Instant handedAt, String handedBy,
            @Nullable Instant confirmedAt, @Nullable String confirmedBy) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    public record Person(long staffId, String name) {
    }

    /** The state of a day's record. */
    public enum RecordStatus { NOT_STARTED, OPEN, SUBMITTED }

    /** Everything about one day of one centre, for the pages. */
    public record Day(long centreId, String centreName, LocalDate day, boolean today, boolean workingDay,
            OpeningHours hours, ZoneId zone, @Nullable Long recordId, RecordStatus status, List<Person> rostered,
            @Nullable String supervisorName, List<Check> opening, List<Check> closing, List<Inspection> inspections,
            LogData log, @Nullable Handover handover, @Nullable LocalDate nextDay, List<Person> nextSupervisors,
            @Nullable Instant submittedAt, @Nullable String submittedBy, boolean submittedLate, LocalTime submitDue) {

        public boolean submitted() {
            return status == RecordStatus.SUBMITTED;
        }

        public boolean closingComplete() {
            return closing.stream().allMatch(Check::ticked);
        }

        public int findings() {
            return inspections.stream().mapToInt(Inspection::findings).sum();
        }
    }

    /** How a working day stands at the centre office. */
    public enum DayStatus { SUBMITTED, LATE, MISSING, OPEN }

    public record OverviewRow(LocalDate day, DayStatus status, @Nullable String supervisorName,
            @Nullable Instant submittedAt, int inspections, int findings) {
    }

    static final String NOT_AT_POST_RULE = "inspection-not-at-post";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final DutyApi duty;
    private final AttendanceCommands attendance;
    private final DutyDayRules rules;

    DutyDays(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org, CalendarApi calendar, DutyApi duty,
            AttendanceCommands attendance, DutyDayRules rules) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.calendar = calendar;
        this.duty = duty;
        this.attendance = attendance;
        this.rules = rules;
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The centre's current day in its zone. */
    @Transactional(readOnly = true)
    public LocalDate today(long centreId) {
        return LocalDate.ofInstant(clock.instant(), centre(centreId).zone());
    }

    /** The zone of the centre's dates. */
    @Transactional(readOnly = true)
    public ZoneId zone(long centreId) {
        return centre(centreId).zone();
    }

    /** The rostered supervisors of a day (published roster, after swaps), by name. */
    @Transactional(readOnly = true)
    public List<Person> rosteredSupervisors(long centreId, LocalDate day) {
        return supervisorIds(centreId, day).stream().map(this::person).toList();
    }

    /**
     * Why this keeper may not keep the day (a message key), or null if they may. Used by the page to show or hide the
     * forms; every command checks the same.
     */
    @Transactional(readOnly = true)
    public @Nullable String refusal(Keeper k, LocalDate day) {
        try {
            checkKeeper(k, centre(k.centreId()), day);
            return null;
        } catch (DomainException e) {
            return e.messageKey();
        }
    }

    @Transactional(readOnly = true)
    public Day day(long centreId, LocalDate day) {
        CentreInfo c = centre(centreId);
        OpeningHours hours = calendar.openingHours(c.code());
        boolean working = calendar.isWorkingDay(c.code(), day);
        Optional<RecordRow> rec = record(centreId, day);
        Map<String, CheckRow> ticks = new HashMap<>();
        List<Inspection> inspections = List.of();
        Handover handover = null;
        if (rec.isPresent()) {
            long id = rec.get().id();
            jdbc.sql("select * from duty_day_check where record_id = ?").param(id)
                    .query((rs, n) -> new CheckRow(rs.getString("item_code"), instant(rs, "ticked_at"),
                            rs.getString("ticked_by"), rs.getBoolean("late"), rs.getString("note")))
                    .list().forEach(r -> ticks.put(r.code(), r));
            inspections = inspections(id);
            handover = handoverOf(id);
        }
        List<Check> opening = checks(rules.opening(), Phase.OPENING, hours, ticks);
        List<Check> closing = checks(rules.closing(), Phase.CLOSING, hours, ticks);
        LocalDate next = working ? nextWorkingDay(c, day) : null;
        List<Person> rostered = rosteredSupervisors(centreId, day);
        String supervisorName = rec.map(RecordRow::supervisorStaffId).map(this::person).map(Person::name)
                .orElse(rostered.isEmpty() ? null : rostered.getFirst().name());
        return new Day(c.id(), c.name(), day, day.equals(today(centreId)), working, hours, c.zone(),
                rec.map(RecordRow::id).orElse(null),
                rec.map(r -> RecordStatus.valueOf(r.status())).orElse(RecordStatus.NOT_STARTED), rostered,
                supervisorName, opening, closing, inspections, rec.map(RecordRow::log).orElse(LogData.EMPTY), handover,
                next, next == null ? List.of() : rosteredSupervisors(centreId, next),
                rec.map(RecordRow::submittedAt).orElse(null), rec.map(RecordRow::submittedBy).orElse(null),
                rec.map(RecordRow::submittedLate).orElse(false), rules.submitDue(hours));
    }

    /** Handovers addressed to this staff member that they have not confirmed yet. */
    @Transactional(readOnly = true)
    public List<Handover> awaitingConfirmation(long centreId, long staffId) {
        return jdbc.sql("select h.*, r.duty_day from duty_handover h join duty_day_record r on r.id = h.record_id "
                        + "where h.centre_id = ? and h.to_staff_id = ? and h.confirmed_at is null order by h.to_day")
                .params(centreId, staffId).query(this::mapHandover).list();
    }

    /**
     * The centre office's overview (四.5): every working day of the calendar in [from, to] (to at most today) with its
     * record submitted on time, late, still open (today) or missing.
     */
    @Transactional(readOnly = true)
    public List<OverviewRow> overview(long centreId, LocalDate from, LocalDate to) {
        CentreInfo c = centre(centreId);
        LocalDate today = today(centreId);
        LocalDate last = to.isAfter(today) ? today : to;
        if (last.isBefore(from)) {
            return List.of();
        }
        Map<LocalDate, RecordRow> records = new HashMap<>();
        jdbc.sql("select * from duty_day_record where centre_id = ? and duty_day between ? and ?")
                .params(centreId, from, last).query(DutyDays::mapRecord).list()
                .forEach(r -> records.put(r.day(), r));
        Map<Long, int[]> counts = new HashMap<>();
        jdbc.sql("select i.record_id, count(*) n, sum(i.findings) f from duty_inspection i join duty_day_record r "
                        + "on r.id = i.record_id where r.centre_id = ? and r.duty_day between ? and ? group by i.record_id")
                .params(centreId, from, last)
                .query((rs, n) -> counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)})).list();
        Map<LocalDate, Long> supervisors = new HashMap<>();
        duty.onDuty(centreId, from, last).stream().filter(a -> a.role() == DutyRole.SUPERVISOR)
                .forEach(a -> supervisors.putIfAbsent(a.day(), a.servingStaffId()));
        List<OverviewRow> rows = new ArrayList<>();
        for (CalendarDay d : calendar.days(c.code(), from, last)) {
            if (!d.working()) {
                continue;
            }
            RecordRow r = records.get(d.date());
            DayStatus status;
            if (r != null && "SUBMITTED".equals(r.status())) {
                status = r.submittedLate() ? DayStatus.LATE : DayStatus.SUBMITTED;
            } else {
                status = d.date().equals(today) ? DayStatus.OPEN : DayStatus.MISSING;
            }
            Long staff = r != null && r.supervisorStaffId() != null ? r.supervisorStaffId() : supervisors.get(d.date());
            int[] n = r == null ? new int[2] : counts.getOrDefault(r.id(), new int[2]);
            rows.add(new OverviewRow(d.date(), status, staff == null ? null : person(staff).name(),
                    r == null ? null : r.submittedAt(), n[0], n[1]));
        }
        return rows.reversed();
    }

    /** The default start of the overview. */
    public LocalDate overviewStart(LocalDate today) {
        return rules.overviewStart(today);
    }

    // ----------------------------------------------------------------------------------------------- commands

    /** Ticks a checklist item of the day (DUTY-3); a tick after the item's due time is marked late. */
    public void tick(Keeper k, LocalDate day, String code, @Nullable String note) {
        DutyDayRules.ItemOfPhase item = rules.item(code);
        if (item == null) {
            throw DomainException.notFound("duty.day.item.not-found", code);
        }
        CentreInfo c = centre(k.centreId());
        RecordRow rec = keep(k, c, day);
        boolean done = jdbc.sql("select count(*) from duty_day_check where record_id = ? and item_code = ?")
                .params(rec.id(), code).query(Integer.class).single() > 0;
        if (done) {
            throw DomainException.conflict("duty.day.item.already-ticked");
        }
        Instant now = clock.instant();
        Instant due = day.atTime(item.item().dueOn(calendar.openingHours(c.code()))).atZone(c.zone()).toInstant();
        boolean late = now.isAfter(due);
        String text = trim(note, 500, "note");
        jdbc.sql("insert into duty_day_check (centre_id, record_id, phase, item_code, ticked_at, ticked_by, due_at, late, "
                        + "note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), rec.id(), item.phase().name(), code, Timestamp.from(now), k.username(),
                        Timestamp.from(due), late, text).update();
        touch(rec.id(), k);
        audit.record(c.id(), "DutyDayCheck", rec.id() + ":" + code, "TICK", null,
                map("day", day.toString(), "item", code, "late", late, "due", due.toString()));
    }

    /**
     * Records an inspection of one window and person (DUTY-5); a finding on 到岗 is also recorded as an attendance
     * finding ({@link FindingKind#ABSENT_FROM_POST}, rule {@value #NOT_AT_POST_RULE}). Returns its id.
     */
    public long inspect(Keeper k, LocalDate day, InspectionData data) {
        CentreInfo c = centre(k.centreId());
        WindowInfo window = org.window(data.windowId()).filter(w -> w.centreId() == c.id() && w.active())
                .orElseThrow(() -> DomainException.notFound("duty.day.window.not-found"));
        StaffSummary staff = org.staff(data.staffId()).filter(s -> s.centreId() == c.id() && s.active())
                .orElseThrow(() -> DomainException.notFound("duty.day.staff.not-found"));
        Map<InspectionAspect, AspectResult> results = new LinkedHashMap<>();
        for (AspectResult a : data.aspects()) {
            if (results.put(a.aspect(), a) != null) {
                throw DomainException.invalid("aspects", "duty.day.inspection.aspects-incomplete");
            }
        }
        if (!results.keySet().equals(EnumSet.allOf(InspectionAspect.class))) {
            throw DomainException.invalid("aspects", "duty.day.inspection.aspects-incomplete");
        }
        int findings = 0;
        for (AspectResult a : results.values()) {
            if (!a.ok()) {
                findings++;
                if (a.note() == null || a.note().isBlank()) {
                    throw DomainException.invalid("note-" + a.aspect().name(), "duty.day.inspection.note-required");
                }
            }
            trim(a.note(), 500, "note-" + a.aspect().name());
        }
        String note = trim(data.note(), 1000, "note");
        RecordRow rec = keep(k, c, day);
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into duty_inspection (centre_id, record_id, window_id, staff_id, inspected_at, inspected_by, "
                        + "findings, note) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), rec.id(), window.id(), staff.id(), Timestamp.from(now), k.username(), findings, note)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (AspectResult a : results.values()) {
            Long findingId = null;
            String aspectNote = a.ok() ? blankToNull(a.note()) : a.note().strip();
            if (!a.ok() && a.aspect() == InspectionAspect.AT_POST) {
                findingId = attendance.recordFinding(new FindingData(c.id(), staff.id(), window.id(),
                        FindingKind.ABSENT_FROM_POST, now, NOT_AT_POST_RULE, rules.notAtPostClause(), aspectNote,
                        "inspection:" + id), k.username());
            }
            jdbc.sql("insert into duty_inspection_aspect (centre_id, inspection_id, aspect, ok, note, finding_id) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(c.id(), id, a.aspect().name(), a.ok(), aspectNote, findingId).update();
        }
        touch(rec.id(), k);
        audit.record(c.id(), "DutyInspection", Long.toString(id), "CREATE", null,
                map("day", day.toString(), "window", window.number(), "staff", staff.staffNumber(), "findings",
                        findings));
        return id;
    }

    /** Saves the duty log (DUTY-4, 三.5). */
    public void saveLog(Keeper k, LocalDate day, LogData log) {
        CentreInfo c = centre(k.centreId());
        LogData clean = new LogData(trim(log.attendance(), 2000, "attendance"), trim(log.service(), 2000, "service"),
                trim(log.problems(), 2000, "problems"), trim(log.business(), 2000, "business"),
                trim(log.incidents(), 2000, "incidents"));
        RecordRow rec = keep(k, c, day);
        jdbc.sql("update duty_day_record set attendance_note = ?, service_note = ?, problems_note = ?, business_note = ?, "
                        + "incidents_note = ?, updated_at = ?, updated_by = ?, version = version + 1 where id = ?")
                .params(clean.attendance(), clean.service(), clean.problems(), clean.business(), clean.incidents(),
                        Timestamp.from(clock.instant()), k.username(), rec.id()).update();
        audit.record(c.id(), "DutyDayRecord", Long.toString(rec.id()), "LOG", rec.log(), clean);
    }

    /**
     * Hands over to the next working day's supervisor (交接班, 四.5): key matters, the desk sign and the badge. The receiver
     * must be the SUPERVISOR of the next working day's published roster. A handover not yet confirmed may be redone.
     */
    public long handOver(Keeper k, LocalDate day, HandoverData data) {
        CentreInfo c = centre(k.centreId());
        String matters = trim(data.matters(), 2000, "matters");
        LocalDate next = nextWorkingDay(c, day);
        if (!supervisorIds(c.id(), next).contains(data.toStaffId())) {
            throw DomainException.invalid("toStaffId", "duty.day.handover.not-next-supervisor", next.toString());
        }
        RecordRow rec = keep(k, c, day);
        Handover before = handoverOf(rec.id());
        if (before != null && before.confirmed()) {
            throw DomainException.conflict("duty.day.handover.confirmed");
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        if (before == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into duty_handover (centre_id, record_id, to_day, to_staff_id, matters, desk_sign, badge, "
                            + "handed_at, handed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.id(), rec.id(), next, data.toStaffId(), matters, data.deskSign(), data.badge(), now,
                            k.username()).update(keys, "id");
            id = keys.getKeyAs(Number.class).longValue();
        } else {
            id = before.id();
            jdbc.sql("update duty_handover set to_day = ?, to_staff_id = ?, matters = ?, desk_sign = ?, badge = ?, "
                            + "handed_at = ?, handed_by = ? where id = ? and confirmed_at is null")
                    .params(next, data.toStaffId(), matters, data.deskSign(), data.badge(), now, k.username(), id)
                    .update();
        }
        touch(rec.id(), k);
        audit.record(c.id(), "DutyHandover", Long.toString(id), before == null ? "CREATE" : "UPDATE", before,
                map("toDay", next.toString(), "toStaffId", data.toStaffId(), "deskSign", data.deskSign(), "badge",
                        data.badge()));
        return id;
    }

    /** The receiver confirms a handover (desk sign, badge and matters received). */
    public void confirm(Keeper k, long handoverId) {
        Handover h = jdbc.sql("select h.*, r.duty_day from duty_handover h join duty_day_record r on r.id = h.record_id "
                        + "where h.id = ? and h.centre_id = ?").params(handoverId, k.centreId())
                .query(this::mapHandover).optional()
                .orElseThrow(() -> DomainException.notFound("duty.day.handover.not-found"));
        if (k.staffId() == null || h.toStaffId() != k.staffId()) {
            throw DomainException.forbidden("duty.day.handover.not-receiver");
        }
        int updated = jdbc.sql("update duty_handover set confirmed_at = ?, confirmed_by = ? where id = ? "
                        + "and confirmed_at is null")
                .params(Timestamp.from(clock.instant()), k.username(), handoverId).update();
        if (updated == 0) {
            throw DomainException.conflict("duty.day.handover.confirmed");
        }
        audit.record(k.centreId(), "DutyHandover", Long.toString(handoverId), "CONFIRM", null,
                map("confirmedBy", k.username()));
    }

    /**
     * Submits the day's record to the centre office (四.5); the closing checklist must be complete. After the due time
     * ({@link DutyDayRules#submitBy()} after work) the submission is marked late. The record is read-only afterwards.
     */
    public void submit(Keeper k, LocalDate day) {
        CentreInfo c = centre(k.centreId());
        RecordRow rec = keep(k, c, day);
        Set<String> ticked = Set.copyOf(jdbc.sql("select item_code from duty_day_check where record_id = ?")
                .param(rec.id()).query(String.class).list());
        long missing = rules.closing().stream().filter(i -> !ticked.contains(i.code())).count();
        if (missing > 0) {
            throw DomainException.unprocessable("duty.day.submit.closing-incomplete", missing);
        }
        Instant now = clock.instant();
        Instant due = day.atTime(rules.submitDue(calendar.openingHours(c.code()))).atZone(c.zone()).toInstant();
        boolean late = now.isAfter(due);
        int updated = jdbc.sql("update duty_day_record set status = 'SUBMITTED', submitted_at = ?, submitted_by = ?, "
                        + "submitted_late = ?, updated_at = ?, updated_by = ?, version = version + 1 "
                        + "where id = ? and status = 'OPEN'")
                .params(Timestamp.from(now), k.username(), late, Timestamp.from(now), k.username(), rec.id()).update();
        if (updated == 0) {
            throw DomainException.conflict("duty.day.submitted");
        }
        audit.record(c.id(), "DutyDayRecord", Long.toString(rec.id()), "SUBMIT", map("status", "OPEN"),
                map("status", "SUBMITTED", "late", late));
    }

    // -------------------------------------------------------------------------------------------------- rules

    private void checkKeeper(Keeper k, CentreInfo c, LocalDate day) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), c.zone());
        if (!day.equals(today)) {
            throw DomainException.conflict("duty.day.not-today", day.toString());
        }
        if (!calendar.isWorkingDay(c.code(), day)) {
            throw DomainException.unprocessable("duty.day.not-working-day", day.toString());
        }
        List<Long> rostered = supervisorIds(c.id(), day);
        if (!rostered.isEmpty() && (k.staffId() == null || !rostered.contains(k.staffId()))) {
            throw DomainException.forbidden("duty.day.not-rostered", day.toString());
        }
    }

    /** Checks the keeper and returns the day's open record, creating it on the first change of the day. */
    private RecordRow keep(Keeper k, CentreInfo c, LocalDate day) {
        checkKeeper(k, c, day);
        Optional<RecordRow> rec = record(c.id(), day);
        if (rec.isEmpty()) {
            List<Long> rostered = supervisorIds(c.id(), day);
            // the rostered supervisor is the keeper (checked above); without a roster, whoever keeps the day
            Long supervisor = k.staffId();
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("insert into duty_day_record (centre_id, duty_day, supervisor_staff_id, rostered, status, created_at, "
                            + "created_by, updated_at, updated_by) select ?, ?, ?, ?, 'OPEN', ?, ?, ?, ? where not exists "
                            + "(select 1 from duty_day_record where centre_id = ? and duty_day = ?)")
                    .params(c.id(), day, supervisor, !rostered.isEmpty(), now, k.username(), now, k.username(), c.id(),
                            day).update();
            rec = record(c.id(), day);
            audit.record(c.id(), "DutyDayRecord", Long.toString(rec.orElseThrow().id()), "CREATE", null,
                    map("day", day.toString(), "rostered", !rostered.isEmpty()));
        }
        RecordRow r = rec.orElseThrow();
        if (!"OPEN".equals(r.status())) {
            throw DomainException.conflict("duty.day.submitted");
        }
        return r;
    }

    private LocalDate nextWorkingDay(CentreInfo c, LocalDate day) {
        return calendar.addWorkingDays(c.code(), day, 1);
    }

    private List<Long> supervisorIds(long centreId, LocalDate day) {
        return duty.onDuty(centreId, day).stream().filter(a -> a.role() == DutyRole.SUPERVISOR)
                .map(DutyAssignment::servingStaffId).distinct().toList();
    }

    private CentreInfo centre(long centreId) {
        return org.centre(centreId).orElseThrow(() -> DomainException.notFound("duty.day.centre.not-found"));
    }

    private Person person(long staffId) {
        return new Person(staffId, org.staff(staffId).map(StaffSummary::name).orElse("#" + staffId));
    }

    private void touch(long recordId, Keeper k) {
        jdbc.sql("update duty_day_record set updated_at = ?, updated_by = ?, version = version + 1 where id = ?")
                .params(Timestamp.from(clock.instant()), k.username(), recordId).update();
    }

    private static @Nullable String trim(@Nullable String text, int max, String field) {
        String t = blankToNull(text);
        if (t != null && t.length() > max) {
            throw DomainException.invalid(field, "duty.day.text.too-long", max);
        }
        return t;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------- rows

    record RecordRow(long id, LocalDate day, @Nullable Long supervisorStaffId, boolean rostered, String status,
            LogData log, @Nullable Instant submittedAt, @Nullable String submittedBy, boolean submittedLate) {
    }

    private record CheckRow(String code, Instant tickedAt, String tickedBy, boolean late, @Nullable String note) {
    }

    private Optional<RecordRow> record(long centreId, LocalDate day) {
        return jdbc.sql("select * from duty_day_record where centre_id = ? and duty_day = ?").params(centreId, day)
                .query(DutyDays::mapRecord).optional();
    }

    private static RecordRow mapRecord(ResultSet rs, int n) throws SQLException {
        long s = rs.getLong("supervisor_staff_id");
        Long staff = rs.wasNull() ? null : s;
        return new RecordRow(rs.getLong("id"), rs.getDate("duty_day").toLocalDate(), staff, rs.getBoolean("rostered"),
                rs.getString("status"), new LogData(rs.getString("attendance_note"), rs.getString("service_note"),
                        rs.getString("problems_note"), rs.getString("business_note"), rs.getString("incidents_note")),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getBoolean("submitted_late"));
    }

    private List<Check> checks(List<ChecklistItem> items, Phase phase, OpeningHours hours, Map<String, CheckRow> ticks) {
        return items.stream().map(i -> {
            CheckRow t = ticks.get(i.code());
            return new Check(i.code(), phase, i.label(), i.dueOn(hours), t == null ? null : t.tickedAt(),
                    t == null ? null : t.tickedBy(), t != null && t.late(), t == null ? null : t.note());
        }).toList();
    }

    private List<Inspection> inspections(long recordId) {
        Map<Long, List<AspectRow>> aspects = new HashMap<>();
        jdbc.sql("select a.* from duty_inspection_aspect a join duty_inspection i on i.id = a.inspection_id "
                        + "where i.record_id = ? order by a.id").param(recordId)
                .query((rs, n) -> {
                    long f = rs.getLong("finding_id");
                    Long finding = rs.wasNull() ? null : f;
                    aspects.computeIfAbsent(rs.getLong("inspection_id"), x -> new ArrayList<>())
                            .add(new AspectRow(InspectionAspect.valueOf(rs.getString("aspect")), rs.getBoolean("ok"),
                                    rs.getString("note"), finding));
                    return 0;
                }).list();
        return jdbc.sql("select * from duty_inspection where record_id = ? order by inspected_at, id").param(recordId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long windowId = rs.getLong("window_id");
                    long staffId = rs.getLong("staff_id");
                    Optional<WindowInfo> w = org.window(windowId);
                    List<AspectRow> rows = new ArrayList<>(aspects.getOrDefault(id, List.of()));
                    rows.sort((a, b) -> a.aspect().compareTo(b.aspect()));
                    return new Inspection(id, windowId, w.map(WindowInfo::number).orElse("?"),
                            w.map(WindowInfo::name).orElse(""), staffId, person(staffId).name(),
                            instant(rs, "inspected_at"), rs.getString("inspected_by"), rs.getInt("findings"), rows,
                            rs.getString("note"));
                }).list();
    }

    private @Nullable Handover handoverOf(long recordId) {
        return jdbc.sql("select h.*, r.duty_day from duty_handover h join duty_day_record r on r.id = h.record_id "
                        + "where h.record_id = ?").param(recordId).query(this::mapHandover).optional().orElse(null);
    }

    private Handover mapHandover(ResultSet rs, int n) throws SQLException {
        long to = rs.getLong("to_staff_id");
        return new Handover(rs.getLong("id"), rs.getLong("centre_id"), rs.getDate("duty_day").toLocalDate(),
                rs.getDate("to_day").toLocalDate(), to, person(to).name(), rs.getString("matters"),
                rs.getBoolean("desk_sign"), rs.getBoolean("badge"), instant(rs, "handed_at"), rs.getString("handed_by"),
                instant(rs, "confirmed_at"), rs.getString("confirmed_by"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
