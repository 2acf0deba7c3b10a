package org.openhall.attendance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.FindingData;
import org.openhall.attendance.FindingKind;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.internal.AttendanceJudgement.DueHours;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.PostHolder;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.QueueApi;
import org.openhall.queue.WindowNoticeSign;
import org.openhall.queue.WindowPresence;
import org.openhall.queue.WindowPresenceChanged;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in and sign-out (ATT-1) and absence notices (ATT-3) of a person, each judged at once against the hours due and
 * the approved leave of the day ({@link AttendanceJudgement}); the findings go through
 * {@link AttendanceCommands#recordFinding}. The queue console's sign-in, pause, resume and sign-out come in as
 * {@link WindowPresenceChanged} ({@link #presence}). Exposed to the demo loader as {@code attendance :: core}.
 */
@Service
@Transactional
@NamedInterface("core")
public class Attendance {

    /** Findings' texts are stored in Chinese, the language of the centre (as the floor alerts). */
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** How a person signed in. */
    public enum Via { WEB, WINDOW }

    /** Today's record of a person. */
    public record Day(long staffId, LocalDate day, @Nullable DueHours due, @Nullable Instant signedInAt,
            @Nullable String signInVia, @Nullable Instant signedOutAt) {

        public boolean signedIn() {
            return signedInAt != null;
        }

        public boolean signedOut() {
            return signedOutAt != null;
        }
    }

    /** An absence notice (离岗告知). */
    public record Notice(long id, long centreId, long staffId, @Nullable Long windowId, LocalDate day, String reason,
            String contact, Instant startedAt, Instant expectedBack, @Nullable Long standInStaffId,
            @Nullable Instant endedAt, @Nullable Long lateFindingId) {

        public boolean active() {
            return endedAt == null;
        }
    }

    /** The stand-in proposed for a person's window: the other post (A/B) holder. */
    public record StandIn(WindowInfo window, PostHolder holder, String post) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final LeaveApi leave;
    private final QueueApi queue;
    private final AttendanceCommands commands;
    private final AttendanceRules rules;
    private final MessageSource messages;

    Attendance(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org, CalendarApi calendar,
            LeaveApi leave, QueueApi queue, AttendanceCommands commands, AttendanceRules rules, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.calendar = calendar;
        this.leave = leave;
        this.queue = queue;
        this.commands = commands;
        this.rules = rules;
        this.messages = messages;
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Day today(long staffId) {
        StaffSummary s = staff(staffId);
        CentreInfo c = centre(s.centreId());
        LocalDate day = LocalDate.ofInstant(clock.instant(), c.zone());
        return day(s, c, day);
    }

    Day day(StaffSummary s, CentreInfo c, LocalDate day) {
        DueHours due = due(c, s.id(), day);
        return jdbc.sql("select signed_in_at, sign_in_via, signed_out_at from att_day where staff_id = ? and work_day = ?")
                .params(s.id(), day)
                .query((rs, n) -> new Day(s.id(), day, due, instant(rs.getTimestamp(1)), rs.getString(2),
                        instant(rs.getTimestamp(3))))
                .optional().orElse(new Day(s.id(), day, due, null, null, null));
    }

    /** A person's days of a month that have a record (signed in, or found absent), oldest first. */
    @Transactional(readOnly = true)
    public List<Day> month(long staffId, java.time.YearMonth month) {
        return jdbc.sql("select work_day, due_start, due_end, signed_in_at, sign_in_via, signed_out_at from att_day "
                        + "where staff_id = ? and work_day >= ? and work_day <= ? order by work_day")
                .params(staffId, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> new Day(staffId, rs.getDate(1).toLocalDate(),
                        rs.getTime(2) == null ? null : new DueHours(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()),
                        instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6))))
                .list();
    }

    /** The hours due of a person on a day: duty hours (roster) or the opening hours on a working day; null if none. */
    @Transactional(readOnly = true)
    public @Nullable DueHours due(CentreInfo c, long staffId, LocalDate day) {
        DueHours duty = jdbc.sql("select min(start_time), max(end_time) from att_duty_hours "
                        + "where staff_id = ? and work_day = ? and active")
                .params(staffId, day)
                .query((rs, n) -> rs.getTime(1) == null ? null
                        : new DueHours(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime()))
                .optional().orElse(null);
        return AttendanceJudgement.due(duty, calendar.isWorkingDay(c.code(), day), calendar.openingHours(c.code()),
                rules.dueBeforeOpening());
    }

    @Transactional(readOnly = true)
    public Optional<Notice> activeNotice(long staffId) {
        return jdbc.sql("select * from att_notice where staff_id = ? and ended_at is null order by id desc")
                .params(staffId).query(Attendance::notice).stream().findFirst();
    }

    /** The window a person works at now: where signed in at the console, else the window whose A (then B) post they hold. */
    @Transactional(readOnly = true)
    public Optional<WindowInfo> windowOf(StaffSummary s) {
        Optional<Long> signedIn = queue.windowStates(s.centreId()).stream()
                .filter(w -> Objects.equals(w.staffId(), s.id())).map(QueueApi.WindowStateSummary::windowId).findFirst();
        if (signedIn.isPresent()) {
            return org.window(signedIn.get());
        }
        List<WindowInfo> mine = org.windowsOfStaff(s.id());
        return mine.stream().filter(w -> w.postA().staffId() == s.id()).findFirst().or(() -> mine.stream().findFirst());
    }

    /** ATT-3: the stand-in proposed when a person leaves their window: the holder of the other post (A ↔ B). */
    @Transactional(readOnly = true)
    public Optional<StandIn> proposedStandIn(long staffId) {
        StaffSummary s = staff(staffId);
        return windowOf(s).flatMap(w -> {
            if (w.postA().staffId() != s.id()) {
                return Optional.of(new StandIn(w, w.postA(), "A"));
            }
            return w.postB().staffId() != s.id() ? Optional.of(new StandIn(w, w.postB(), "B")) : Optional.empty();
        });
    }

    // ---- sign-in and sign-out (ATT-1) -----------------------------------------------------------------------------

    /** Signs a person in for today on the attendance page; a second sign-in the same day is refused. */
    public Day signIn(long staffId, String actor) {
        StaffSummary s = staff(staffId);
        CentreInfo c = centre(s.centreId());
        Instant now = clock.instant();
        Day before = day(s, c, LocalDate.ofInstant(now, c.zone()));
        if (before.signedIn()) {
            throw DomainException.conflict("att.core.sign-in.twice",
                    HH_MM.format(Objects.requireNonNull(before.signedInAt()).atZone(c.zone())));
        }
        return signInAt(s, c, now, Via.WEB, null, actor);
    }

    private Day signInAt(StaffSummary s, CentreInfo c, Instant at, Via via, @Nullable Long windowId, String actor) {
        ZoneId zone = c.zone();
        LocalDate day = LocalDate.ofInstant(at, zone);
        DueHours due = due(c, s.id(), day);
        Timestamp ts = Timestamp.from(at);
        int updated = jdbc.sql("update att_day set signed_in_at = ?, sign_in_via = ?, sign_in_window_id = ?, due_start = ?, "
                        + "due_end = ?, updated_at = ?, version = version + 1 "
                        + "where staff_id = ? and work_day = ? and signed_in_at is null")
                .params(ts, via.name(), windowId, due == null ? null : due.start(), due == null ? null : due.end(), ts,
                        s.id(), day).update();
        if (updated == 0) {
            jdbc.sql("insert into att_day (centre_id, staff_id, work_day, due_start, due_end, signed_in_at, sign_in_via, "
                            + "sign_in_window_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.id(), s.id(), day, due == null ? null : due.start(), due == null ? null : due.end(), ts,
                            via.name(), windowId, ts).update();
        }
        if (due != null) {
            LocalTime local = at.atZone(zone).toLocalTime();
            List<ApprovedLeave> leaves = leave.approvedLeaveOf(s.id(), day, day);
            FindingKind kind = AttendanceJudgement.signIn(day, local, due, leaves);
            if (kind != null) {
                LocalTime start = AttendanceJudgement.effectiveStart(day, due, leaves);
                String note = text(kind == FindingKind.LATE ? "att.core.note.late" : "att.core.note.half-day-absent",
                        HH_MM.format(local), HH_MM.format(start));
                long id = commands.recordFinding(new FindingData(c.id(), s.id(), windowId, kind, at,
                        kind == FindingKind.LATE ? "late-sign-in" : "absent-half-day",
                        kind == FindingKind.LATE ? AttendanceRules.CLAUSE_ON_TIME : AttendanceRules.CLAUSE_ABSENT_DAY,
                        note, "rule"), actor);
                jdbc.sql("update att_day set late_finding_id = ? where staff_id = ? and work_day = ?")
                        .params(id, s.id(), day).update();
            }
        }
        audit.record(c.id(), "AttendanceDay", s.id() + ":" + day, "SIGN_IN", null,
                Map.of("at", at.toString(), "via", via.name()));
        return day(s, c, day);
    }

    /** Signs a person out for today: ends a notice and an absence from the window; 早退 before the end of the hours. */
    public Day signOut(long staffId, String actor) {
        StaffSummary s = staff(staffId);
        CentreInfo c = centre(s.centreId());
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, c.zone());
        Day before = day(s, c, day);
        if (!before.signedIn()) {
            throw DomainException.unprocessable("att.core.sign-out.not-signed-in");
        }
        if (before.signedOut()) {
            throw DomainException.conflict("att.core.sign-out.twice",
                    HH_MM.format(Objects.requireNonNull(before.signedOutAt()).atZone(c.zone())));
        }
        activeNotice(staffId).ifPresent(n -> endNoticeAt(s, c, n, now, actor));
        closeAway(staffId, now);
        jdbc.sql("update att_day set signed_out_at = ?, updated_at = ?, version = version + 1 "
                        + "where staff_id = ? and work_day = ? and signed_out_at is null")
                .params(Timestamp.from(now), Timestamp.from(now), staffId, day).update();
        DueHours due = before.due();
        if (due != null) {
            LocalTime local = now.atZone(c.zone()).toLocalTime();
            List<ApprovedLeave> leaves = leave.approvedLeaveOf(staffId, day, day);
            if (AttendanceJudgement.signOut(day, local, due, leaves) != null) {
                LocalTime end = AttendanceJudgement.effectiveEnd(day, due, leaves);
                long id = commands.recordFinding(new FindingData(c.id(), staffId, windowOf(s).map(WindowInfo::id).orElse(null),
                        FindingKind.EARLY_LEAVE, now, "early-sign-out", AttendanceRules.CLAUSE_ON_TIME,
                        text("att.core.note.early", HH_MM.format(local), HH_MM.format(end)), "rule"), actor);
                jdbc.sql("update att_day set early_finding_id = ? where staff_id = ? and work_day = ?")
                        .params(id, staffId, day).update();
            }
        }
        audit.record(c.id(), "AttendanceDay", staffId + ":" + day, "SIGN_OUT", null, Map.of("at", now.toString()));
        return day(s, c, day);
    }

    // ---- the queue console (ATT-1, ATT-3) --------------------------------------------------------------------------

    /**
     * A person signed in to or out of a window, or paused or resumed it. Signing in at a window is the day's sign-in
     * when there was none; pausing or signing out of the window while signed in for the day starts time away from the
     * post (judged by {@link AttendanceScan}); signing in again or resuming ends it, and ends an open notice (the
     * person is back).
     */
    public void presence(WindowPresenceChanged e) {
        StaffSummary s = staff(e.staffId());
        CentreInfo c = centre(e.centreId());
        LocalDate day = LocalDate.ofInstant(e.at(), c.zone());
        String actor = "window:" + e.windowNumber();
        // the events of one person are handled one after the other, in whatever order they arrive
        jdbc.sql("select id from att_day where staff_id = ? and work_day = ? for update").params(s.id(), day)
                .query(Long.class).optional();
        Timestamp at = Timestamp.from(e.at());
        switch (e.presence()) {
            case SIGNED_IN, RESUMED -> {
                if (e.presence() == WindowPresence.SIGNED_IN && !day(s, c, day).signedIn()) {
                    signInAt(s, c, e.at(), Via.WINDOW, e.windowId(), actor);
                }
                closeAway(s.id(), e.at());
                jdbc.sql("update att_day set returned_at = ? where staff_id = ? and work_day = ? "
                        + "and (returned_at is null or returned_at < ?)").params(at, s.id(), day, at).update();
                activeNotice(s.id()).filter(n -> n.startedAt().isBefore(e.at()))
                        .ifPresent(n -> endNoticeAt(s, c, n, e.at(), actor));
            }
            case PAUSED, SIGNED_OUT -> {
                Day d = day(s, c, day);
                if (d.signedIn() && !d.signedOut()) {
                    closeAway(s.id(), e.at());
                    // a return handled before this departure (events arrive in any order) ends it at once
                    Timestamp returned = jdbc.sql("select returned_at from att_day where staff_id = ? and work_day = ?")
                            .params(s.id(), day).query((rs, n) -> rs.getTimestamp(1)).optional().orElse(null);
                    Timestamp ended = returned != null && returned.after(at) ? returned : null;
                    jdbc.sql("insert into att_away (centre_id, staff_id, window_id, work_day, cause, reason, started_at, "
                                    + "ended_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                            .params(c.id(), s.id(), e.windowId(), day, e.presence().name(), e.reason(), at, ended)
                            .update();
                }
            }
        }
    }

    private void closeAway(long staffId, Instant at) {
        jdbc.sql("update att_away set ended_at = ? where staff_id = ? and ended_at is null and started_at <= ?")
                .params(Timestamp.from(at), staffId, Timestamp.from(at)).update();
    }

    // ---- absence notices (ATT-3) -----------------------------------------------------------------------------------

    /**
     * Files an absence notice (离岗告知) and puts up the 告知牌 on the person's window. The expected return must be later
     * today within the hours due (longer absences are leave); a window's only person needs a stand-in (考勤及离岗告知制度
     * 三.2) — the refusal names the one proposed.
     */
    public Notice startNotice(long staffId, @Nullable String reason, @Nullable String contact,
            @Nullable LocalTime expectedBack, @Nullable Long standInStaffId, String actor) {
        StaffSummary s = staff(staffId);
        CentreInfo c = centre(s.centreId());
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, c.zone());
        String why = reason == null ? "" : reason.strip();
        String reach = contact == null ? "" : contact.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason", "att.core.notice.reason-required");
        }
        if (why.length() > 200) {
            throw DomainException.invalid("reason", "att.core.notice.reason-too-long", 200);
        }
        if (reach.isEmpty()) {
            throw DomainException.invalid("contact", "att.core.notice.contact-required");
        }
        if (reach.length() > 60) {
            throw DomainException.invalid("contact", "att.core.notice.contact-too-long", 60);
        }
        if (expectedBack == null) {
            throw DomainException.invalid("expectedBack", "att.core.notice.back-required");
        }
        Instant back = day.atTime(expectedBack).atZone(c.zone()).toInstant();
        if (!back.isAfter(now)) {
            throw DomainException.invalid("expectedBack", "att.core.notice.back-in-past",
                    HH_MM.format(expectedBack), HH_MM.format(now.atZone(c.zone())));
        }
        Day today = day(s, c, day);
        if (today.due() != null && expectedBack.isAfter(today.due().end())) {
            throw DomainException.invalid("expectedBack", "att.core.notice.back-after-day",
                    HH_MM.format(today.due().end()));
        }
        if (!today.signedIn() || today.signedOut()) {
            throw DomainException.unprocessable("att.core.notice.not-signed-in");
        }
        if (activeNotice(staffId).isPresent()) {
            throw DomainException.conflict("att.core.notice.active");
        }
        Optional<WindowInfo> window = windowOf(s);
        StaffSummary standIn = null;
        if (standInStaffId != null) {
            standIn = org.staff(standInStaffId).filter(StaffSummary::active)
                    .filter(o -> o.centreId() == c.id() && o.id() != staffId)
                    .orElseThrow(() -> DomainException.invalid("standIn", "att.core.notice.stand-in-invalid"));
            if (leave.isOnLeave(standIn.id(), now.atZone(c.zone()).toLocalDateTime())
                    || activeNotice(standIn.id()).isPresent()) {
                throw DomainException.invalid("standIn", "att.core.notice.stand-in-away", standIn.name());
            }
        } else if (window.isPresent() && rules.standInRequired()) {
            Optional<StandIn> proposed = proposedStandIn(staffId);
            if (proposed.isPresent()) {
                throw DomainException.invalid("standIn", "att.core.notice.stand-in-required", window.get().number(),
                        proposed.get().post(), proposed.get().holder().name());
            }
            throw DomainException.invalid("standIn", "att.core.notice.stand-in-required-none", window.get().number());
        }
        Long windowId = window.map(WindowInfo::id).orElse(null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into att_notice (centre_id, staff_id, window_id, work_day, reason, contact, started_at, "
                        + "expected_back, stand_in_staff_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), staffId, windowId, day, why, reach, Timestamp.from(now), Timestamp.from(back),
                        standIn == null ? null : standIn.id(), actor)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        if (windowId != null) {
            queue.showNotice(windowId, new WindowNoticeSign(s.name(), why, reach, back,
                    standIn == null ? null : standIn.name()), actor);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", why);
        after.put("contact", reach);
        after.put("expectedBack", back.toString());
        after.put("standIn", standIn == null ? "" : standIn.name());
        audit.record(c.id(), "AbsenceNotice", Long.toString(id), "CREATE", null, after);
        return notice(id);
    }

    /** Ends the person's notice: they are back. Back later than expected is 迟到 or 脱岗 (四.3). */
    public Notice endNotice(long staffId, String actor) {
        StaffSummary s = staff(staffId);
        Notice n = activeNotice(staffId).orElseThrow(() -> DomainException.notFound("att.core.notice.none"));
        endNoticeAt(s, centre(s.centreId()), n, clock.instant(), actor);
        return notice(n.id());
    }

    private void endNoticeAt(StaffSummary s, CentreInfo c, Notice n, Instant at, String actor) {
        int ended = jdbc.sql("update att_notice set ended_at = ?, ended_by = ? where id = ? and ended_at is null")
                .params(Timestamp.from(at), actor, n.id()).update();
        if (ended == 0) {
            return;
        }
        Duration overdue = Duration.between(n.expectedBack(), at);
        FindingKind kind = AttendanceJudgement.lateReturn(overdue, rules.lateReturnAsAbsenceAfter());
        if (kind != null && n.lateFindingId() == null) {
            long id = commands.recordFinding(new FindingData(c.id(), s.id(), n.windowId(), kind, at,
                    "notice-late-return", AttendanceRules.CLAUSE_LATE_RETURN,
                    text("att.core.note.late-return", HH_MM.format(n.expectedBack().atZone(c.zone())),
                            HH_MM.format(at.atZone(c.zone())), overdue.toMinutes()), "rule"), actor);
            jdbc.sql("update att_notice set late_finding_id = ? where id = ? and late_finding_id is null")
                    .params(id, n.id()).update();
        }
        if (n.windowId() != null) {
            queue.clearNotice(n.windowId(), actor);
        }
        audit.record(c.id(), "AbsenceNotice", Long.toString(n.id()), "END", null, Map.of("at", at.toString()));
    }

    Notice notice(long id) {
        return jdbc.sql("select * from att_notice where id = ?").params(id).query(Attendance::notice).single();
    }

    static Notice notice(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long window = rs.getLong("window_id");
        Long windowId = rs.wasNull() ? null : window;
        long standIn = rs.getLong("stand_in_staff_id");
        Long standInId = rs.wasNull() ? null : standIn;
        long late = rs.getLong("late_finding_id");
        Long lateId = rs.wasNull() ? null : late;
        return new Notice(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("staff_id"), windowId,
                rs.getDate("work_day").toLocalDate(), rs.getString("reason"), rs.getString("contact"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("expected_back").toInstant(), standInId,
                instant(rs.getTimestamp("ended_at")), lateId);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    StaffSummary staff(long staffId) {
        return org.staff(staffId).orElseThrow(() -> DomainException.notFound("att.staff.not-found"));
    }

    CentreInfo centre(long centreId) {
        return org.centre(centreId).orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
