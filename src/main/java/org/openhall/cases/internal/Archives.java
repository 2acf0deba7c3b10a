package org.openhall.cases.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.NoticeKind;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The archive (档案, CASE-9; seed 000 服务窗口档案管理制度 第五条, 档案规范管理 8): archived cases are searched by number,
 * item, department, applicant (the full name is searched, a masked name is shown), archived date and result; an
 * archived case is shown read-only with its full history — the steps with who and when, the suspensions, the notices,
 * the documents and the payments — built from the case tables. Retention (保管期限, {@link ArchiveProperties}): each
 * case shows the year it is kept until, and those past it are listed for appraisal (到期待鉴定), never deleted.
 */
@Service
public class Archives {

    public static final int PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FeeAccess access;
    private final OrganizationApi organization;
    private final ArchiveProperties properties;
    private final Payments payments;

    Archives(JdbcClient jdbc, Clock clock, FeeAccess access, OrganizationApi organization, ArchiveProperties properties,
            Payments payments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.organization = organization;
        this.properties = properties;
        this.payments = payments;
    }

    public ArchiveProperties properties() {
        return properties;
    }

    /**
     * A search of the archive of a centre. Every criterion is optional; {@code applicant} is the applicant's full name
     * (exact), {@code q} matches a number, an item code or name, or an applicant's full name; {@code expired} lists only
     * the cases past their retention.
     */
    public record Filter(long centreId, @Nullable String q, @Nullable String number, @Nullable String item,
            @Nullable Long departmentId, @Nullable String applicant, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable ArchiveOutcome outcome, boolean expired, int page, int size) {
    }

    /** A line of the search result, without personal data beyond a masked name. */
    public record Entry(String number, String itemCode, String itemName, long departmentId, String departmentName,
            String applicantMasked, ArchiveOutcome outcome, Instant receivedAt, @Nullable Instant completedAt,
            Instant archivedAt, LocalDate archivedOn, int retainUntil, boolean expired) {
    }

    public record Page(List<Entry> entries, int page, int size, long total) {

        public Page {
            entries = List.copyOf(entries);
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }
    }

    private CentreInfo centre(long centreId) {
        return organization.centre(centreId)
                .orElseThrow(() -> DomainException.notFound("cases.fees.centre.notFound", centreId));
    }

    /** The current year in the centre's zone. */
    public int currentYear(ZoneId zone) {
        return clock.instant().atZone(zone).getYear();
    }

    private static String like(String text) {
        return "%" + text.strip().toUpperCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Searches the archive; the data scope limits a DEPT_HEAD to their department. */
    public Page search(Filter f) {
        access.checkSearchArchive(f.centreId());
        CentreInfo centre = centre(f.centreId());
        ZoneId zone = centre.zone();
        StringBuilder where = new StringBuilder(" where c.centre_id = :c and c.status = 'ARCHIVED'");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("c", f.centreId());
        Long limit = access.archiveDepartmentLimit();
        Long department = limit != null ? limit : f.departmentId();
        if (department != null) {
            where.append(" and c.department_id = :dept");
            params.put("dept", department);
        }
        String q = blank(f.q());
        if (q != null) {
            where.append(" and (upper(c.number) like :ql or upper(c.item_code) like :ql or upper(c.item_name) like :ql"
                    + " or c.applicant_name = :q)");
            params.put("ql", like(q));
            params.put("q", q);
        }
        String number = blank(f.number());
        if (number != null) {
            where.append(" and upper(c.number) like :num");
            params.put("num", like(number));
        }
        String item = blank(f.item());
        if (item != null) {
            where.append(" and (upper(c.item_code) = :itemCode or upper(c.item_name) like :item)");
            params.put("itemCode", item.toUpperCase());
            params.put("item", like(item));
        }
        String applicant = blank(f.applicant());
        if (applicant != null) {
            // the full name is searched; lists show it masked (SEC-2)
            where.append(" and c.applicant_name = :applicant");
            params.put("applicant", applicant);
        }
        if (f.from() != null) {
            where.append(" and c.archived_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and c.archived_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.outcome() != null) {
            switch (f.outcome()) {
                case APPROVED -> where.append(" and c.result = 'APPROVED'");
                case REFUSED -> where.append(" and c.result = 'REFUSED'");
                case NOT_ACCEPTED -> where.append(" and c.result is null");
            }
        }
        int year = currentYear(zone);
        if (f.expired()) {
            // kept until the end of archivedYear + retention: expired when archived before 1 January of
            // (current year − retention)
            LocalDate cutoff = LocalDate.of(year - properties.retentionYears(), 1, 1);
            where.append(" and c.archived_at < :cutoff");
            params.put("cutoff", Timestamp.from(cutoff.atStartOfDay(zone).toInstant()));
        }
        int size = f.size() < 1 ? PAGE_SIZE : Math.min(f.size(), MAX_PAGE_SIZE);
        long total = jdbc.sql("select count(*) from cas_case c" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, f.page()), pages);
        Map<Long, String> departments = departmentNames(f.centreId());
        List<Entry> entries = jdbc.sql("select c.* from cas_case c" + where
                        + " order by c.archived_at desc, c.id desc limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) (page - 1) * size)
                .query((rs, n) -> entry(rs, zone, year, departments)).list();
        return new Page(entries, page, size, total);
    }

    private Map<Long, String> departmentNames(long centreId) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (DepartmentInfo d : organization.departments(centreId)) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    private String departmentName(Map<Long, String> names, long id) {
        String n = names.get(id);
        return n != null ? n : organization.department(id).map(DepartmentInfo::name).orElse(String.valueOf(id));
    }

    private Entry entry(ResultSet rs, ZoneId zone, int year, Map<Long, String> departments) throws SQLException {
        Instant archived = instantOrEpoch(rs, "archived_at");
        LocalDate on = archived.atZone(zone).toLocalDate();
        long dept = rs.getLong("department_id");
        String masked = Masking.name(rs.getString("applicant_name"));
        return new Entry(rs.getString("number"), rs.getString("item_code"), rs.getString("item_name"), dept,
                departmentName(departments, dept), masked == null ? "" : masked, outcome(rs.getString("result")),
                instantOrEpoch(rs, "received_at"), instant(rs, "completed_at"), archived, on,
                properties.retainUntil(on.getYear()), properties.expired(on.getYear(), year));
    }

    static ArchiveOutcome outcome(@Nullable String result) {
        if (result == null) {
            return ArchiveOutcome.NOT_ACCEPTED;
        }
        return CaseResult.valueOf(result) == CaseResult.APPROVED ? ArchiveOutcome.APPROVED : ArchiveOutcome.REFUSED;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instantOrEpoch(ResultSet rs, String column) throws SQLException {
        Instant i = instant(rs, column);
        return i == null ? Instant.EPOCH : i;
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    // ------------------------------------------------------------------------------------------- one case

    /** An archived case with everything filed with it. Personal data is masked (SEC-2). */
    public record ArchivedCase(long id, long centreId, String centreName, ZoneId zone, String number, String itemCode,
            String itemName, String itemType, long departmentId, String departmentName, String channel,
            String applicantKind, String applicantMasked, @Nullable String idNumberMasked,
            @Nullable String creditCode, String mobileMasked, boolean greenChannel, Instant receivedAt,
            @Nullable Instant acceptedAt, @Nullable LocalDate dueDate, @Nullable Integer limitDays, int extensionDays,
            int suspendedDays, ArchiveOutcome outcome, @Nullable String resultReason, @Nullable String remedy,
            @Nullable Instant completedAt, @Nullable Boolean completedOnTime, @Nullable String delivery,
            @Nullable String trackingNumber, @Nullable Instant deliveredAt, Instant archivedAt, LocalDate archivedOn,
            int retainUntil, boolean expired, List<Step> steps, List<Suspension> suspensions, List<Notice> notices,
            List<Document> documents, List<Payment> payments, List<Event> history) {

        public ArchivedCase {
            steps = List.copyOf(steps);
            suspensions = List.copyOf(suspensions);
            notices = List.copyOf(notices);
            documents = List.copyOf(documents);
            payments = List.copyOf(payments);
            history = List.copyOf(history);
        }

        /** The notice kinds issued, once each, for the download links {@code /cases/{number}/notices/{kind}.pdf}. */
        public List<NoticeKind> noticeKinds() {
            return notices.stream().map(Notice::kind).filter(k -> k != NoticeKind.FEE_RECEIPT).distinct().toList();
        }
    }

    public record Step(long id, String kind, @Nullable String departmentName, String actor, @Nullable String note,
            @Nullable LocalDate dueDate, String status, @Nullable String outcome, Instant createdAt,
            @Nullable Instant doneAt, @Nullable String doneBy) {
    }

    public record Suspension(long id, String reason, @Nullable String note, Instant startedAt, @Nullable Instant endedAt,
            String startedBy, @Nullable String endedBy) {
    }

    public record Notice(long id, NoticeKind kind, Instant issuedAt, String issuedBy) {
    }

    public record Document(long id, @Nullable String materialCode, String fileName, String contentType, int sizeBytes,
            Instant uploadedAt, String uploadedBy) {
    }

    /**
     * One line of the history: when, what (a message key with its arguments), who, and a free note.
     */
    public record Event(Instant at, String what, List<Object> args, @Nullable String actor, @Nullable String note) {

        public Event {
            args = List.copyOf(args);
        }
    }

    /** An argument of an event that is itself a message (a notice kind, a method, an outcome), with its own arguments. */
    public record Label(String key, Object... args) {
    }

    /** The archived case with this number, data scope checked; 404 when it is not (or not yet) archived. */
    public ArchivedCase get(String number) {
        return load(number).orElseThrow(() -> DomainException.notFound("cases.archive.notFound", number));
    }

    private Optional<ArchivedCase> load(String number) {
        Optional<Map<String, Object>> found = jdbc.sql("select * from cas_case where number = :n and status = 'ARCHIVED'")
                .param("n", number).query((rs, n) -> row(rs)).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> c = found.get();
        long id = (Long) c.get("id");
        long centreId = (Long) c.get("centre_id");
        long departmentId = (Long) c.get("department_id");
        // a role without the archive is refused (403); a case outside the user's centre or department does not exist
        access.checkArchiveRole();
        if (!access.canReadArchived(centreId, departmentId)) {
            return Optional.empty();
        }
        CentreInfo centre = centre(centreId);
        ZoneId zone = centre.zone();
        Map<Long, String> departments = departmentNames(centreId);

        List<Step> steps = jdbc.sql("select * from cas_step where case_id = :c order by created_at, id").param("c", id)
                .query((rs, n) -> {
                    long d = rs.getLong("department_id");
                    String dn = rs.wasNull() ? null : departmentName(departments, d);
                    return new Step(rs.getLong("id"), rs.getString("kind"), dn, rs.getString("actor"), rs.getString("note"),
                            date(rs, "due_date"), rs.getString("status"), rs.getString("outcome"),
                            instantOrEpoch(rs, "created_at"), instant(rs, "done_at"), rs.getString("done_by"));
                }).list();
        List<Suspension> suspensions = jdbc.sql("select * from cas_suspension where case_id = :c order by started_at, id")
                .param("c", id).query((rs, n) -> new Suspension(rs.getLong("id"), rs.getString("reason"),
                        rs.getString("note"), instantOrEpoch(rs, "started_at"), instant(rs, "ended_at"),
                        rs.getString("started_by"), rs.getString("ended_by"))).list();
        List<Notice> notices = jdbc.sql("select id, kind, issued_at, issued_by from cas_notice where case_id = :c order by issued_at, id")
                .param("c", id).query((rs, n) -> new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")),
                        instantOrEpoch(rs, "issued_at"), rs.getString("issued_by"))).list();
        List<Document> documents = jdbc.sql("""
                select id, material_code, file_name, content_type, size_bytes, uploaded_at, uploaded_by
                from cas_document where case_id = :c order by uploaded_at, id""")
                .param("c", id).query((rs, n) -> new Document(rs.getLong("id"), rs.getString("material_code"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        instantOrEpoch(rs, "uploaded_at"), rs.getString("uploaded_by"))).list();
        List<Payment> paid = payments.ofCaseId(id);

        Instant archived = (Instant) c.get("archived_at");
        LocalDate archivedOn = archived.atZone(zone).toLocalDate();
        String result = (String) c.get("result");
        List<Event> history = history(steps, notices, documents, paid);
        String mobile = Masking.mobile((String) c.get("applicant_mobile"));
        String name = Masking.name((String) c.get("applicant_name"));
        return Optional.of(new ArchivedCase(id, centreId, centre.name(), zone, (String) c.get("number"),
                (String) c.get("item_code"), (String) c.get("item_name"), (String) c.get("item_type"), departmentId,
                departmentName(departments, departmentId), (String) c.get("channel"), (String) c.get("applicant_kind"),
                name == null ? "" : name, Masking.idNumber((String) c.get("applicant_id_number")),
                (String) c.get("applicant_credit_code"), mobile == null ? "" : mobile,
                Boolean.TRUE.equals(c.get("green_channel")), (Instant) c.get("received_at"),
                (Instant) c.get("accepted_at"), (LocalDate) c.get("due_date"), (Integer) c.get("limit_days"),
                (Integer) c.get("extension_days"), (Integer) c.get("suspended_days"), outcome(result),
                (String) c.get("result_reason"), (String) c.get("remedy"), (Instant) c.get("completed_at"),
                (Boolean) c.get("completed_on_time"), (String) c.get("delivery"), (String) c.get("tracking_number"),
                (Instant) c.get("delivered_at"), archived, archivedOn, properties.retainUntil(archivedOn.getYear()),
                properties.expired(archivedOn.getYear(), currentYear(zone)), steps, suspensions, notices, documents,
                paid, history));
    }

    /** The columns of cas_case with portable Java types (Instant, LocalDate, Long, Integer, Boolean, String). */
    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String col : List.of("id", "centre_id", "department_id", "intake_staff_id")) {
            long v = rs.getLong(col);
            m.put(col, rs.wasNull() ? null : v);
        }
        for (String col : List.of("limit_days", "extension_days", "suspended_days")) {
            int v = rs.getInt(col);
            m.put(col, rs.wasNull() ? null : v);
        }
        for (String col : List.of("green_channel", "completed_on_time")) {
            boolean v = rs.getBoolean(col);
            m.put(col, rs.wasNull() ? null : v);
        }
        for (String col : List.of("received_at", "accepted_at", "completed_at", "delivered_at", "archived_at")) {
            m.put(col, instant(rs, col));
        }
        m.put("due_date", date(rs, "due_date"));
        for (String col : List.of("number", "item_code", "item_name", "item_type", "channel", "applicant_kind",
                "applicant_name", "applicant_id_number", "applicant_credit_code", "applicant_mobile", "result",
                "result_reason", "remedy", "delivery", "tracking_number")) {
            m.put(col, rs.getString(col));
        }
        if (m.get("archived_at") == null) {
            m.put("archived_at", Instant.EPOCH);
        }
        if (m.get("received_at") == null) {
            m.put("received_at", Instant.EPOCH);
        }
        for (String col : List.of("extension_days", "suspended_days")) {
            if (m.get(col) == null) {
                m.put(col, 0);
            }
        }
        return m;
    }

    /** The label of a step kind (收件, 受理, 分办, ...). */
    public static Label stepLabel(String kind) {
        return new Label("cases.archive.stepKind." + kind);
    }

    /**
     * What a step's outcome means for its kind: the suspension reason of SUSPEND and RESUME, the result of DECISION,
     * the delivery method of DELIVER, the working days of EXTEND, AGREE / PASS / DONE ... of the others; null for none.
     */
    public static @Nullable Object outcomeLabel(String kind, @Nullable String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        return switch (kind) {
            case "SUSPEND", "RESUME" -> new Label("cases.archive.suspension." + outcome);
            case "DECISION" -> new Label("cases.archive.outcome." + outcome);
            case "DELIVER" -> new Label("cases.archive.delivery." + outcome);
            case "EXTEND" -> new Label("cases.archive.extendDays", outcome);
            default -> new Label("cases.archive.stepOutcome." + outcome);
        };
    }

    /** Steps whose department is worth naming in the history. */
    private static boolean namesDepartment(String kind) {
        return kind.equals("ROUTE") || kind.equals("HANDLE") || kind.equals("OPINION");
    }

    /**
     * The full history of the case from its tables, in the order it happened: every recorded step (收、审、发全程记录,
     * with who and when; an open step also when it was done), every notice issued, every document uploaded, every
     * payment and void.
     */
    private static List<Event> history(List<Step> steps, List<Notice> notices, List<Document> documents,
            List<Payment> payments) {
        List<Event> events = new ArrayList<>();
        for (Step s : steps) {
            boolean doneLater = s.doneAt() != null && s.doneAt().isAfter(s.createdAt());
            Object outcome = doneLater ? null : outcomeLabel(s.kind(), s.outcome());
            String dept = namesDepartment(s.kind()) ? s.departmentName() : null;
            String key = outcome == null ? (dept == null ? "cases.archive.event.step" : "cases.archive.event.stepDept")
                    : (dept == null ? "cases.archive.event.stepOutcome" : "cases.archive.event.stepOutcomeDept");
            List<Object> args = new ArrayList<>();
            args.add(stepLabel(s.kind()));
            if (outcome != null) {
                args.add(outcome);
            }
            if (dept != null) {
                args.add(dept);
            }
            events.add(new Event(s.createdAt(), key, args, s.actor(), doneLater ? null : s.note()));
            if (doneLater) {
                Object done = outcomeLabel(s.kind(), s.outcome());
                List<Object> doneArgs = new ArrayList<>();
                doneArgs.add(stepLabel(s.kind()));
                if (done != null) {
                    doneArgs.add(done);
                }
                events.add(new Event(s.doneAt(), done == null ? "cases.archive.event.stepDone"
                        : "cases.archive.event.stepDoneOutcome", doneArgs, s.doneBy(), s.note()));
            }
        }
        for (Notice n : notices) {
            if (n.kind() == NoticeKind.FEE_RECEIPT) {
                continue; // the payment below says it, with the receipt number
            }
            events.add(new Event(n.issuedAt(), "cases.archive.event.notice",
                    List.of(new Label("cases.archive.notice." + n.kind().name())), n.issuedBy(), null));
        }
        for (Document d : documents) {
            events.add(new Event(d.uploadedAt(), "cases.archive.event.document", List.of(d.fileName()), d.uploadedBy(),
                    null));
        }
        for (Payment p : payments) {
            events.add(new Event(p.paidAt(), "cases.archive.event.paid",
                    List.of(p.receiptNumber(), FeeMoney.format(p.total()), new Label("cases.fees.method." + p.method().name())),
                    p.clerkUsername(), null));
            if (p.voidRequestedAt() != null) {
                events.add(new Event(p.voidRequestedAt(), "cases.archive.event.voidRequested", List.of(p.receiptNumber()),
                        p.voidRequestedBy(), p.voidReason()));
            }
            if (p.voidDecidedAt() != null) {
                events.add(new Event(p.voidDecidedAt(), p.status() == PaymentStatus.VOIDED
                        ? "cases.archive.event.voided" : "cases.archive.event.voidRefused", List.of(p.receiptNumber()),
                        p.voidDecidedBy(), p.voidRefusal()));
            }
        }
        // stable: events of the same instant keep the order above (a step before the notice it issued)
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    /** A document of an archived case (data scope checked). */
    public record DocumentContent(String fileName, String contentType, byte[] content) {
    }

    public DocumentContent document(String number, long documentId) {
        ArchivedCase c = get(number);
        return jdbc.sql("select file_name, content_type, content from cas_document where id = :id and case_id = :c")
                .param("id", documentId).param("c", c.id())
                .query((rs, n) -> new DocumentContent(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional().orElseThrow(() -> DomainException.notFound("cases.archive.document.notFound", documentId));
    }

    /** The departments of a centre for the search filter (a DEPT_HEAD sees only their own). */
    public List<DepartmentInfo> departments(long centreId) {
        Long limit = access.archiveDepartmentLimit();
        return organization.departments(centreId).stream().filter(d -> limit == null || d.id() == limit).toList();
    }
}
