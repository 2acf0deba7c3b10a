package org.openhall.cases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 办结率 (CASE-5; seed 000: 当场办结和承诺办理期限内办结率100%): for the cases of a centre completed in a date range,
 * per item, window, department or handler, how many were completed, how many of them on time
 * ({@code cas_case.completed_on_time}, set by the core at completion) and the rate as a percentage with one decimal
 * (exact: {@link BigDecimal}, half up), next to the open cases whose due date has passed.
 */
@Service
public class WarningStats {

    /** The longest range one report covers. */
    static final int MAX_DAYS = 3 * 366;

    public enum By {
        ITEM("item_code"), WINDOW("window_id"), DEPARTMENT("department_id"), STAFF("handler_staff_id");

        final String column;

        By(String column) {
            this.column = column;
        }

        public static By parse(@Nullable String s) {
            if (s == null || s.isBlank()) {
                return ITEM;
            }
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("by", "cases.warnings.stats.by.invalid", s);
            }
        }
    }

    public enum Sort { LABEL, COMPLETED, ON_TIME, RATE, OVERDUE }

    /**
     * One group. {@code key} is the item code or the id of the window, department or staff member ({@code null}: none,
     * e.g. an online case without a window); {@code rate} is {@code null} when nothing was completed.
     */
    public record Row(@Nullable String key, String label, long completed, long onTime, @Nullable BigDecimal rate,
            long overdueOpen) {
    }

    public record Report(long centreId, LocalDate from, LocalDate to, By by, List<Row> rows, Row total) {

        public Report {
            rows = List.copyOf(rows);
        }
    }

    private final JdbcClient jdbc;
    private final OrganizationApi organization;
    private final Clock clock;

    WarningStats(JdbcClient jdbc, OrganizationApi organization, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.clock = clock;
    }

    /** The rate in percent with one decimal, half up; {@code null} when nothing was completed. */
    public static @Nullable BigDecimal rate(long onTime, long completed) {
        if (completed == 0) {
            return null;
        }
        return BigDecimal.valueOf(onTime).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(completed), 1, RoundingMode.HALF_UP);
    }

    /** This month in the centre's zone: its first and last day. */
    public LocalDate[] thisMonth(WarningScope scope) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), scope.zone());
        return new LocalDate[] {today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth())};
    }

    public Report onTime(WarningScope scope, @Nullable LocalDate from, @Nullable LocalDate to, By by,
            @Nullable Long departmentFilter, Sort sort, boolean ascending) {
        LocalDate[] month = thisMonth(scope);
        LocalDate f = from == null ? month[0] : from;
        LocalDate t = to == null ? month[1] : to;
        if (t.isBefore(f)) {
            throw DomainException.invalid("to", "cases.warnings.stats.range.invalid");
        }
        if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            throw DomainException.invalid("to", "cases.warnings.stats.range.tooLong", MAX_DAYS);
        }
        Long department = scope.department(departmentFilter);
        Instant start = f.atStartOfDay(scope.zone()).toInstant();
        Instant end = t.plusDays(1).atStartOfDay(scope.zone()).toInstant();
        LocalDate today = LocalDate.ofInstant(clock.instant(), scope.zone());
        String dept = department == null ? "" : " and department_id = :d";

        Map<String, long[]> counts = new LinkedHashMap<>(); // key -> {completed, onTime, overdue}
        Map<String, String> itemNames = new LinkedHashMap<>();
        var completed = jdbc.sql("select " + by.column + ", max(item_name), count(*),"
                        + " sum(case when completed_on_time = true then 1 else 0 end) from cas_case"
                        + " where centre_id = :c and completed_at >= :from and completed_at < :to" + dept
                        + " group by " + by.column)
                .param("c", scope.centreId()).param("from", java.sql.Timestamp.from(start))
                .param("to", java.sql.Timestamp.from(end));
        var overdue = jdbc.sql("select " + by.column + ", max(item_name), count(*) from cas_case"
                        + " where centre_id = :c and status in (" + WarningScan.RUNNING + ") and due_date < :today" + dept
                        + " group by " + by.column)
                .param("c", scope.centreId()).param("today", today);
        if (department != null) {
            completed = completed.param("d", department);
            overdue = overdue.param("d", department);
        }
        completed.query((rs, n) -> {
            String key = key(rs.getObject(1));
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            c[0] = rs.getLong(3);
            c[1] = rs.getLong(4);
            itemNames.putIfAbsent(key, rs.getString(2));
            return key;
        }).list();
        overdue.query((rs, n) -> {
            String key = key(rs.getObject(1));
            counts.computeIfAbsent(key, k -> new long[3])[2] = rs.getLong(3);
            itemNames.putIfAbsent(key, rs.getString(2));
            return key;
        }).list();

        List<Row> rows = new ArrayList<>();
        long[] sum = new long[3];
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            String key = e.getKey().isEmpty() ? null : e.getKey();
            rows.add(new Row(key, label(by, key, itemNames.get(e.getKey())), c[0], c[1], rate(c[1], c[0]), c[2]));
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        }
        rows.sort(order(sort, ascending));
        Row total = new Row(null, "", sum[0], sum[1], rate(sum[1], sum[0]), sum[2]);
        return new Report(scope.centreId(), f, t, by, rows, total);
    }

    private static String key(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    /** The label of a group; {@code ""} for no window / no handler (the page shows 未指定). */
    private String label(By by, @Nullable String key, @Nullable String itemName) {
        if (key == null) {
            return "";
        }
        return switch (by) {
            case ITEM -> itemName == null ? key : itemName;
            case WINDOW -> organization.window(Long.parseLong(key)).map(WarningStats::windowLabel).orElse("#" + key);
            case DEPARTMENT -> organization.department(Long.parseLong(key)).map(d -> d.name()).orElse("#" + key);
            case STAFF -> organization.staff(Long.parseLong(key)).map(StaffSummary::name).orElse("#" + key);
        };
    }

    private static String windowLabel(WindowInfo w) {
        return w.number() + " · " + w.name();
    }

    private static final java.text.Collator LABELS = java.text.Collator.getInstance(Locale.SIMPLIFIED_CHINESE);

    static Comparator<Row> order(Sort sort, boolean ascending) {
        // labels in the order a Chinese reader expects (pinyin), then by key
        Comparator<Row> byLabel = Comparator.comparing(Row::label, LABELS::compare)
                .thenComparing(r -> r.key() == null ? "" : r.key());
        Comparator<Row> c = switch (sort) {
            case LABEL -> byLabel;
            case COMPLETED -> Comparator.comparingLong(Row::completed);
            case ON_TIME -> Comparator.comparingLong(Row::onTime);
            case OVERDUE -> Comparator.comparingLong(Row::overdueOpen);
            case RATE -> Comparator.comparing(Row::rate, Comparator.nullsFirst(Comparator.naturalOrder()));
        };
        if (!ascending) {
            c = c.reversed();
        }
        return sort == Sort.LABEL ? c : c.thenComparing(byLabel);
    }
}
