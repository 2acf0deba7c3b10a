package org.openhall.attendance.internal;

import static org.openhall.shared.xlsx.SheetCells.bordered;
import static org.openhall.shared.xlsx.SheetCells.cell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.FindingData;
import org.openhall.attendance.FindingKind;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.internal.AttendanceJudgement.DueHours;
import org.openhall.calendar.CalendarApi;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.QueueApi;
import org.openhall.queue.WindowStatus;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors and the centre office read (ATT-4, ATT-5): today's board, the findings with rule and clause, checks
 * recorded by hand, the monthly report per person, window and department with its .xlsx export, and the 定期通报 (a
 * month's findings published to the centre's staff).
 */
@Service
@Transactional(readOnly = true)
public class AttendanceReports {

    /** A finding as the lists show it. */
    public record Finding(long id, long staffId, String staffName, String departmentName, @Nullable String window,
            FindingKind kind, Instant observedAt, LocalDate day, String rule, String clause, @Nullable String note,
            String source) {
    }

    /** Where a person is today (the board). */
    public enum Presence { AT_POST, LATE, AWAY_WITH_NOTICE, AWAY_WITHOUT_NOTICE, ON_LEAVE, NOT_SIGNED_IN, SIGNED_OUT, NOT_DUE }

    /** A line of today's board. */
    public record BoardLine(StaffSummary staff, String departmentName, @Nullable String window,
            @Nullable DueHours due, @Nullable Instant signedInAt, @Nullable Instant signedOutAt, Presence presence,
            Attendance.@Nullable Notice notice, @Nullable Instant awaySince, long findingsToday) {
    }

    /** Counts of a month for one person, window or department. */
    public record ReportLine(String name, @Nullable String department, int daysWorked, double leaveDays,
            Map<FindingKind, Integer> counts) {

        public int count(FindingKind kind) {
            return counts.getOrDefault(kind, 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The monthly report (ATT-5). */
    public record Report(YearMonth month, List<ReportLine> people, List<ReportLine> windows,
            List<ReportLine> departments) {
    }

    /** A published 定期通报. */
    public record Bulletin(String period, Instant publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OrganizationApi org;
    private final CalendarApi calendar;
    private final LeaveApi leave;
    private final QueueApi queue;
    private final Attendance attendance;
    private final AttendanceCommands commands;
    private final AuditTrail audit;
    private final MessageSource messages;

    AttendanceReports(JdbcClient jdbc, Clock clock, OrganizationApi org, CalendarApi calendar, LeaveApi leave,
            QueueApi queue, Attendance attendance, AttendanceCommands commands, AuditTrail audit,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.org = org;
        this.calendar = calendar;
        this.leave = leave;
        this.queue = queue;
        this.attendance = attendance;
        this.commands = commands;
        this.audit = audit;
        this.messages = messages;
    }

    // ---- findings (ATT-4) ------------------------------------------------------------------------------------------

    /** The findings of a month, newest first; of one department when {@code departmentId} is given, of one person with {@code staffId}. */
    public List<Finding> findings(long centreId, YearMonth month, @Nullable Long departmentId, @Nullable Long staffId) {
        Map<Long, StaffSummary> staff = staffById(centreId);
        Map<Long, String> departments = departmentNames(centreId);
        Map<Long, String> windows = windowNumbers(centreId);
        return jdbc.sql("select * from att_finding where centre_id = ? and work_day >= ? and work_day <= ? "
                        + "order by observed_at desc, id desc")
                .params(centreId, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> {
                    long window = rs.getLong("window_id");
                    Long windowId = rs.wasNull() ? null : window;
                    StaffSummary s = staff.get(rs.getLong("staff_id"));
                    return new Finding(rs.getLong("id"), rs.getLong("staff_id"), s == null ? "?" : s.name(),
                            s == null ? "" : departments.getOrDefault(s.departmentId(), ""),
                            windowId == null ? null : windows.get(windowId), FindingKind.valueOf(rs.getString("kind")),
                            rs.getTimestamp("observed_at").toInstant(), rs.getDate("work_day").toLocalDate(),
                            rs.getString("rule_code"), rs.getString("clause"), rs.getString("note"), rs.getString("source"));
                })
                .stream()
                .filter(f -> staffId == null || f.staffId() == staffId)
                .filter(f -> departmentId == null || Optional.ofNullable(staff.get(f.staffId()))
                        .map(s -> s.departmentId() == departmentId).orElse(false))
                .toList();
    }

    /**
     * A check by a supervisor (ATT-4): a finding recorded by hand at a time of today that has passed, citing the
     * clause of its kind.
     */
    @Transactional
    public long recordCheck(long centreId, @Nullable Long staffId, @Nullable FindingKind kind,
            java.time.@Nullable LocalTime at, @Nullable String note, String actor) {
        if (staffId == null) {
            throw DomainException.invalid("staffId", "att.core.check.staff-required");
        }
        if (kind == null) {
            throw DomainException.invalid("kind", "att.core.check.kind-required");
        }
        CentreInfo c = attendance.centre(centreId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, c.zone());
        Instant when = at == null ? null : today.atTime(at).atZone(c.zone()).toInstant();
        if (when == null || when.isAfter(now)) {
            throw DomainException.invalid("at", "att.core.check.time-invalid");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw DomainException.invalid("note", "att.core.check.note-required");
        }
        StaffSummary s = attendance.staff(staffId);
        if (s.centreId() != centreId) {
            throw DomainException.notFound("att.staff.not-found");
        }
        String clause = switch (kind) {
            case LATE, EARLY_LEAVE -> AttendanceRules.CLAUSE_ON_TIME;
            case ABSENT_FROM_POST -> AttendanceRules.CLAUSE_NO_NOTICE;
            case ABSENTEEISM -> AttendanceRules.CLAUSE_ABSENT_DAY;
        };
        return commands.recordFinding(new FindingData(centreId, staffId,
                attendance.windowOf(s).map(WindowInfo::id).orElse(null), kind, when, "check", clause, text,
                "check:" + actor), actor);
    }

    // ---- today's board (ATT-1, ATT-3) ------------------------------------------------------------------------------

    /** Everyone due today or present today: in, late, away with or without notice, on leave, not signed in. */
    public List<BoardLine> board(long centreId, @Nullable Long departmentId) {
        CentreInfo c = attendance.centre(centreId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, c.zone());
        LocalDateTime local = LocalDateTime.ofInstant(now, c.zone());
        Map<Long, String> departments = departmentNames(centreId);
        Map<Long, String> windowOfPost = new HashMap<>();
        for (WindowInfo w : org.windows(centreId)) {
            windowOfPost.putIfAbsent(w.postA().staffId(), w.number());
        }
        Map<Long, String> signedInAt = new HashMap<>();
        Map<Long, Instant> awaySince = new HashMap<>();
        Map<Long, String> windowNumbers = windowNumbers(centreId);
        for (QueueApi.WindowStateSummary w : queue.windowStates(centreId)) {
            if (w.staffId() != null) {
                signedInAt.put(w.staffId(), w.windowNumber());
                if (w.status() == WindowStatus.PAUSED) {
                    awaySince.put(w.staffId(), w.since());
                }
            }
        }
        jdbc.sql("select staff_id, started_at from att_away where centre_id = ? and ended_at is null")
                .params(centreId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant())).list()
                .forEach(e -> awaySince.merge(e.getKey(), e.getValue(), (a, b) -> a.isBefore(b) ? a : b));
        Map<Long, Attendance.Notice> notices = new HashMap<>();
        jdbc.sql("select * from att_notice where centre_id = ? and ended_at is null").params(centreId)
                .query(Attendance::notice).list().forEach(n -> notices.put(n.staffId(), n));
        record DayRow(@Nullable Instant in, @Nullable Instant out, boolean late) {
        }
        Map<Long, DayRow> days = new HashMap<>();
        jdbc.sql("select staff_id, signed_in_at, signed_out_at, late_finding_id from att_day where centre_id = ? and work_day = ?")
                .params(centreId, today)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    Instant in = Attendance.instant(rs.getTimestamp(2));
                    Instant out = Attendance.instant(rs.getTimestamp(3));
                    rs.getLong(4);
                    days.put(id, new DayRow(in, out, !rs.wasNull()));
                    return id;
                }).list();
        Map<Long, Long> findings = new HashMap<>();
        jdbc.sql("select staff_id, count(*) from att_finding where centre_id = ? and work_day = ? group by staff_id")
                .params(centreId, today).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> findings.put(e.getKey(), e.getValue()));
        List<BoardLine> lines = new ArrayList<>();
        for (StaffSummary s : org.staffOfCentre(centreId)) {
            if (!s.active() || (departmentId != null && s.departmentId() != departmentId)) {
                continue;
            }
            DueHours due = attendance.due(c, s.id(), today);
            DayRow d = days.get(s.id());
            boolean relevant = due != null && windowOfPost.containsKey(s.id()) || d != null || notices.containsKey(s.id())
                    || signedInAt.containsKey(s.id());
            if (!relevant) {
                continue;
            }
            Attendance.Notice notice = notices.get(s.id());
            Presence p;
            if (notice != null) {
                p = Presence.AWAY_WITH_NOTICE;
            } else if (d != null && d.out() != null) {
                p = Presence.SIGNED_OUT;
            } else if (d != null && d.in() != null && awaySince.containsKey(s.id())) {
                p = Presence.AWAY_WITHOUT_NOTICE;
            } else if (d != null && d.in() != null) {
                p = d.late() ? Presence.LATE : Presence.AT_POST;
            } else if (leave.isOnLeave(s.id(), local)) {
                p = Presence.ON_LEAVE;
            } else if (due == null) {
                p = Presence.NOT_DUE;
            } else {
                p = Presence.NOT_SIGNED_IN;
            }
            String window = signedInAt.containsKey(s.id()) ? signedInAt.get(s.id())
                    : notice != null && notice.windowId() != null ? windowNumbers.get(notice.windowId())
                    : windowOfPost.get(s.id());
            lines.add(new BoardLine(s, departments.getOrDefault(s.departmentId(), ""), window, due,
                    d == null ? null : d.in(), d == null ? null : d.out(), p, notice,
                    p == Presence.AWAY_WITHOUT_NOTICE ? awaySince.get(s.id()) : null,
                    findings.getOrDefault(s.id(), 0L)));
        }
        lines.sort(Comparator.comparing((BoardLine l) -> l.presence().ordinal() == 3 ? 0 : 1)
                .thenComparing(l -> l.window() == null ? "~" : "%5s".formatted(l.window()))
                .thenComparing(l -> l.staff().staffNumber()));
        return lines;
    }

    // ---- the monthly report (ATT-5) --------------------------------------------------------------------------------

    public Report report(long centreId, YearMonth month, @Nullable Long departmentId) {
        CentreInfo c = attendance.centre(centreId);
        Map<Long, String> departments = departmentNames(centreId);
        Map<Long, Integer> worked = new HashMap<>();
        jdbc.sql("select staff_id, count(*) from att_day where centre_id = ? and work_day >= ? and work_day <= ? "
                        + "and signed_in_at is not null group by staff_id")
                .params(centreId, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list()
                .forEach(e -> worked.put(e.getKey(), e.getValue()));
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(c.code(), d)) {
                workingDays.add(d);
            }
        }
        Map<Long, Double> leaveDays = new HashMap<>();
        for (ApprovedLeave l : leave.approvedLeave(centreId, month.atDay(1), month.atEndOfMonth())) {
            double days = 0;
            for (LocalDate d : workingDays) {
                if (l.touches(d)) {
                    DueHours due = attendance.due(c, l.staffId(), d);
                    days += due == null ? 1 : AttendanceJudgement.uncovered(d, due, List.of(l)).isZero() ? 1 : 0.5;
                }
            }
            leaveDays.merge(l.staffId(), days, Double::sum);
        }
        List<Finding> findings = findings(centreId, month, departmentId, null);
        Map<Long, Map<FindingKind, Integer>> perStaff = new HashMap<>();
        Map<String, Map<FindingKind, Integer>> perWindow = new LinkedHashMap<>();
        for (Finding f : findings) {
            perStaff.computeIfAbsent(f.staffId(), k -> new EnumMap<>(FindingKind.class)).merge(f.kind(), 1, Integer::sum);
            if (f.window() != null) {
                perWindow.computeIfAbsent(f.window(), k -> new EnumMap<>(FindingKind.class)).merge(f.kind(), 1, Integer::sum);
            }
        }
        List<ReportLine> people = new ArrayList<>();
        Map<Long, int[]> deptWorked = new LinkedHashMap<>();
        Map<Long, double[]> deptLeave = new HashMap<>();
        Map<Long, Map<FindingKind, Integer>> deptCounts = new HashMap<>();
        for (StaffSummary s : org.staffOfCentre(centreId)) {
            if (departmentId != null && s.departmentId() != departmentId) {
                continue;
            }
            int w = worked.getOrDefault(s.id(), 0);
            double l = leaveDays.getOrDefault(s.id(), 0.0);
            Map<FindingKind, Integer> counts = perStaff.getOrDefault(s.id(), Map.of());
            if (w == 0 && l == 0 && counts.isEmpty()) {
                continue;
            }
            people.add(new ReportLine(s.staffNumber() + " " + s.name(), departments.getOrDefault(s.departmentId(), ""),
                    w, l, counts));
            deptWorked.computeIfAbsent(s.departmentId(), k -> new int[1])[0] += w;
            deptLeave.computeIfAbsent(s.departmentId(), k -> new double[1])[0] += l;
            counts.forEach((k, v) -> deptCounts.computeIfAbsent(s.departmentId(), x -> new EnumMap<>(FindingKind.class))
                    .merge(k, v, Integer::sum));
        }
        List<ReportLine> windows = new ArrayList<>();
        perWindow.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Map<FindingKind, Integer>> e) -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> windows.add(new ReportLine(e.getKey(), null, 0, 0, e.getValue())));
        List<ReportLine> depts = new ArrayList<>();
        for (DepartmentInfo d : org.departments(centreId)) {
            if (deptWorked.containsKey(d.id())) {
                depts.add(new ReportLine(d.name(), null, deptWorked.get(d.id())[0], deptLeave.get(d.id())[0],
                        deptCounts.getOrDefault(d.id(), Map.of())));
            }
        }
        return new Report(month, people, windows, depts);
    }

    /** The monthly report as an .xlsx workbook: one sheet each for people, windows and departments. */
    public byte[] export(long centreId, YearMonth month, @Nullable Long departmentId, Locale locale) {
        Report r = report(centreId, month, departmentId);
        CentreInfo c = attendance.centre(centreId);
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = bordered(wb);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle plain = bordered(wb);
            sheet(wb, text(locale, "att.core.report.people"), c.name() + " " + month, r.people(), true, true, head,
                    plain, locale);
            sheet(wb, text(locale, "att.core.report.windows"), c.name() + " " + month, r.windows(), false, false,
                    head, plain, locale);
            sheet(wb, text(locale, "att.core.report.departments"), c.name() + " " + month, r.departments(), false,
                    true, head, plain, locale);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(Workbook wb, String name, String title, List<ReportLine> lines, boolean withDepartment,
            boolean withDays, CellStyle head, CellStyle plain, Locale locale) {
        Sheet sheet = wb.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue(title + " " + name);
        List<String> headers = new ArrayList<>();
        headers.add(text(locale, "att.core.report.col.name"));
        if (withDepartment) {
            headers.add(text(locale, "att.core.report.col.department"));
        }
        if (withDays) {
            headers.add(text(locale, "att.core.report.col.days-worked"));
            headers.add(text(locale, "att.core.report.col.leave-days"));
        }
        for (FindingKind k : FindingKind.values()) {
            headers.add(text(locale, "att.finding.kind." + k.name()));
        }
        headers.add(text(locale, "att.core.report.col.total"));
        Row h = sheet.createRow(2);
        for (int i = 0; i < headers.size(); i++) {
            cell(h, i, headers.get(i), head);
            sheet.setColumnWidth(i, (i == 0 ? 20 : 12) * 256);
        }
        int row = 3;
        for (ReportLine l : lines) {
            Row x = sheet.createRow(row++);
            int col = 0;
            cell(x, col++, l.name(), plain);
            if (withDepartment) {
                cell(x, col++, Objects.requireNonNullElse(l.department(), ""), plain);
            }
            if (withDays) {
                number(x, col++, l.daysWorked(), plain);
                number(x, col++, l.leaveDays(), plain);
            }
            for (FindingKind k : FindingKind.values()) {
                number(x, col++, l.count(k), plain);
            }
            number(x, col, l.total(), plain);
        }
        sheet.createFreezePane(1, 3);
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    // ---- 定期通报 (ATT-5) ------------------------------------------------------------------------------------------

    public List<Bulletin> bulletins(long centreId) {
        return jdbc.sql("select period, published_at, published_by from att_bulletin where centre_id = ? order by period desc")
                .params(centreId)
                .query((rs, n) -> new Bulletin(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
    }

    public Optional<Bulletin> bulletin(long centreId, YearMonth month) {
        return bulletins(centreId).stream().filter(b -> b.period().equals(month.toString())).findFirst();
    }

    /** Publishes a month's findings to the centre's staff; a month is published once. */
    @Transactional
    public void publish(long centreId, YearMonth month, String actor) {
        if (!month.isBefore(YearMonth.now(clock.withZone(attendance.centre(centreId).zone())).plusMonths(1))) {
            throw DomainException.invalid("month", "att.core.bulletin.future");
        }
        try {
            jdbc.sql("insert into att_bulletin (centre_id, period, published_at, published_by) values (?, ?, ?, ?)")
                    .params(centreId, month.toString(), Timestamp.from(clock.instant()), actor).update();
        } catch (DuplicateKeyException twice) {
            throw DomainException.conflict("att.core.bulletin.published", month.toString());
        }
        audit.record(centreId, "AttendanceBulletin", month.toString(), "PUBLISH", null, Map.of("period", month.toString()));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private String text(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private Map<Long, StaffSummary> staffById(long centreId) {
        Map<Long, StaffSummary> m = new HashMap<>();
        org.staffOfCentre(centreId).forEach(s -> m.put(s.id(), s));
        return m;
    }

    private Map<Long, String> departmentNames(long centreId) {
        Map<Long, String> m = new HashMap<>();
        org.departments(centreId).forEach(d -> m.put(d.id(), d.name()));
        return m;
    }

    private Map<Long, String> windowNumbers(long centreId) {
        Map<Long, String> m = new HashMap<>();
        org.windows(centreId).forEach(w -> m.put(w.id(), w.number()));
        return m;
    }
}
