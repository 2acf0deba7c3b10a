package org.openhall.attendance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.FindingData;
import org.openhall.attendance.FindingKind;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.internal.AttendanceJudgement.DueHours;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The attendance rule scan (ATT-4): every {@code openhall.attendance.scan.interval} (1 minute) it raises, once each,
 * the findings that only time reveals:
 * <ul>
 * <li>{@code absence-without-notice} 脱岗 — away from the window (paused or signed out at the console) while signed in for
 *     the day, longer than {@code notice-after} (30 min) within the hours due, without a notice and not on approved
 *     leave (考勤及离岗告知制度 四.1、四.3);
 * <li>{@code notice-overdue} 脱岗 — a notice still open {@code late-return-as-absence-after} past its expected return
 *     (四.3);
 * <li>{@code leave-without-notice} 早退 — approved leave began during the day while the person was signed in, and
 *     {@code leave-without-notice-after} later they have neither signed out nor filed a notice (四.3 第二款);
 * <li>{@code absent-day} 旷工 — no sign-in on a day with hours due, after those hours ended, for the part not covered by
 *     approved leave: a whole day, or half a day when leave covers at least half (三.3、四.3). Who is due: the A-post
 *     holders of the centre's windows and anyone with duty hours that day; only days since the centre's first scan.
 * </ul>
 * Each centre is scanned in its own transaction that locks the centre's row of {@code att_scan}, so that the scans of
 * several nodes run one after the other; every finding is also marked on its source row by a conditional update.
 */
@Service
public class AttendanceScan {

    private static final Logger log = LoggerFactory.getLogger(AttendanceScan.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** How many days back the day-absence rule looks (a node that was down catches up). */
    private static final int DAYS_BACK = 7;

    private final JdbcClient jdbc;
    private final TransactionOperations tx;
    private final Clock clock;
    private final OrganizationApi org;
    private final LeaveApi leave;
    private final AttendanceCommands commands;
    private final AttendanceRules rules;
    private final AttendanceScanSettings settings;
    private final Attendance attendance;

    AttendanceScan(JdbcClient jdbc, TransactionOperations tx, Clock clock, OrganizationApi org, LeaveApi leave,
            AttendanceCommands commands, AttendanceRules rules, AttendanceScanSettings settings, Attendance attendance) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.org = org;
        this.leave = leave;
        this.commands = commands;
        this.rules = rules;
        this.settings = settings;
        this.attendance = attendance;
    }

    /** The scheduled scan; does nothing while {@code openhall.attendance.scan.enabled} is false. */
    @Scheduled(fixedDelayString = "${openhall.attendance.scan.interval:1m}",
            initialDelayString = "${openhall.attendance.scan.interval:1m}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        int raised = 0;
        for (CentreInfo c : org.centres()) {
            try {
                raised += scan(c.id());
            } catch (RuntimeException e) {
                log.warn("attendance scan of centre {} failed: {}", c.id(), e.toString());
            }
        }
        if (raised > 0) {
            log.debug("attendance scan raised {} findings", raised);
        }
    }

    /** Scans one centre now; returns the number of findings raised. */
    public int scan(long centreId) {
        CentreInfo c = org.centre(centreId).orElseThrow();
        Instant now = clock.instant();
        ensureScanRow(centreId, LocalDate.ofInstant(now, c.zone()));
        Integer raised = tx.execute(s -> scanLocked(c, now));
        return raised == null ? 0 : raised;
    }

    private void ensureScanRow(long centreId, LocalDate today) {
        if (jdbc.sql("select count(*) from att_scan where centre_id = ?").params(centreId).query(Long.class).single() > 0) {
            return;
        }
        try {
            // the day rule looks back only to the first scan: earlier days were never watched
            tx.executeWithoutResult(s -> jdbc.sql("insert into att_scan (centre_id, since_day) values (?, ?)")
                    .params(centreId, today).update());
        } catch (DuplicateKeyException raced) {
            // another node made it first
        }
    }

    private int scanLocked(CentreInfo c, Instant now) {
        LocalDate since = jdbc.sql("select since_day from att_scan where centre_id = ? for update").params(c.id())
                .query((rs, n) -> rs.getDate(1).toLocalDate()).single();
        int raised = awayWithoutNotice(c, now) + overdueNotices(c, now) + leaveWithoutNotice(c, now)
                + absentDays(c, now, since);
        jdbc.sql("update att_scan set last_scan_at = ? where centre_id = ?").params(Timestamp.from(now), c.id()).update();
        return raised;
    }

    record Away(long id, long staffId, long windowId, LocalDate day, String cause, @Nullable String reason,
            Instant startedAt, @Nullable Instant endedAt) {
    }

    private int awayWithoutNotice(CentreInfo c, Instant now) {
        List<Away> aways = jdbc.sql("select * from att_away where centre_id = ? and finding_id is null and work_day >= ?")
                .params(c.id(), LocalDate.ofInstant(now, c.zone()).minusDays(1))
                .query((rs, n) -> new Away(rs.getLong("id"), rs.getLong("staff_id"), rs.getLong("window_id"),
                        rs.getDate("work_day").toLocalDate(), rs.getString("cause"), rs.getString("reason"),
                        rs.getTimestamp("started_at").toInstant(), Attendance.instant(rs.getTimestamp("ended_at"))))
                .list();
        int raised = 0;
        for (Away a : aways) {
            Instant end = a.endedAt() == null ? now : a.endedAt();
            Duration away = Duration.between(a.startedAt(), end);
            if (away.compareTo(rules.noticeAfter()) <= 0) {
                continue;
            }
            Instant beyond = a.startedAt().plus(rules.noticeAfter());
            DueHours due = attendance.due(c, a.staffId(), a.day());
            LocalTime t = beyond.atZone(c.zone()).toLocalTime();
            if (due == null || !beyond.atZone(c.zone()).toLocalDate().equals(a.day()) || !t.isAfter(due.start())
                    || !t.isBefore(due.end())) {
                continue;
            }
            boolean signedOutForDay = jdbc.sql("select count(*) from att_day where staff_id = ? and work_day = ? "
                            + "and signed_out_at is not null and signed_out_at <= ?")
                    .params(a.staffId(), a.day(), Timestamp.from(beyond)).query(Long.class).single() > 0;
            if (signedOutForDay || leave.isOnLeave(a.staffId(), beyond.atZone(c.zone()).toLocalDateTime())) {
                continue;
            }
            boolean noticed = jdbc.sql("select count(*) from att_notice where staff_id = ? and started_at <= ? "
                            + "and (ended_at is null or ended_at > ?)")
                    .params(a.staffId(), Timestamp.from(beyond), Timestamp.from(a.startedAt())).query(Long.class)
                    .single() > 0;
            if (noticed) {
                continue;
            }
            String window = org.window(a.windowId()).map(WindowInfo::number).orElse("?");
            String note = attendance.text("PAUSED".equals(a.cause()) ? "att.core.note.away-paused"
                            : "att.core.note.away-signed-out", window, HH_MM.format(a.startedAt().atZone(c.zone())),
                    away.toMinutes(), a.reason() == null ? "" : "（" + a.reason() + "）");
            long id = commands.recordFinding(new FindingData(c.id(), a.staffId(), a.windowId(),
                    FindingKind.ABSENT_FROM_POST, beyond, "absence-without-notice", AttendanceRules.CLAUSE_NO_NOTICE,
                    note, "rule"), "system");
            jdbc.sql("update att_away set finding_id = ? where id = ? and finding_id is null").params(id, a.id()).update();
            raised++;
        }
        return raised;
    }

    private int overdueNotices(CentreInfo c, Instant now) {
        Instant limit = now.minus(rules.lateReturnAsAbsenceAfter());
        List<Attendance.Notice> overdue = jdbc.sql("select * from att_notice where centre_id = ? and ended_at is null "
                        + "and late_finding_id is null and expected_back < ?")
                .params(c.id(), Timestamp.from(limit)).query(Attendance::notice).list();
        for (Attendance.Notice n : overdue) {
            Instant at = n.expectedBack().plus(rules.lateReturnAsAbsenceAfter());
            long id = commands.recordFinding(new FindingData(c.id(), n.staffId(), n.windowId(),
                    FindingKind.ABSENT_FROM_POST, at, "notice-overdue", AttendanceRules.CLAUSE_LATE_RETURN,
                    attendance.text("att.core.note.notice-overdue", HH_MM.format(n.expectedBack().atZone(c.zone())),
                            Duration.between(n.expectedBack(), now).toMinutes()), "rule"), "system");
            jdbc.sql("update att_notice set late_finding_id = ? where id = ? and late_finding_id is null")
                    .params(id, n.id()).update();
        }
        return overdue.size();
    }

    private int leaveWithoutNotice(CentreInfo c, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, c.zone());
        int raised = 0;
        for (ApprovedLeave l : leave.approvedLeave(c.id(), today, today)) {
            if (!l.start().toLocalDate().equals(today)) {
                continue;
            }
            Instant start = l.start().atZone(c.zone()).toInstant();
            Instant judged = start.plus(rules.leaveWithoutNoticeAfter());
            if (now.isBefore(judged)) {
                continue;
            }
            record DayRow(Instant signedIn, @Nullable Instant signedOut, @Nullable Long finding) {
            }
            DayRow d = jdbc.sql("select signed_in_at, signed_out_at, leave_finding_id from att_day where staff_id = ? "
                            + "and work_day = ? and signed_in_at is not null")
                    .params(l.staffId(), today)
                    .query((rs, n) -> {
                        long f = rs.getLong(3);
                        Long finding = rs.wasNull() ? null : f;
                        return new DayRow(rs.getTimestamp(1).toInstant(), Attendance.instant(rs.getTimestamp(2)), finding);
                    })
                    .optional().orElse(null);
            if (d == null || d.finding() != null || !d.signedIn().isBefore(start)
                    || (d.signedOut() != null && !d.signedOut().isAfter(judged))) {
                continue;
            }
            boolean noticed = jdbc.sql("select count(*) from att_notice where staff_id = ? and started_at >= ? "
                            + "and started_at <= ?")
                    .params(l.staffId(), Timestamp.from(d.signedIn()), Timestamp.from(judged)).query(Long.class)
                    .single() > 0;
            if (noticed) {
                continue;
            }
            long id = commands.recordFinding(new FindingData(c.id(), l.staffId(), null, FindingKind.EARLY_LEAVE, judged,
                    "leave-without-notice", AttendanceRules.CLAUSE_LEAVE_NO_NOTICE,
                    attendance.text("att.core.note.leave-without-notice", HH_MM.format(l.start())), "rule"), "system");
            jdbc.sql("update att_day set leave_finding_id = ? where staff_id = ? and work_day = ? and leave_finding_id is null")
                    .params(id, l.staffId(), today).update();
            raised++;
        }
        return raised;
    }

    private int absentDays(CentreInfo c, Instant now, LocalDate firstDay) {
        LocalDate today = LocalDate.ofInstant(now, c.zone());
        LocalTime nowLocal = now.atZone(c.zone()).toLocalTime();
        LocalDate from = today.minusDays(DAYS_BACK).isAfter(firstDay) ? today.minusDays(DAYS_BACK) : firstDay;
        Set<Long> posts = org.windows(c.id()).stream().filter(WindowInfo::active).map(w -> w.postA().staffId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        int raised = 0;
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            Set<Long> due = new LinkedHashSet<>(posts);
            due.addAll(jdbc.sql("select distinct staff_id from att_duty_hours where centre_id = ? and work_day = ? and active")
                    .params(c.id(), day).query(Long.class).list());
            Map<Long, Boolean> seen = jdbc.sql("select staff_id, signed_in_at is not null or absence_finding_id is not null "
                            + "from att_day where centre_id = ? and work_day = ?")
                    .params(c.id(), day).query((rs, n) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a || b));
            for (long staffId : due) {
                if (Boolean.TRUE.equals(seen.get(staffId)) || org.staff(staffId).filter(s -> s.active()).isEmpty()) {
                    continue;
                }
                DueHours hours = attendance.due(c, staffId, day);
                if (hours == null || (day.equals(today) && nowLocal.isBefore(hours.end()))) {
                    continue;
                }
                List<ApprovedLeave> leaves = leave.approvedLeaveOf(staffId, day, day);
                Duration free = AttendanceJudgement.uncovered(day, hours, leaves);
                if (free.isZero()) {
                    continue;
                }
                boolean whole = AttendanceJudgement.wholeDay(free, hours);
                Instant at = day.atTime(hours.end()).atZone(c.zone()).toInstant();
                if (!seen.containsKey(staffId)) {
                    jdbc.sql("insert into att_day (centre_id, staff_id, work_day, due_start, due_end, updated_at) "
                                    + "values (?, ?, ?, ?, ?, ?)")
                            .params(c.id(), staffId, day, hours.start(), hours.end(), Timestamp.from(now)).update();
                }
                long id = commands.recordFinding(new FindingData(c.id(), staffId, null, FindingKind.ABSENTEEISM, at,
                        "absent-day", AttendanceRules.CLAUSE_ABSENT_DAY,
                        attendance.text(whole ? "att.core.note.absent-day" : "att.core.note.absent-half-day"), "rule"),
                        "system");
                jdbc.sql("update att_day set absence_finding_id = ? where staff_id = ? and work_day = ? "
                        + "and absence_finding_id is null").params(id, staffId, day).update();
                raised++;
            }
        }
        return raised;
    }
}
