package org.openhall.cases.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reconciliation of fees (CASE-8; seed 000 收费管理标准化 4: 及时对账，做到窗口、中心结算室的收费数据一致): per
 * window and payment method, the window's takings of the day (payments recorded that day minus voids approved that
 * day) beside what the settlement office (结算室, part of the centre office) entered as received, the difference
 * (settlement − takings) and a status 一致 / 不一致 / 未录入; totals over the day.
 */
@Service
public class Reconciliations {

    public static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final FeeAccess access;
    private final OrganizationApi organization;

    Reconciliations(JdbcClient jdbc, Clock clock, AuditTrail audit, FeeAccess access, OrganizationApi organization) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.organization = organization;
    }

    /** One window and method on the day. */
    public record Row(long windowId, String windowNumber, String windowName, PaymentMethod method, int payments,
            BigDecimal paid, BigDecimal voided, BigDecimal takings, @Nullable BigDecimal settled,
            @Nullable BigDecimal difference, ReconciliationStatus status, @Nullable String note,
            @Nullable String enteredBy) {

        public boolean differs() {
            return status == ReconciliationStatus.MISMATCHED;
        }
    }

    /**
     * The day of a centre. {@code difference} is settled − takings over the whole day (what was not entered counts
     * as not received); {@code status} is MISMATCHED if any line differs, else NOT_ENTERED if any line is missing,
     * else MATCHED.
     */
    public record Day(long centreId, String centreName, LocalDate date, List<Row> rows, BigDecimal takings,
            BigDecimal settled, BigDecimal difference, ReconciliationStatus status, long mismatched, long notEntered) {

        public Day {
            rows = List.copyOf(rows);
        }

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** The centre's current day. */
    public LocalDate today(long centreId) {
        return clock.instant().atZone(centre(centreId).zone()).toLocalDate();
    }

    private CentreInfo centre(long centreId) {
        return organization.centre(centreId)
                .orElseThrow(() -> DomainException.notFound("cases.fees.centre.notFound", centreId));
    }

    private record Key(long windowId, PaymentMethod method) {
    }

    private static final class Sums {
        int payments;
        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        BigDecimal voided = BigDecimal.ZERO.setScale(2);
    }

    private record Settlement(long id, long windowId, PaymentMethod method, BigDecimal amount, @Nullable String note,
            String enteredBy, int version) {
    }

    /** The reconciliation of a centre's day, data scope checked. */
    public Day day(long centreId, LocalDate date) {
        access.checkSeeReconciliation(centreId);
        CentreInfo centre = centre(centreId);
        Map<Key, Sums> sums = new LinkedHashMap<>();
        jdbc.sql("""
                select window_id, method, count(*) as n, sum(total) as paid from cas_payment
                where centre_id = :c and business_date = :d group by window_id, method""")
                .param("c", centreId).param("d", Date.valueOf(date)).query(rs -> {
                    Sums s = sums.computeIfAbsent(new Key(rs.getLong("window_id"), PaymentMethod.valueOf(rs.getString("method"))),
                            k -> new Sums());
                    s.payments = rs.getInt("n");
                    s.paid = rs.getBigDecimal("paid").setScale(2);
                });
        jdbc.sql("""
                select window_id, method, sum(total) as voided from cas_payment
                where centre_id = :c and void_date = :d and status = 'VOIDED' group by window_id, method""")
                .param("c", centreId).param("d", Date.valueOf(date)).query(rs -> {
                    Sums s = sums.computeIfAbsent(new Key(rs.getLong("window_id"), PaymentMethod.valueOf(rs.getString("method"))),
                            k -> new Sums());
                    s.voided = rs.getBigDecimal("voided").setScale(2);
                });
        Map<Key, Settlement> settled = new LinkedHashMap<>();
        for (Settlement s : settlements(centreId, date)) {
            settled.put(new Key(s.windowId(), s.method()), s);
        }
        Map<Long, Optional<WindowInfo>> windows = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        var keys = new java.util.LinkedHashSet<Key>(sums.keySet());
        keys.addAll(settled.keySet());
        for (Key k : keys) {
            Sums s = sums.getOrDefault(k, new Sums());
            Settlement entered = settled.get(k);
            BigDecimal takings = s.paid.subtract(s.voided);
            BigDecimal amount = entered == null ? null : entered.amount();
            BigDecimal difference = amount == null ? null : amount.subtract(takings);
            ReconciliationStatus status = amount == null ? ReconciliationStatus.NOT_ENTERED
                    : difference.signum() == 0 ? ReconciliationStatus.MATCHED : ReconciliationStatus.MISMATCHED;
            Optional<WindowInfo> w = windows.computeIfAbsent(k.windowId(), organization::window);
            String number = w.map(WindowInfo::number).orElseGet(() -> windowNumberOfPayments(k.windowId()));
            rows.add(new Row(k.windowId(), number, w.map(WindowInfo::name).orElse(""), k.method(), s.payments, s.paid,
                    s.voided, takings, amount, difference, status, entered == null ? null : entered.note(),
                    entered == null ? null : entered.enteredBy()));
        }
        rows.sort(Comparator.comparing((Row r) -> r.windowNumber().length()).thenComparing(Row::windowNumber)
                .thenComparing(Row::method));
        BigDecimal takings = rows.stream().map(Row::takings).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal settledTotal = rows.stream().map(Row::settled).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        long mismatched = rows.stream().filter(r -> r.status() == ReconciliationStatus.MISMATCHED).count();
        long notEntered = rows.stream().filter(r -> r.status() == ReconciliationStatus.NOT_ENTERED).count();
        ReconciliationStatus overall = mismatched > 0 ? ReconciliationStatus.MISMATCHED
                : notEntered > 0 ? ReconciliationStatus.NOT_ENTERED : ReconciliationStatus.MATCHED;
        return new Day(centreId, centre.name(), date, rows, takings, settledTotal, settledTotal.subtract(takings), overall,
                mismatched, notEntered);
    }

    private String windowNumberOfPayments(long windowId) {
        return jdbc.sql("select max(window_number) from cas_payment where window_id = :w").param("w", windowId)
                .query(String.class).optional().orElse(String.valueOf(windowId));
    }

    private List<Settlement> settlements(long centreId, LocalDate date) {
        return jdbc.sql("select * from cas_settlement where centre_id = :c and business_date = :d")
                .param("c", centreId).param("d", Date.valueOf(date))
                .query((rs, n) -> new Settlement(rs.getLong("id"), rs.getLong("window_id"),
                        PaymentMethod.valueOf(rs.getString("method")), rs.getBigDecimal("amount").setScale(2),
                        rs.getString("note"), rs.getString("entered_by"), rs.getInt("version")))
                .list();
    }

    /** A figure of the settlement office: what it received from a window by a method on a day. */
    public record Entry(@Nullable Long windowId, @Nullable PaymentMethod method, @Nullable BigDecimal amount,
            @Nullable String note) {
    }

    /**
     * Enters (or corrects) what the settlement office received from a window by a method on a day. The amount is
     * exact to the fen and not negative; a day after today is refused. Audited with the figure before and after.
     */
    @Transactional
    public void enter(long centreId, LocalDate date, Entry entry) {
        enterAll(centreId, date, List.of(entry), "SETTLEMENT");
    }

    /** Several figures at once (an import): all are checked first, and none is written if one is wrong. */
    @Transactional
    public int enterAll(long centreId, LocalDate date, List<Entry> entries, String action) {
        access.checkSettle(centreId);
        if (date.isAfter(today(centreId))) {
            throw DomainException.invalid("date", "cases.fees.settlement.future");
        }
        record Valid(WindowInfo window, PaymentMethod method, BigDecimal amount, @Nullable String note) {
        }
        List<Valid> valid = new ArrayList<>();
        for (Entry e : entries) {
            if (e.windowId() == null) {
                throw DomainException.invalid("windowId", "cases.fees.window.required");
            }
            WindowInfo window = organization.window(e.windowId()).filter(w -> w.centreId() == centreId)
                    .orElseThrow(() -> DomainException.invalid("windowId", "cases.fees.window.unknown", e.windowId()));
            if (e.method() == null) {
                throw DomainException.invalid("method", "cases.fees.method.required");
            }
            if (e.amount() == null) {
                throw DomainException.invalid("amount", "cases.fees.settlement.amountRequired");
            }
            BigDecimal amount = FeeMoney.exact(e.amount());
            if (amount == null) {
                throw DomainException.invalid("amount", "cases.fees.amount.scale");
            }
            if (amount.signum() < 0 || amount.compareTo(FeeMoney.MAX) > 0) {
                throw DomainException.invalid("amount", "cases.fees.settlement.amountRange");
            }
            String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
            if (note != null && note.length() > MAX_NOTE) {
                throw DomainException.invalid("note", "cases.fees.settlement.noteTooLong", MAX_NOTE);
            }
            valid.add(new Valid(window, e.method(), amount, note));
        }
        Map<Key, Settlement> existing = new LinkedHashMap<>();
        for (Settlement s : settlements(centreId, date)) {
            existing.put(new Key(s.windowId(), s.method()), s);
        }
        var now = Timestamp.from(clock.instant());
        for (Valid v : valid) {
            Settlement before = existing.get(new Key(v.window().id(), v.method()));
            Map<String, Object> after = state(date, v.window().number(), v.method(), v.amount(), v.note());
            if (before == null) {
                var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("""
                        insert into cas_settlement (centre_id, business_date, window_id, method, amount, note, entered_by,
                                                    entered_at, version)
                        values (:c, :d, :w, :m, :a, :n, :by, :t, 0)""")
                        .param("c", centreId).param("d", Date.valueOf(date)).param("w", v.window().id())
                        .param("m", v.method().name()).param("a", v.amount()).param("n", v.note())
                        .param("by", access.actor()).param("t", now).update(keys, "id");
                Number id = keys.getKey();
                audit.record(centreId, "CaseSettlement", String.valueOf(id), action, null, after);
                existing.put(new Key(v.window().id(), v.method()), new Settlement(id == null ? 0 : id.longValue(),
                        v.window().id(), v.method(), v.amount(), v.note(), access.actor(), 0));
            } else {
                int updated = jdbc.sql("""
                        update cas_settlement set amount = :a, note = :n, entered_by = :by, entered_at = :t,
                               version = version + 1
                        where id = :id and version = :v""")
                        .param("a", v.amount()).param("n", v.note()).param("by", access.actor()).param("t", now)
                        .param("id", before.id()).param("v", before.version()).update();
                if (updated != 1) {
                    throw DomainException.conflict("cases.fees.settlement.changed");
                }
                audit.record(centreId, "CaseSettlement", String.valueOf(before.id()), action,
                        state(date, v.window().number(), before.method(), before.amount(), before.note()), after);
                existing.put(new Key(v.window().id(), v.method()), new Settlement(before.id(), v.window().id(),
                        v.method(), v.amount(), v.note(), access.actor(), before.version() + 1));
            }
        }
        return valid.size();
    }

    private static Map<String, Object> state(LocalDate date, String window, PaymentMethod method, BigDecimal amount,
            @Nullable String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date.toString());
        m.put("window", window);
        m.put("method", method.name());
        m.put("amount", amount.toPlainString());
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    /** The windows of the centre the settlement office may enter figures for. */
    public List<WindowInfo> windows(long centreId) {
        return organization.windows(centreId);
    }
}
