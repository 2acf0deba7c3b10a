package org.openhall.cases.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.NoticeKind;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.FeeInfo;
import org.openhall.catalog.ItemVersion;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CASE-8 fees (收费管理, seed 000 收费管理标准化): a payment is recorded at the window against the fee items of the
 * item version the case was received under (CAT-3), at the catalogue's standard exactly (严格执行收费政策，不擅自提高收费
 * 标准: an amount that is not the standard times the quantity is refused), with a printed receipt (收费收据, kept as
 * issued among the case's notices, kind FEE_RECEIPT) whose number is unique and readable per centre and day. A
 * payment is never deleted: a void (作废 / 退款) needs a reason and the centre office's approval. No money is taken
 * on a case that was not accepted or is archived. Every change is audited in its own transaction.
 */
@Service
public class Payments {

    /** The most of one fee item on one receipt (e.g. copies of a certificate). */
    public static final int MAX_QUANTITY = 999;
    public static final int MAX_REASON = 500;
    public static final int MAX_PAYER = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final FeeAccess access;
    private final OrganizationApi organization;
    private final ObjectProvider<CatalogApi> catalog;
    private final PaymentReceiptNumbers numbers;
    private final PaymentReceipts receipts;
    private final String publicUrl;

    Payments(JdbcClient jdbc, Clock clock, AuditTrail audit, FeeAccess access, OrganizationApi organization,
            ObjectProvider<CatalogApi> catalog, PaymentReceiptNumbers numbers, PaymentReceipts receipts,
            @Value("${openhall.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.organization = organization;
        this.catalog = catalog;
        this.numbers = numbers;
        this.receipts = receipts;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The case with this number; 404 when there is none. No data scope: callers check it. */
    public FeeCase caseByNumber(String number) {
        return jdbc.sql("select " + FeeCase.COLUMNS + " from cas_case where number = :n").param("n", number)
                .query(FeeCase::map).optional()
                .orElseThrow(() -> DomainException.notFound("cases.fees.case.notFound", number));
    }

    private FeeCase lockCase(long caseId) {
        return jdbc.sql("select " + FeeCase.COLUMNS + " from cas_case where id = :id for update").param("id", caseId)
                .query(FeeCase::map).single();
    }

    /** The case for the payments page, data scope checked: a case outside it does not exist for the user (404). */
    public FeeCase caseForPayments(String number) {
        FeeCase c = caseByNumber(number);
        checkSee(c);
        return c;
    }

    private void checkSee(FeeCase c) {
        if (!access.canSeePayments(c.centreId(), c.departmentId())) {
            throw DomainException.notFound("cases.fees.case.notFound", c.number());
        }
    }

    /** The fee items of the item version the case was received under (CAT-3). */
    public List<FeeInfo> feeItems(FeeCase c) {
        return itemVersion(c).fees();
    }

    private ItemVersion itemVersion(FeeCase c) {
        CatalogApi api = catalog.getIfAvailable();
        if (api == null) {
            throw DomainException.unprocessable("cases.fees.catalog.unavailable");
        }
        return api.version(c.itemVersionId())
                .orElseThrow(() -> DomainException.unprocessable("cases.fees.item.missing", c.itemCode()));
    }

    /** The payments of a case, oldest first, data scope checked. */
    public List<Payment> ofCase(String number) {
        FeeCase c = caseForPayments(number);
        return ofCaseId(c.id());
    }

    /** The payments of a case by id, without a scope check (for the archive, which checks its own). */
    public List<Payment> ofCaseId(long caseId) {
        return load("where p.case_id = :v order by p.paid_at, p.id", caseId);
    }

    public Payment get(String number, String receiptNumber) {
        FeeCase c = caseForPayments(number);
        return find(c.id(), receiptNumber)
                .orElseThrow(() -> DomainException.notFound("cases.fees.payment.notFound", receiptNumber));
    }

    private Optional<Payment> find(long caseId, String receiptNumber) {
        return load("where p.case_id = :v and p.receipt_number = :r", caseId, receiptNumber).stream().findFirst();
    }

    /** Void requests waiting for the centre office of a centre. */
    public List<Payment> pendingVoids(long centreId) {
        access.checkSettle(centreId);
        return load("where p.centre_id = :v and p.status = 'VOID_REQUESTED' order by p.void_requested_at", centreId);
    }

    /** The receipt PDF as it was printed. */
    public byte[] receiptPdf(String number, String receiptNumber) {
        Payment p = get(number, receiptNumber);
        return receiptContent(p);
    }

    /** The receipt PDF of a payment already read (no scope check). */
    public byte[] receiptContent(Payment p) {
        if (p.receiptNoticeId() == null) {
            throw DomainException.notFound("cases.fees.payment.notFound", p.receiptNumber());
        }
        return jdbc.sql("select content from cas_notice where id = :id").param("id", p.receiptNoticeId())
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private List<Payment> load(String where, Object value) {
        return load(where, value, null);
    }

    private List<Payment> load(String where, Object value, @Nullable String receipt) {
        var spec = jdbc.sql("select p.*, c.number as case_number from cas_payment p join cas_case c on c.id = p.case_id "
                + where).param("v", value);
        if (receipt != null) {
            spec = spec.param("r", receipt);
        }
        List<Payment> heads = spec.query(Payments::mapHead).list();
        if (heads.isEmpty()) {
            return heads;
        }
        List<Long> ids = heads.stream().map(Payment::id).toList();
        Map<Long, List<Payment.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("select * from cas_payment_line where payment_id in (:ids) order by payment_id, line_no").param("ids", ids)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getLong("payment_id"), k -> new ArrayList<>()).add(new Payment.Line(
                            rs.getInt("line_no"), rs.getString("fee_code"), rs.getString("fee_name"), rs.getString("basis"),
                            rs.getBigDecimal("unit_amount"), rs.getInt("quantity"), rs.getBigDecimal("amount")));
                });
        return heads.stream().map(p -> withLines(p, lines.getOrDefault(p.id(), List.of()))).toList();
    }

    private static Payment withLines(Payment p, List<Payment.Line> lines) {
        return new Payment(p.id(), p.caseId(), p.centreId(), p.caseNumber(), p.receiptNumber(), p.businessDate(),
                p.windowId(), p.windowNumber(), p.clerkStaffId(), p.clerkUsername(), p.clerkName(), p.payerName(),
                p.method(), p.total(), p.status(), p.paidAt(), p.receiptNoticeId(), p.voidReason(), p.voidRequestedBy(),
                p.voidRequestedAt(), p.voidDecidedBy(), p.voidDecidedAt(), p.voidRefusal(), p.voidDate(), p.version(),
                lines);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Payment mapHead(ResultSet rs, int n) throws SQLException {
        long staff = rs.getLong("clerk_staff_id");
        Long clerk = rs.wasNull() ? null : staff;
        long notice = rs.getLong("receipt_notice_id");
        Long noticeId = rs.wasNull() ? null : notice;
        Instant paidAt = instant(rs, "paid_at");
        LocalDate business = date(rs, "business_date");
        return new Payment(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("centre_id"), rs.getString("case_number"),
                rs.getString("receipt_number"), business == null ? LocalDate.EPOCH : business, rs.getLong("window_id"),
                rs.getString("window_number"), clerk, rs.getString("clerk_username"), rs.getString("clerk_name"),
                rs.getString("payer_name"), PaymentMethod.valueOf(rs.getString("method")), rs.getBigDecimal("total"),
                PaymentStatus.valueOf(rs.getString("status")), paidAt == null ? Instant.EPOCH : paidAt, noticeId,
                rs.getString("void_reason"), rs.getString("void_requested_by"), instant(rs, "void_requested_at"),
                rs.getString("void_decided_by"), instant(rs, "void_decided_at"), rs.getString("void_refusal"),
                date(rs, "void_date"), rs.getInt("version"), List.of());
    }

    // ---------------------------------------------------------------------------------------------- recording

    /** A line checked against the catalogue. */
    private record Checked(FeeInfo fee, int quantity, BigDecimal amount) {
    }

    /**
     * Records a payment and prints its receipt. Bad input → 400 with the field (unknown fee code, a quantity below 1,
     * an amount that is not the standard times the quantity, a fraction of a 分); a case not accepted or archived, or
     * a fee item already paid → 409; nothing is written on any error.
     *
     * The receipt's QR code leads to the case's public progress page under {@code openhall.public-url}, like the
     * other notices of the case.
     */
    @Transactional
    public Payment record(String number, PaymentRequest request) {
        FeeCase found = caseByNumber(number);
        // the case row stays locked to the end: a concurrent archive, or a second payment of the same fee, waits
        FeeCase c = lockCase(found.id());
        checkSee(c);
        access.checkCollectorRole();
        if (!c.acceptsPayments()) {
            throw DomainException.conflict("cases.fees.case.closed", c.number(), c.status().name());
        }
        WindowInfo window = window(c, request.windowId());
        access.checkCollect(c.centreId(), c.departmentId(), window.id());
        if (request.method() == null) {
            throw DomainException.invalid("method", "cases.fees.method.required");
        }
        String payer = request.payer() == null || request.payer().isBlank() ? c.applicantName() : request.payer().strip();
        if (payer.length() > MAX_PAYER) {
            throw DomainException.invalid("payer", "cases.fees.payer.tooLong", MAX_PAYER);
        }
        List<Checked> lines = check(c, request.items());
        BigDecimal total = lines.stream().map(Checked::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        if (total.compareTo(FeeMoney.MAX) > 0) {
            throw DomainException.invalid("items", "cases.fees.total.tooLarge", FeeMoney.format(FeeMoney.MAX));
        }
        Set<String> alreadyPaid = paidCodes(c.id());
        for (Checked l : lines) {
            if (alreadyPaid.contains(l.fee().code())) {
                throw DomainException.conflict("cases.fees.fee.alreadyPaid", l.fee().code(), l.fee().name());
            }
        }

        CentreInfo centre = organization.centre(c.centreId())
                .orElseThrow(() -> DomainException.notFound("cases.fees.centre.notFound", c.centreId()));
        Instant now = clock.instant();
        LocalDate day = now.atZone(centre.zone()).toLocalDate();
        String receipt = PaymentReceiptNumbers.format(centre.code(), day, numbers.next(c.centreId(), day));
        List<Payment.Line> paid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Checked l = lines.get(i);
            paid.add(new Payment.Line(i + 1, l.fee().code(), l.fee().name(), l.fee().basis(),
                    l.fee().amount().setScale(2), l.quantity(), l.amount()));
        }
        Payment draft = new Payment(0, c.id(), c.centreId(), c.number(), receipt, day, window.id(), window.number(),
                access.actorStaffId(), access.actor(), access.actorDisplayName(), payer, request.method(), total,
                PaymentStatus.PAID, now, null, null, null, null, null, null, null, null, 0, paid);
        String progressUrl = publicUrl + "/progress?number=" + URLEncoder.encode(c.number(), StandardCharsets.UTF_8);
        byte[] pdf = receipts.receipt(draft, c, centre, window, progressUrl);

        var noticeKey = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_notice (case_id, centre_id, kind, issued_at, issued_by, content)
                values (:case, :c, :kind, :t, :by, :pdf)""")
                .param("case", c.id()).param("c", c.centreId()).param("kind", NoticeKind.FEE_RECEIPT.name())
                .param("t", Timestamp.from(now)).param("by", access.actor()).param("pdf", pdf)
                .update(noticeKey, "id");
        long noticeId = key(noticeKey);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cas_payment (case_id, centre_id, receipt_number, business_date, window_id, window_number,
                                         clerk_staff_id, clerk_username, clerk_name, payer_name, method, total, status,
                                         paid_at, receipt_notice_id, version)
                values (:case, :c, :r, :d, :w, :wn, :staff, :user, :clerk, :payer, :m, :total, 'PAID', :t, :notice, 0)""")
                .param("case", c.id()).param("c", c.centreId()).param("r", receipt).param("d", Date.valueOf(day))
                .param("w", window.id()).param("wn", window.number()).param("staff", draft.clerkStaffId())
                .param("user", draft.clerkUsername()).param("clerk", draft.clerkName()).param("payer", payer)
                .param("m", request.method().name()).param("total", total).param("t", Timestamp.from(now))
                .param("notice", noticeId).update(keys, "id");
        long id = key(keys);
        for (Payment.Line l : paid) {
            jdbc.sql("""
                    insert into cas_payment_line (payment_id, centre_id, line_no, fee_code, fee_name, basis, unit_amount,
                                                  quantity, amount)
                    values (:p, :c, :no, :code, :name, :basis, :unit, :q, :amount)""")
                    .param("p", id).param("c", c.centreId()).param("no", l.lineNo()).param("code", l.feeCode())
                    .param("name", l.feeName()).param("basis", l.basis()).param("unit", l.unitAmount())
                    .param("q", l.quantity()).param("amount", l.amount()).update();
        }
        Payment saved = load("where p.id = :v", id).getFirst();
        audit.record(c.centreId(), "CasePayment", String.valueOf(id), "CREATE", null, auditState(saved));
        return saved;
    }

    private static long key(GeneratedKeyHolder keys) {
        Number k = keys.getKey();
        if (k == null) {
            throw new IllegalStateException("no generated key");
        }
        return k.longValue();
    }

    /** The window the money is taken at: the one given, or the clerk's only window of the centre. */
    private WindowInfo window(FeeCase c, @Nullable Long windowId) {
        if (windowId == null) {
            Long staff = access.actorStaffId();
            List<WindowInfo> own = staff == null ? List.of()
                    : organization.windowsOfStaff(staff).stream().filter(w -> w.centreId() == c.centreId()).toList();
            if (own.size() != 1) {
                throw DomainException.invalid("windowId", "cases.fees.window.required");
            }
            return own.getFirst();
        }
        return organization.window(windowId).filter(w -> w.centreId() == c.centreId() && w.active())
                .orElseThrow(() -> DomainException.invalid("windowId", "cases.fees.window.unknown", windowId));
    }

    private List<Checked> check(FeeCase c, @Nullable List<PaymentRequest.Item> items) {
        if (items == null || items.isEmpty()) {
            throw DomainException.invalid("items", "cases.fees.items.required");
        }
        ItemVersion version = itemVersion(c);
        List<Checked> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            PaymentRequest.Item item = items.get(i);
            String field = "items[" + i + "]";
            if (item == null || item.code() == null || item.code().isBlank()) {
                throw DomainException.invalid(field + ".code", "cases.fees.fee.required");
            }
            String code = item.code().strip();
            FeeInfo fee = version.fee(code).orElseThrow(
                    () -> DomainException.invalid(field + ".code", "cases.fees.fee.unknown", code, c.itemName()));
            if (!seen.add(code)) {
                throw DomainException.invalid(field + ".code", "cases.fees.fee.duplicate", code);
            }
            int quantity = item.quantity() == null ? 1 : item.quantity();
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                throw DomainException.invalid(field + ".quantity", "cases.fees.quantity.range", MAX_QUANTITY);
            }
            BigDecimal standard = fee.amount().setScale(2);
            BigDecimal expected = standard.multiply(BigDecimal.valueOf(quantity)).setScale(2);
            BigDecimal amount = expected;
            if (item.amount() != null) {
                BigDecimal given = FeeMoney.exact(item.amount());
                if (given == null) {
                    throw DomainException.invalid(field + ".amount", "cases.fees.amount.scale");
                }
                if (given.compareTo(expected) != 0) {
                    // seed 000 收费管理标准化 1: 严格执行收费政策，不擅自提高收费标准 — nor lowering it at the window
                    throw DomainException.invalid(field + ".amount", "cases.fees.amount.mismatch", fee.name(),
                            FeeMoney.format(standard), quantity, FeeMoney.format(expected), FeeMoney.format(given));
                }
                amount = given;
            }
            checked.add(new Checked(fee, quantity, amount));
        }
        return checked;
    }

    private Set<String> paidCodes(long caseId) {
        return new HashSet<>(jdbc.sql("""
                select l.fee_code from cas_payment_line l join cas_payment p on p.id = l.payment_id
                where p.case_id = :c and p.status <> 'VOIDED'""").param("c", caseId).query(String.class).list());
    }

    // ---------------------------------------------------------------------------------------------- voids

    /** Asks for a void (作废 / 退款) of a payment: a reason is required; the centre office decides. */
    @Transactional
    public Payment requestVoid(String number, String receiptNumber, @Nullable String reason) {
        FeeCase c = lockCase(caseByNumber(number).id());
        checkSee(c);
        Payment p = find(c.id(), receiptNumber)
                .orElseThrow(() -> DomainException.notFound("cases.fees.payment.notFound", receiptNumber));
        access.checkCollect(c.centreId(), c.departmentId(), p.windowId());
        String why = reason(reason, "reason");
        if (c.status() == org.openhall.cases.CaseStatus.ARCHIVED) {
            throw DomainException.conflict("cases.fees.case.closed", c.number(), c.status().name());
        }
        if (p.status() != PaymentStatus.PAID) {
            throw DomainException.conflict("cases.fees.void.notPaid", p.receiptNumber());
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update cas_payment set status = 'VOID_REQUESTED', void_reason = :why, void_requested_by = :by,
                       void_requested_at = :t, void_decided_by = null, void_decided_at = null, void_refusal = null,
                       version = version + 1
                where id = :id and version = :v""")
                .param("why", why).param("by", access.actor()).param("t", Timestamp.from(now)).param("id", p.id())
                .param("v", p.version()).update();
        if (updated != 1) {
            throw DomainException.conflict("cases.fees.payment.changed", p.receiptNumber());
        }
        Payment after = load("where p.id = :v", p.id()).getFirst();
        audit.record(c.centreId(), "CasePayment", String.valueOf(p.id()), "VOID_REQUEST", auditState(p), auditState(after));
        return after;
    }

    /**
     * The centre office approves a void (the payment is VOIDED, its fee items may be paid again, and the amount leaves
     * the window's takings of today) or refuses it with a reason (the payment stays PAID).
     */
    @Transactional
    public Payment decideVoid(String number, String receiptNumber, boolean approve, @Nullable String refusal) {
        FeeCase c = lockCase(caseByNumber(number).id());
        checkSee(c);
        Payment p = find(c.id(), receiptNumber)
                .orElseThrow(() -> DomainException.notFound("cases.fees.payment.notFound", receiptNumber));
        access.checkSettle(c.centreId());
        String why = approve ? null : reason(refusal, "refusal");
        if (c.status() == org.openhall.cases.CaseStatus.ARCHIVED) {
            throw DomainException.conflict("cases.fees.case.closed", c.number(), c.status().name());
        }
        if (p.status() != PaymentStatus.VOID_REQUESTED) {
            throw DomainException.conflict("cases.fees.void.notRequested", p.receiptNumber());
        }
        Instant now = clock.instant();
        CentreInfo centre = organization.centre(c.centreId())
                .orElseThrow(() -> DomainException.notFound("cases.fees.centre.notFound", c.centreId()));
        LocalDate today = now.atZone(centre.zone()).toLocalDate();
        int updated = jdbc.sql("""
                update cas_payment set status = :s, void_decided_by = :by, void_decided_at = :t, void_refusal = :why,
                       void_date = :d, version = version + 1
                where id = :id and version = :v""")
                .param("s", approve ? "VOIDED" : "PAID").param("by", access.actor()).param("t", Timestamp.from(now))
                .param("why", why).param("d", approve ? Date.valueOf(today) : null).param("id", p.id())
                .param("v", p.version()).update();
        if (updated != 1) {
            throw DomainException.conflict("cases.fees.payment.changed", p.receiptNumber());
        }
        Payment after = load("where p.id = :v", p.id()).getFirst();
        audit.record(c.centreId(), "CasePayment", String.valueOf(p.id()), approve ? "VOID_APPROVE" : "VOID_REFUSE",
                auditState(p), auditState(after));
        return after;
    }

    private static String reason(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(field, "cases.fees.void.reasonRequired");
        }
        String t = text.strip();
        if (t.length() > MAX_REASON) {
            throw DomainException.invalid(field, "cases.fees.void.reasonTooLong", MAX_REASON);
        }
        return t;
    }

    /** What the audit trail keeps of a payment (not the receipt's bytes). */
    static Map<String, Object> auditState(Payment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", p.caseNumber());
        m.put("receipt", p.receiptNumber());
        m.put("window", p.windowNumber());
        m.put("method", p.method().name());
        m.put("total", p.total().toPlainString());
        m.put("status", p.status().name());
        m.put("items", p.lines().stream().map(l -> l.feeCode() + " x" + l.quantity() + " = " + l.amount().toPlainString())
                .toList());
        if (p.voidReason() != null) {
            m.put("voidReason", p.voidReason());
        }
        if (p.voidRefusal() != null) {
            m.put("voidRefusal", p.voidRefusal());
        }
        return m;
    }
}
