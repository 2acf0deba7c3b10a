package org.openhall.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openhall.calendar.CalendarApi;
import org.openhall.cases.IntakeChannel;
import org.openhall.catalog.CatalogApi;
import org.openhall.catalog.ItemVersion;
import org.openhall.catalog.MaterialInfo;
import org.openhall.catalog.MaterialRequirement;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.DomainException;
import org.openhall.shared.Masking;
import org.openhall.shared.MobileNumber;
import org.openhall.shared.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online applications (CASE-10). An applicant submits the form with one upload per material; everything is checked
 * before anything is written (SEC-4), the application gets the case number reserved for it
 * ({@link CaseCommands#reserveNumber}) and the applicant is told the number after commit. Staff of the item's
 * department (window clerk, department head) or the centre office review it like a window intake: the checklist
 * ticked against the uploads goes to {@link CaseCommands#intake(CaseCommands.IntakeRequest, String)} under the reserved
 * number, the uploads become the case's documents, and the application is marked with the outcome — all in one
 * transaction. Every change is audited (SEC-3), and so is every staff read of the applicant's full data (SEC-2).
 */
@Service
public class ApplicationService {

    static final String ENTITY = "OnlineApplication";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final CatalogApi catalog;
    private final OrganizationApi organization;
    private final CalendarApi calendar;
    private final CaseCommands cases;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final ApplicationUploadCheck uploads;
    private final ApplicationProperties properties;
    private final ApplicationEventPublisher events;
    private final ApplicationRateLimiter limiter;
    private final Clock clock;

    ApplicationService(JdbcClient jdbc, CatalogApi catalog, OrganizationApi organization, CalendarApi calendar,
            CaseCommands cases, CurrentUsers users, AuditTrail audit, ApplicationUploadCheck uploads,
            ApplicationProperties properties, ApplicationEventPublisher events, ApplicationRateLimiter limiter,
            Clock clock) {
        this.limiter = limiter;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.organization = organization;
        this.calendar = calendar;
        this.cases = cases;
        this.users = users;
        this.audit = audit;
        this.uploads = uploads;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------ the applicant's side

    /** A file as it came from the browser. */
    public record RawUpload(@Nullable String originalName, byte[] content) {
    }

    /** What is wrong with one field ({@code file_M01} for the upload of material M01). */
    public record Problem(String field, String key, Object[] args) {
    }

    /** The application was refused as submitted; nothing was written. */
    public static class InvalidApplication extends RuntimeException {
        private final List<Problem> problems;

        InvalidApplication(List<Problem> problems) {
            super("invalid online application: " + problems.stream().map(Problem::field).toList());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Too many submissions from one address; nothing was written. */
    public static class TooManySubmissions extends RuntimeException {
        private final Duration retryAfter;

        TooManySubmissions(Duration retryAfter) {
            super("too many online submissions");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** What the confirmation page shows. */
    public record Submitted(String number, String itemName, String centreName, Instant submittedAt) {
    }

    /** Working days within which staff review an application (行政许可法 第三十二条). */
    public int reviewLimitDays() {
        return properties.reviewLimitDays();
    }

    /** The centre's active items that can be applied for online, filtered by a word of the name or the code. */
    public List<ItemVersion> onlineItems(long centreId, @Nullable String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return catalog.currentItems(centreId).stream().filter(ItemVersion::online).filter(ItemVersion::active)
                .filter(i -> q.isEmpty() || i.name().toLowerCase(Locale.ROOT).contains(q)
                        || i.code().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(ItemVersion::code)).toList();
    }

    /** The item an applicant applies for: current, active and open to online application, or 404. */
    public ItemVersion onlineItem(long centreId, String itemCode) {
        return catalog.currentItem(centreId, itemCode).filter(ItemVersion::online).filter(ItemVersion::active)
                .orElseThrow(() -> DomainException.notFound("cases.public.apply.itemNotFound", itemCode));
    }

    /**
     * Submits an application from {@code clientAddress}. Every field and every file is checked first; any problem
     * throws {@link InvalidApplication} listing all of them and writes nothing. A valid submission over the address's
     * allowance throws {@link TooManySubmissions} and writes nothing either.
     */
    @Transactional
    public Submitted submit(ApplicationData data, Map<String, RawUpload> files, String clientAddress) {
        ItemVersion item = onlineItem(data.centreId(), data.itemCode());
        List<Problem> problems = new ArrayList<>();
        CaseCommands.Applicant applicant = applicant(data, problems);
        Map<String, ApplicationUploadCheck.Checked> checked = checkFiles(item, files, problems);
        if (!data.declaration()) {
            problems.add(new Problem("declaration", "cases.public.apply.declaration.required", new Object[0]));
        }
        if (!problems.isEmpty() || applicant == null) {
            throw new InvalidApplication(problems);
        }
        limiter.tryAcquire(clientAddress).ifPresent(wait -> {
            throw new TooManySubmissions(wait);
        });
        CentreInfo centre = organization.centre(data.centreId())
                .orElseThrow(() -> DomainException.notFound("cases.public.apply.centreNotFound", data.centreId()));
        String number = cases.reserveNumber(data.centreId());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into cas_application (centre_id, number, item_id, item_version_id, item_code, item_name,
                    department_id, applicant_kind, applicant_name, applicant_id_number, applicant_credit_code,
                    applicant_mobile, applicant_email, applicant_address, status, submitted_at, created_at, updated_at)
                values (:centre, :number, :item, :version, :code, :name, :dept, :kind, :applicant, :idNumber, :creditCode,
                    :mobile, :email, :address, 'SUBMITTED', :now, :now, :now)""")
                .param("centre", data.centreId()).param("number", number).param("item", item.itemId())
                .param("version", item.versionId()).param("code", item.code()).param("name", item.name())
                .param("dept", item.departmentId()).param("kind", applicant.kind().name())
                .param("applicant", applicant.name()).param("idNumber", applicant.idNumber())
                .param("creditCode", applicant.creditCode()).param("mobile", applicant.mobile())
                .param("email", applicant.email()).param("address", applicant.address())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
        long id = idOf(number);
        for (Map.Entry<String, ApplicationUploadCheck.Checked> e : checked.entrySet()) {
            ApplicationUploadCheck.Checked f = e.getValue();
            jdbc.sql("""
                    insert into cas_application_upload (application_id, centre_id, material_code, file_name, content_type,
                        size_bytes, content, uploaded_at)
                    values (:app, :centre, :code, :file, :type, :size, :content, :now)""")
                    .param("app", id).param("centre", data.centreId()).param("code", e.getKey())
                    .param("file", f.fileName()).param("type", f.contentType()).param("size", f.content().length)
                    .param("content", f.content()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        }
        audit.record(data.centreId(), ENTITY, number, "SUBMIT", null, snapshot(id));
        events.publishEvent(new ApplicationSubmitted(id, data.centreId(), number));
        return new Submitted(number, item.name(), centre.name(), now);
    }

    private long idOf(String number) {
        return jdbc.sql("select id from cas_application where number = :n").param("n", number).query(Long.class).single();
    }

    /** The applicant from the form, or null with the problems added. */
    private static CaseCommands.@Nullable Applicant applicant(ApplicationData d, List<Problem> problems) {
        int before = problems.size();
        if (d.kind() == null) {
            problems.add(new Problem("kind", "cases.public.apply.kind.required", new Object[0]));
        }
        boolean organisation = d.kind() == CaseCommands.ApplicantKind.ORGANIZATION;
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(new Problem("name", organisation ? "cases.public.apply.orgName.required"
                    : "cases.public.apply.name.required", new Object[0]));
        } else if (name.length() > (organisation ? 100 : 50)) {
            problems.add(new Problem("name", "cases.public.apply.tooLong", new Object[] {organisation ? 100 : 50}));
        }
        String idNumber = null;
        String creditCode = null;
        if (d.kind() == CaseCommands.ApplicantKind.PERSON) {
            if (d.idNumber() == null || d.idNumber().isBlank()) {
                problems.add(new Problem("idNumber", "cases.public.apply.idNumber.required", new Object[0]));
            } else {
                Optional<String> error = ChineseIdNumber.validationError(d.idNumber());
                if (error.isPresent()) {
                    problems.add(new Problem("idNumber", error.get(), new Object[0]));
                } else {
                    idNumber = ChineseIdNumber.of(d.idNumber()).value();
                }
            }
        } else if (organisation) {
            if (d.creditCode() == null || d.creditCode().isBlank()) {
                problems.add(new Problem("creditCode", "cases.public.apply.creditCode.required", new Object[0]));
            } else {
                Optional<String> error = UnifiedSocialCreditCode.validationError(d.creditCode());
                if (error.isPresent()) {
                    problems.add(new Problem("creditCode", error.get(), new Object[0]));
                } else {
                    creditCode = UnifiedSocialCreditCode.of(d.creditCode()).value();
                }
            }
        }
        String mobile = null;
        if (d.mobile() == null || d.mobile().isBlank()) {
            problems.add(new Problem("mobile", "cases.public.apply.mobile.required", new Object[0]));
        } else if (!MobileNumber.isValid(d.mobile())) {
            problems.add(new Problem("mobile", "shared.mobile.invalid", new Object[0]));
        } else {
            mobile = MobileNumber.of(d.mobile()).value();
        }
        String email = blankToNull(d.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            problems.add(new Problem("email", "cases.public.apply.email.invalid", new Object[0]));
        }
        String address = blankToNull(d.address());
        if (address != null && address.length() > 300) {
            problems.add(new Problem("address", "cases.public.apply.tooLong", new Object[] {300}));
        }
        if (problems.size() > before || d.kind() == null || mobile == null) {
            return null;
        }
        return new CaseCommands.Applicant(d.kind(), name, idNumber, creditCode, mobile, email, address);
    }

    private Map<String, ApplicationUploadCheck.Checked> checkFiles(ItemVersion item, Map<String, RawUpload> files,
            List<Problem> problems) {
        Map<String, ApplicationUploadCheck.Checked> checked = new LinkedHashMap<>();
        for (MaterialInfo m : item.materials()) {
            RawUpload raw = files.get(m.code());
            String field = "file_" + m.code();
            if (raw == null || raw.content().length == 0) {
                if (m.requirement() == MaterialRequirement.REQUIRED) {
                    problems.add(new Problem(field, "cases.public.apply.upload.required", new Object[0]));
                }
                continue;
            }
            ApplicationUploadCheck.Outcome outcome = uploads.check(raw.originalName(), raw.content());
            if (outcome.file() == null) {
                problems.add(new Problem(field, String.valueOf(outcome.errorKey()), outcome.args()));
            } else {
                checked.put(m.code(), outcome.file());
            }
        }
        return checked;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------------------------------ the staff's side

    /** An application as staff see it, with the applicant's full data (the review needs it). */
    public record Application(long id, long centreId, String number, long itemId, long itemVersionId, String itemCode,
            String itemName, long departmentId, CaseCommands.Applicant applicant, String status, Instant submittedAt,
            @Nullable Instant reviewedAt, @Nullable String reviewedBy, @Nullable Long caseId, int version) {
    }

    /** An upload without its content. */
    public record Upload(long id, String materialCode, String fileName, String contentType, int sizeBytes,
            Instant uploadedAt) {
    }

    /** An upload with its content, for viewing and download. */
    public record UploadContent(String fileName, String contentType, byte[] content) {
    }

    /**
     * A line of the review list: the applicant masked (SEC-2), how many working days have passed since submission,
     * the last day of the review period (行政许可法 第三十二条), times in the centre's zone and whether it is near (DUE_SOON) or past (OVERDUE).
     */
    public record Pending(String number, String itemName, String departmentName, String applicantMasked,
            OffsetDateTime submittedAt, @Nullable Integer workingDays, @Nullable LocalDate reviewBy, String urgency) {
    }

    /** The submitted applications the signed-in staff member may review, oldest first. */
    @Transactional(readOnly = true)
    public List<Pending> pending() {
        CurrentUser user = users.require();
        List<Application> list = user.centreId() == null
                ? jdbc.sql(SELECT + " where status = 'SUBMITTED' order by submitted_at, id").query(ApplicationService::row).list()
                : jdbc.sql(SELECT + " where centre_id = :centre and status = 'SUBMITTED' order by submitted_at, id")
                        .param("centre", user.centreId()).query(ApplicationService::row).list();
        List<Pending> result = new ArrayList<>();
        for (Application a : list) {
            if (!user.canSeeDepartment(a.centreId(), a.departmentId())) {
                continue;
            }
            CentreInfo centre = organization.centre(a.centreId()).orElseThrow();
            ZoneId zone = centre.zone();
            LocalDate submitted = a.submittedAt().atZone(zone).toLocalDate();
            LocalDate today = clock.instant().atZone(zone).toLocalDate();
            Integer days = null;
            LocalDate reviewBy = null;
            String urgency = "OK";
            try {
                days = calendar.workingDaysBetween(centre.code(), submitted, today);
                reviewBy = calendar.addWorkingDays(centre.code(), submitted, properties.reviewLimitDays());
                if (today.isAfter(reviewBy)) {
                    urgency = "OVERDUE";
                } else if (calendar.workingDaysBetween(centre.code(), today, reviewBy) <= properties.warnDays()) {
                    urgency = "DUE_SOON";
                }
            } catch (RuntimeException e) {
                // a year without a calendar: the list still shows the application, without the count
                urgency = "OK";
            }
            String dept = organization.department(a.departmentId()).map(d -> d.name()).orElse("");
            result.add(new Pending(a.number(), a.itemName(), dept, masked(a.applicant()),
                    a.submittedAt().atZone(zone).toOffsetDateTime(), days, reviewBy, urgency));
        }
        return result;
    }

    private static String masked(CaseCommands.Applicant a) {
        String name = a.kind() == CaseCommands.ApplicantKind.PERSON ? Masking.name(a.name()) : a.name();
        return name + " " + Masking.mobile(a.mobile());
    }

    /**
     * The application for review, with the applicant's full data: only staff of the item's department or the
     * centre office, and the read is audited (SEC-2).
     */
    @Transactional
    public Application forReview(String number) {
        Application a = find(number);
        audit.record(a.centreId(), ENTITY, a.number(), "READ_PERSONAL_DATA", null, null);
        return a;
    }

    /** The application (data scope checked), without auditing: for pages that show no personal data. */
    @Transactional(readOnly = true)
    public Application find(String number) {
        Application a = jdbc.sql(SELECT + " where number = :n").param("n", number.strip()).query(ApplicationService::row)
                .optional().orElseThrow(() -> DomainException.notFound("cases.public.review.notFound", number));
        checkScope(a);
        return a;
    }

    private void checkScope(Application a) {
        CurrentUser user = users.require();
        boolean role = user.hasAnyRole(Role.ADMIN, Role.CENTRE_OFFICE, Role.DEPT_HEAD, Role.WINDOW_STAFF);
        if (!role || !user.canSeeDepartment(a.centreId(), a.departmentId())) {
            throw DomainException.forbidden("cases.public.review.forbidden");
        }
    }

    @Transactional(readOnly = true)
    public List<Upload> uploads(Application a) {
        return jdbc.sql("""
                select id, material_code, file_name, content_type, size_bytes, uploaded_at from cas_application_upload
                where application_id = :id order by material_code""").param("id", a.id())
                .query((rs, n) -> new Upload(rs.getLong("id"), rs.getString("material_code"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), ProgressQuery.instant(rs, "uploaded_at")))
                .list();
    }

    /** One upload's content (data scope checked, read audited). */
    @Transactional
    public UploadContent upload(String number, long uploadId) {
        Application a = find(number);
        UploadContent c = jdbc.sql("""
                select file_name, content_type, content from cas_application_upload
                where id = :id and application_id = :app""").param("id", uploadId).param("app", a.id())
                .query((rs, n) -> new UploadContent(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional()
                .orElseThrow(() -> DomainException.notFound("cases.public.review.uploadNotFound", uploadId));
        audit.record(a.centreId(), ENTITY, a.number(), "READ_UPLOAD", null, Map.of("upload", uploadId, "file", c.fileName()));
        return c;
    }

    /** The item version the applicant applied under, for the checklist beside the uploads. */
    public ItemVersion itemOf(Application a) {
        return catalog.version(a.itemVersionId())
                .orElseThrow(() -> DomainException.notFound("cases.public.apply.itemNotFound", a.itemCode()));
    }

    /** The review's decision: the checklist as ticked, 容缺 with its commitment, or 不予受理 with reason and redirect. */
    public record Review(List<CaseCommands.MaterialCheck> materials, CaseCommands.@Nullable Deferral deferral,
            CaseCommands.@Nullable Rejection rejection) {

        public Review {
            materials = List.copyOf(materials);
        }
    }

    /**
     * Reviews an application like a window intake (CASE-10, CASE-1): the case is opened under the reserved number with
     * channel ONLINE, the uploads become its documents and the application records the outcome. One transaction: a
     * refused intake (bad checklist, wrong state) leaves the application SUBMITTED and writes nothing.
     */
    @Transactional
    public CaseView review(String number, Review review) {
        Application a = find(number);
        int locked = jdbc.sql("""
                update cas_application set version = version + 1
                where id = :id and status = 'SUBMITTED' and version = :v""")
                .param("id", a.id()).param("v", a.version()).update();
        if (locked != 1) {
            throw DomainException.conflict("cases.public.review.alreadyReviewed", a.number());
        }
        CurrentUser user = users.require();
        Long windowId = user.staffId() == null ? null : organization.windowsOfStaff(user.staffId()).stream()
                .filter(w -> w.centreId() == a.centreId()).map(WindowInfo::id).findFirst().orElse(null);
        CaseCommands.IntakeRequest request = new CaseCommands.IntakeRequest(a.centreId(), a.itemCode(), a.applicant(),
                review.materials(), IntakeChannel.ONLINE, windowId, false, review.deferral(), review.rejection());
        CaseView view = cases.intake(request, a.number());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into cas_document (case_id, centre_id, material_code, file_name, content_type, size_bytes, content,
                    uploaded_at, uploaded_by)
                select :case, centre_id, material_code, file_name, content_type, size_bytes, content, uploaded_at, 'online'
                from cas_application_upload where application_id = :app order by material_code""")
                .param("case", view.id()).param("app", a.id()).update();
        String status = switch (view.status()) {
            case REJECTED -> "REJECTED";
            case CORRECTION_REQUIRED -> "CORRECTION_REQUIRED";
            default -> "ACCEPTED";
        };
        Object before = snapshot(a.id());
        jdbc.sql("""
                update cas_application set status = :status, reviewed_at = :now, reviewed_by = :by, case_id = :case,
                    updated_at = :now where id = :id""")
                .param("status", status).param("now", now.atOffset(ZoneOffset.UTC)).param("by", user.username())
                .param("case", view.id()).param("id", a.id()).update();
        audit.record(a.centreId(), ENTITY, a.number(), "REVIEW", before, snapshot(a.id()));
        return view;
    }

    /** The case opened by a reviewed application, for the outcome page. */
    public CaseView caseOf(String number) {
        Application a = find(number);
        if (a.caseId() == null) {
            throw DomainException.conflict("cases.public.review.notReviewed", a.number());
        }
        return cases.get(a.number());
    }

    /** The state for the audit trail, personal data masked (SEC-2). */
    private Map<String, Object> snapshot(long id) {
        return jdbc.sql("""
                select number, item_code, item_version_id, applicant_kind, applicant_name, applicant_id_number,
                    applicant_credit_code, applicant_mobile, status, reviewed_by, case_id,
                    (select count(*) from cas_application_upload u where u.application_id = a.id) uploads
                from cas_application a where id = :id""").param("id", id).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("number", rs.getString("number"));
                    m.put("itemCode", rs.getString("item_code"));
                    m.put("itemVersionId", rs.getLong("item_version_id"));
                    m.put("applicantKind", rs.getString("applicant_kind"));
                    m.put("applicant", "PERSON".equals(rs.getString("applicant_kind"))
                            ? Masking.name(rs.getString("applicant_name")) : rs.getString("applicant_name"));
                    m.put("idNumber", Masking.idNumber(rs.getString("applicant_id_number")));
                    m.put("creditCode", rs.getString("applicant_credit_code"));
                    m.put("mobile", Masking.mobile(rs.getString("applicant_mobile")));
                    m.put("status", rs.getString("status"));
                    m.put("reviewedBy", rs.getString("reviewed_by"));
                    m.put("caseId", ProgressQuery.nullableLong(rs, "case_id"));
                    m.put("uploads", rs.getLong("uploads"));
                    return m;
                }).single();
    }

    private static final String SELECT = """
            select id, centre_id, number, item_id, item_version_id, item_code, item_name, department_id, applicant_kind,
                applicant_name, applicant_id_number, applicant_credit_code, applicant_mobile, applicant_email,
                applicant_address, status, submitted_at, reviewed_at, reviewed_by, case_id, version
            from cas_application""";

    private static Application row(ResultSet rs, int n) throws SQLException {
        CaseCommands.Applicant applicant = new CaseCommands.Applicant(
                CaseCommands.ApplicantKind.valueOf(rs.getString("applicant_kind")), rs.getString("applicant_name"),
                rs.getString("applicant_id_number"), rs.getString("applicant_credit_code"),
                rs.getString("applicant_mobile"), rs.getString("applicant_email"), rs.getString("applicant_address"));
        return new Application(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("number"), rs.getLong("item_id"),
                rs.getLong("item_version_id"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getLong("department_id"), applicant, rs.getString("status"), ProgressQuery.instant(rs, "submitted_at"),
                ProgressQuery.instantOrNull(rs, "reviewed_at"), rs.getString("reviewed_by"),
                ProgressQuery.nullableLong(rs, "case_id"), rs.getInt("version"));
    }
}
