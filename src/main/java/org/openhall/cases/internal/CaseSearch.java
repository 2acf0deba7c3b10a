package org.openhall.cases.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.WarningLevel;
import org.openhall.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 全部办件 (CASE-4, CASE-5): every case of a centre for the centre office and the leaders, filtered by
 * status, department, item, warning level, date of receipt and number, newest first, a page at a time.
 * A user who does not see every department (a department head) sees only their own department's cases,
 * whatever the filter asks (SEC-1).
 */
@Service
@Transactional(readOnly = true)
public class CaseSearch {

    /**
     * @param item   part of the item's code or name
     * @param number part of the case number
     * @param from   received on or after this day (centre's zone)
     * @param to     received on or before this day (centre's zone)
     */
    public record Filter(long centreId, @Nullable CaseStatus status, @Nullable Long departmentId, @Nullable String item,
            @Nullable WarningLevel warning, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String number) {
    }

    private final JdbcClient jdbc;

    CaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String like(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public CaseQueryPage search(CurrentUser u, Filter f, ZoneId zone, int page, int size) {
        if (!u.canSeeCentre(f.centreId())) {
            return new CaseQueryPage(List.of(), 0, size, 0);
        }
        StringBuilder where = new StringBuilder(" from cas_case c where c.centre_id = :centre");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("centre", f.centreId());
        Long department = f.departmentId();
        if (!u.seesAllDepartments()) {
            department = u.departmentId() == null ? Long.valueOf(-1L) : u.departmentId();
        }
        if (department != null) {
            where.append(" and c.department_id = :dept");
            params.put("dept", department);
        }
        if (f.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", f.status().name());
        }
        if (f.warning() != null) {
            where.append(" and c.warning_level = :warning");
            params.put("warning", f.warning().name());
        }
        if (f.item() != null && !f.item().isBlank()) {
            where.append(" and (lower(c.item_code) like :item escape '\\' or lower(c.item_name) like :item escape '\\')");
            params.put("item", like(f.item()));
        }
        if (f.number() != null && !f.number().isBlank()) {
            where.append(" and lower(c.number) like :number escape '\\'");
            params.put("number", like(f.number()));
        }
        if (f.from() != null) {
            where.append(" and c.received_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and c.received_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        int p = Math.max(0, Math.min(page, (int) Math.max(0, (total - 1) / size)));
        List<CaseQueryRow> rows = jdbc.sql("select " + CaseQueryRow.COLUMNS + where
                        + " order by c.received_at desc, c.id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) p * size).query(CaseQueryRow::map).list();
        return new CaseQueryPage(rows, p, size, total);
    }
}
