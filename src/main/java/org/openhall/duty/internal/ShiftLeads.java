package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.DutyApi;
import org.openhall.duty.DutyRole;
import org.openhall.security.AuditTrail;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shift leader's day (带班, DUTY-6; 便民中心带班工作制度 四): the leader on duty opens the day's record, writes the
 * morning arrangement and briefing (四.1 每天工作前进行工作安排和指导), notes what they supervised during the day (四.2),
 * and closes the day with a summary (四.3 每天工作结束后进行总结和评价). One record per centre and day, kept by the leader
 * who opened it; the summary ends it.
 */
@Service
@org.springframework.modulith.NamedInterface("leaders")
public class ShiftLeads {

    public record Note(long id, Instant at, String by, String note) {
    }

    public record ShiftLead(long id, long centreId, LocalDate day, long leaderStaffId, String leaderName,
            @Nullable String briefing, @Nullable Instant briefingAt, @Nullable String summary,
            @Nullable Instant summaryAt, Instant startedAt, List<Note> notes, int version) {

        public boolean closed() {
            return summaryAt != null;
        }
    }

    static final int MAX_TEXT = 4000;
    static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final DutyPageAccess access;
    private final DutyApi duty;

    ShiftLeads(JdbcClient jdbc, Clock clock, AuditTrail audit, DutyPageAccess access, DutyApi duty) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.duty = duty;
    }

    @Transactional(readOnly = true)
    public Optional<ShiftLead> of(long centreId, LocalDate day) {
        return jdbc.sql("select * from duty_shift_lead where centre_id = :c and lead_day = :d")
                .param("c", centreId).param("d", day).query(this::map).optional();
    }

    /** The duty group leaders of a published roster on the day (DUTY-1), as the planned leaders on duty. */
    @Transactional(readOnly = true)
    public List<Long> plannedLeaders(long centreId, LocalDate day) {
        return duty.onDuty(centreId, day).stream().filter(a -> a.role() == DutyRole.LEADER)
                .map(a -> a.servingStaffId()).distinct().toList();
    }

    /** Whether the signed-in user may lead the day: a centre leader or a department head with a staff record. */
    public boolean mayLead() {
        return access.hasAnyRole(Role.LEADER, Role.DEPT_HEAD) && (access.user().isEmpty() || access.staffId() != null);
    }

    /** The signed-in leader takes today's 带班 (or {@code leaderStaffId} when the demo loader records it). */
    @Transactional
    public ShiftLead start(long centreId, @Nullable Long leaderStaffId) {
        if (!mayLead()) {
            throw DomainException.forbidden("duty.leaders.shift.notLeader");
        }
        Long staff = access.user().isPresent() ? access.staffId() : leaderStaffId;
        if (staff == null) {
            throw DomainException.forbidden("duty.leaders.shift.notLeader");
        }
        LocalDate today = access.today(centreId);
        Optional<ShiftLead> existing = of(centreId, today);
        if (existing.isPresent()) {
            if (existing.get().leaderStaffId() == staff) {
                return existing.get();
            }
            throw DomainException.conflict("duty.leaders.shift.taken", existing.get().leaderName());
        }
        long id = DutyRows.insert(jdbc.sql("insert into duty_shift_lead (centre_id, lead_day, leader_staff_id, started_at, "
                        + "started_by) values (:c, :d, :s, :at, :by)")
                .param("c", centreId).param("d", today).param("s", staff).param("at", DutyRows.ts(clock.instant()))
                .param("by", access.actor()));
        ShiftLead saved = of(centreId, today).orElseThrow();
        audit.record(centreId, "DutyShiftLead", String.valueOf(id), "START", null, state(saved));
        return saved;
    }

    /** The morning arrangement and briefing (早会安排); may be revised until the day is summed up. */
    @Transactional
    public ShiftLead briefing(long centreId, long id, @Nullable String text) {
        return write(centreId, id, "briefing", text, "duty.leaders.shift.briefingRequired", "BRIEFING");
    }

    /** A supervision note during the day (带班督导记录), with its time. */
    @Transactional
    public ShiftLead note(long centreId, long id, @Nullable String text) {
        ShiftLead s = mine(centreId, id);
        String t = required(text, "note", "duty.leaders.shift.noteRequired", MAX_NOTE);
        long noteId = DutyRows.insert(jdbc.sql("insert into duty_shift_lead_note (shift_lead_id, centre_id, noted_at, "
                        + "noted_by, note) values (:s, :c, :at, :by, :n)")
                .param("s", id).param("c", centreId).param("at", DutyRows.ts(clock.instant()))
                .param("by", access.actor()).param("n", t));
        jdbc.sql("update duty_shift_lead set version = version + 1 where id = :id").param("id", id).update();
        audit.record(centreId, "DutyShiftLead", String.valueOf(id), "NOTE", null, Map.of("noteId", noteId, "note", t));
        return byId(id);
    }

    /** The end-of-day summary (工作总结); it closes the record. */
    @Transactional
    public ShiftLead summary(long centreId, long id, @Nullable String text) {
        return write(centreId, id, "summary", text, "duty.leaders.shift.summaryRequired", "SUMMARY");
    }

    /** Writes the briefing or the summary (a column and its time) of the day's record. */
    private ShiftLead write(long centreId, long id, String column, @Nullable String text, String requiredKey,
            String action) {
        ShiftLead s = mine(centreId, id);
        String t = required(text, column, requiredKey, MAX_TEXT);
        jdbc.sql("update duty_shift_lead set " + column + " = :t, " + column + "_at = :at, version = version + 1 "
                        + "where id = :id")
                .param("t", t).param("at", DutyRows.ts(clock.instant())).param("id", id).update();
        ShiftLead after = byId(id);
        audit.record(centreId, "DutyShiftLead", String.valueOf(id), action, state(s), state(after));
        return after;
    }

    private ShiftLead mine(long centreId, long id) {
        access.requireCentre(centreId);
        ShiftLead s = jdbc.sql("select * from duty_shift_lead where id = :id and centre_id = :c").param("id", id)
                .param("c", centreId).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("duty.leaders.notFound"));
        if (access.user().isPresent() && !Long.valueOf(s.leaderStaffId()).equals(access.staffId())) {
            throw DomainException.forbidden("duty.leaders.shift.notYours", s.leaderName());
        }
        if (s.closed()) {
            throw DomainException.conflict("duty.leaders.shift.closed");
        }
        return s;
    }

    private static String required(@Nullable String text, String field, String key, int max) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(field, key);
        }
        String t = text.strip();
        if (t.length() > max) {
            throw DomainException.invalid(field, "duty.leaders.textTooLong", String.valueOf(max));
        }
        return t;
    }

    private ShiftLead byId(long id) {
        return jdbc.sql("select * from duty_shift_lead where id = :id").param("id", id).query(this::map).single();
    }

    private ShiftLead map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long leader = rs.getLong("leader_staff_id");
        List<Note> notes = jdbc.sql("select * from duty_shift_lead_note where shift_lead_id = :id order by noted_at, id")
                .param("id", id)
                .query((r, i) -> new Note(r.getLong("id"), DutyRows.instant(r, "noted_at"), r.getString("noted_by"),
                        r.getString("note"))).list();
        return new ShiftLead(id, rs.getLong("centre_id"), rs.getDate("lead_day").toLocalDate(), leader,
                access.staffName(leader), rs.getString("briefing"), DutyRows.instantOrNull(rs, "briefing_at"),
                rs.getString("summary"), DutyRows.instantOrNull(rs, "summary_at"), DutyRows.instant(rs, "started_at"),
                notes, rs.getInt("version"));
    }

    private static Map<String, Object> state(ShiftLead s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", s.day().toString());
        m.put("leaderStaffId", s.leaderStaffId());
        if (s.briefing() != null) {
            m.put("briefing", s.briefing());
        }
        if (s.summary() != null) {
            m.put("summary", s.summary());
        }
        return m;
    }
}
