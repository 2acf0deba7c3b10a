package org.openhall.cases.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.WarningBoard;
import org.openhall.cases.internal.WarningScan;
import org.openhall.cases.internal.WarningScope;
import org.openhall.cases.internal.WarningScopes;
import org.openhall.cases.internal.WarningStats;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 电子监察 over REST (CASE-5, HTTP Basic): the on-demand warning scan, the warnings of a centre and the on-time rate
 * (办结率). Same data scope as the pages: a centre for CENTRE_OFFICE, LEADER and SUPERVISOR, a department of it for a
 * DEPT_HEAD, any centre for an ADMIN; bad parameters are 400 problem details.
 */
@RestController
@RequestMapping("/api/v1/cases")
class WarningsApiController {

    private final WarningScan scan;
    private final WarningScopes scopes;
    private final WarningBoard board;
    private final WarningStats stats;
    private final CurrentUsers users;

    WarningsApiController(WarningScan scan, WarningScopes scopes, WarningBoard board, WarningStats stats,
            CurrentUsers users) {
        this.scan = scan;
        this.scopes = scopes;
        this.board = board;
        this.stats = stats;
        this.users = users;
    }

    /** What a scan raised: cases to yellow and red, steps to yellow and red, and how long it took. */
    record ScanCounts(int yellowRaised, int redRaised, int stepsYellow, int stepsRed, long millis) {
        static ScanCounts of(WarningScan.Result r) {
            return new ScanCounts(r.yellowRaised(), r.redRaised(), r.stepsYellow(), r.stepsRed(), r.millis());
        }
    }

    /**
     * Runs the warning scan now: the caller's centre, or for an ADMIN the centre asked for ({@code ?centre=}) or, without
     * one, every centre.
     */
    @PostMapping("/warnings/scan")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','SUPERVISOR')")
    ScanCounts scan(@RequestParam(required = false) @Nullable Long centre) {
        if (centre == null && users.require().hasRole(Role.ADMIN)) {
            return ScanCounts.of(scan.scanAll());
        }
        WarningScope scope = scopes.resolve(centre);
        return ScanCounts.of(scan.scan(scope.centreId()));
    }

    record WarningView(String kind, String number, @Nullable Long stepId, @Nullable String stepKind, String itemName,
            long departmentId, String departmentName, @Nullable Long staffId, @Nullable String staffName,
            LocalDate dueDate, WarningLevel level, @Nullable Integer workingDaysOverdue,
            @Nullable Integer workingDaysLeft) {
        static WarningView of(WarningBoard.Row r) {
            boolean red = r.level() == WarningLevel.RED;
            return new WarningView(r.step() ? "STEP" : "CASE", r.number(), r.stepId(), r.stepKind(), r.itemName(),
                    r.departmentId(), r.departmentName(), r.staffId(), r.staffName(), r.dueDate(), r.level(),
                    red ? r.workingDays() : null, red ? null : r.workingDays());
        }
    }

    record BoardView(long centreId, LocalDate today, @Nullable LocalDate yellowThreshold, @Nullable Instant lastScanAt,
            long casesRed, long casesYellow, long stepsRed, long stepsYellow, long total, int page, int pages,
            List<WarningView> warnings) {
    }

    /** The red and yellow cases and steps as the last scan left them, red first, then by due date. */
    @GetMapping("/warnings")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR','DEPT_HEAD')")
    BoardView warnings(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable WarningLevel level,
            @RequestParam(defaultValue = "1") int page) {
        WarningScope scope = scopes.resolve(centre);
        WarningBoard.Page p = board.board(scope, department, level, page);
        return new BoardView(scope.centreId(), p.dates().today(), p.dates().yellowThreshold(),
                p.lastScan().map(WarningScan.LastScan::at).orElse(null), p.counts().casesRed(),
                p.counts().casesYellow(), p.counts().stepsRed(), p.counts().stepsYellow(), p.total(), p.page(),
                p.pages(), p.rows().stream().map(WarningView::of).toList());
    }

    record RateRow(@Nullable String key, String label, long completed, long onTime, @Nullable BigDecimal rate,
            long overdueOpen) {
        static RateRow of(WarningStats.Row r) {
            return new RateRow(r.key(), r.label(), r.completed(), r.onTime(), r.rate(), r.overdueOpen());
        }
    }

    record OnTimeView(long centreId, LocalDate from, LocalDate to, String by, List<RateRow> rows, RateRow total) {
    }

    /**
     * 办结率: cases completed from {@code from} to {@code to} (both inclusive, default this month) per item, window,
     * department or staff member, with those completed on time, the rate in percent (one decimal) and the open cases
     * past their due date.
     */
    @GetMapping("/stats/on-time")
    @PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','SUPERVISOR','DEPT_HEAD')")
    OnTimeView onTime(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable Long department,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "desc") String dir) {
        WarningScope scope = scopes.resolve(centre);
        WarningStats.Report r = stats.onTime(scope, from, to, WarningStats.By.parse(by), department, sort(sort),
                direction(dir));
        return new OnTimeView(r.centreId(), r.from(), r.to(), r.by().name().toLowerCase(java.util.Locale.ROOT),
                r.rows().stream().map(RateRow::of).toList(), RateRow.of(r.total()));
    }

    static WarningStats.Sort sort(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return WarningStats.Sort.COMPLETED;
        }
        try {
            return WarningStats.Sort.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("sort", "cases.warnings.stats.sort.invalid", s);
        }
    }

    static boolean direction(String dir) {
        return switch (dir.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw DomainException.invalid("dir", "cases.warnings.stats.dir.invalid", dir);
        };
    }
}
