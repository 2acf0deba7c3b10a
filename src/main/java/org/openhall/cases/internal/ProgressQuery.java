package org.openhall.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.WarningLevel;
import org.openhall.notification.Message;
import org.openhall.notification.Inbox;
import org.openhall.notification.Notifications;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.DepartmentInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.shared.Masking;
import org.openhall.shared.MobileNumber;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's progress query (CASE-6): a case, or an online application not yet reviewed (CASE-10), found by
 * its number together with the applicant's mobile or ID number (or credit code). A wrong mobile and an unknown
 * number give the same empty answer after the same work: both tables are read by number every time, and the
 * verifier is compared in constant time against the stored one or against nothing. The answer holds no personal
 * data (SEC-2); personal data that a staff member might have written into a public message is masked.
 */
@Component
public class ProgressQuery {

    /** The stage of an online application that staff have not reviewed yet (网上申请待预审). */
    public static final String ONLINE_PENDING = "ONLINE_PENDING";

    private final JdbcClient jdbc;
    private final OrganizationApi organization;
    private final Notifications notifications;
    private final MessageSource messages;
    private final ProgressProperties properties;
    private final Clock clock;

    ProgressQuery(JdbcClient jdbc, OrganizationApi organization, Notifications notifications,
            MessageSource messages, ProgressProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.notifications = notifications;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the applicant typed: the number and one verifier (mobile, or ID number / credit code). */
    public record Lookup(String number, @Nullable String mobile, @Nullable String idNumber) {
    }

    /** The stored applicant of a case or application: only for the comparison, never shown. */
    private record Owner(String name, String mobile, @Nullable String idNumber, @Nullable String creditCode) {
    }

    private record CaseRow(long id, long centreId, String number, String itemName, long departmentId,
            @Nullable Long windowId, String channel, CaseStatus status, Instant receivedAt, @Nullable Instant acceptedAt,
            @Nullable LocalDate dueDate, @Nullable LocalDate pendingMaterialsDue, WarningLevel warningLevel,
            @Nullable String result, @Nullable Instant completedAt, @Nullable String delivery,
            @Nullable String trackingNumber, @Nullable Instant deliveredAt, Owner owner) {
    }

    private record ApplicationRow(long centreId, String number, String itemName, long departmentId, String status,
            Instant submittedAt, Owner owner) {
    }

    /** The progress of the case or application, or empty when the number is unknown or the verifier does not match. */
    @Transactional(readOnly = true)
    public Optional<ProgressView> find(Lookup lookup, Locale locale) {
        String number = lookup.number().strip().toUpperCase(Locale.ROOT);
        // both reads happen for every look-up, so that a known number costs the same as an unknown one
        Optional<CaseRow> found = jdbc.sql("""
                select id, centre_id, number, item_name, department_id, window_id, channel, status, received_at,
                       accepted_at, due_date, pending_materials_due, warning_level, result, completed_at, delivery,
                       tracking_number, delivered_at, applicant_name, applicant_mobile, applicant_id_number,
                       applicant_credit_code
                from cas_case where number = :number""").param("number", number).query(ProgressQuery::caseRow).optional();
        Optional<ApplicationRow> application = jdbc.sql("""
                select centre_id, number, item_name, department_id, status, submitted_at, applicant_name,
                       applicant_mobile, applicant_id_number, applicant_credit_code
                from cas_application where number = :number""").param("number", number)
                .query(ProgressQuery::applicationRow).optional();
        Owner owner = found.map(CaseRow::owner).or(() -> application.map(ApplicationRow::owner)).orElse(null);
        if (!matches(owner, lookup)) {
            return Optional.empty();
        }
        if (found.isPresent()) {
            return Optional.of(ofCase(found.get(), locale));
        }
        return application.filter(a -> a.status().equals("SUBMITTED")).map(a -> ofApplication(a, locale));
    }

    /** Constant-time comparison with the stored mobile, or ID number / credit code; the same work without an owner. */
    private static boolean matches(@Nullable Owner owner, Lookup lookup) {
        String mobile = lookup.mobile() == null ? "" : lookup.mobile().strip();
        String id = lookup.idNumber() == null ? "" : lookup.idNumber().strip().toUpperCase(Locale.ROOT);
        boolean byMobile = !mobile.isEmpty();
        String given = byMobile ? (MobileNumber.isValid(mobile) ? MobileNumber.of(mobile).value() : mobile) : id;
        if (given.isEmpty()) {
            return false;
        }
        String stored;
        String other = "";
        if (owner == null) {
            stored = "\u0000";
        } else if (byMobile) {
            stored = owner.mobile();
        } else {
            stored = owner.idNumber() == null ? "\u0000" : owner.idNumber().toUpperCase(Locale.ROOT);
            other = owner.creditCode() == null ? "\u0000" : owner.creditCode().toUpperCase(Locale.ROOT);
        }
        byte[] g = given.getBytes(StandardCharsets.UTF_8);
        boolean first = MessageDigest.isEqual(g, stored.getBytes(StandardCharsets.UTF_8));
        boolean second = !byMobile && MessageDigest.isEqual(g, other.getBytes(StandardCharsets.UTF_8));
        return owner != null && (first | second);
    }

    private ProgressView ofApplication(ApplicationRow a, Locale locale) {
        CentreInfo centre = organization.centre(a.centreId()).orElseThrow();
        ZoneId zone = centre.zone();
        LocalDate submitted = a.submittedAt().atZone(zone).toLocalDate();
        List<ProgressView.Entry> timeline = List.of(new ProgressView.Entry("ONLINE_SUBMITTED",
                text("cases.public.step.ONLINE_SUBMITTED", locale), submitted, null, false));
        return new ProgressView(a.number(), a.itemName(), centre.name(), departmentName(a.departmentId()),
                ONLINE_PENDING, text("cases.public.stage.ONLINE_PENDING", locale), submitted, null, null, "NONE",
                text("cases.public.deadline.NONE", locale), false, null, List.of(), null, timeline,
                publicMessages(a.centreId(), a.number(), a.owner(), zone), null);
    }

    private ProgressView ofCase(CaseRow c, Locale locale) {
        CentreInfo centre = organization.centre(c.centreId()).orElseThrow();
        ZoneId zone = centre.zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<StepRow> steps = jdbc.sql("""
                select kind, department_id, status, created_at from cas_step
                where case_id = :id order by created_at, id""").param("id", c.id())
                .query((rs, n) -> new StepRow(rs.getString("kind"), nullableLong(rs, "department_id"),
                        "OPEN".equals(rs.getString("status")), instant(rs, "created_at")))
                .list();
        List<StepRow> open = steps.stream().filter(StepRow::open).toList();
        // 审核中: a review is open, or the last thing that happened was the review (审核把关) and the decision is pending
        boolean inReview = open.stream().anyMatch(s -> s.kind().equals("REVIEW"))
                || (!steps.isEmpty() && steps.getLast().kind().equals("REVIEW"));

        String stage = switch (c.status()) {
            case CORRECTION_REQUIRED, REJECTED, ACCEPTED, SUSPENDED, ARCHIVED -> c.status().name();
            case PROCESSING -> inReview ? "REVIEW" : "PROCESSING";
            case COMPLETED -> "REFUSED".equals(c.result()) ? "COMPLETED_REFUSED" : "COMPLETED_APPROVED";
        };
        String stageText = switch (stage) {
            case "PROCESSING" -> {
                Set<String> departments = new LinkedHashSet<>();
                open.stream().filter(s -> (s.kind().equals("HANDLE") || s.kind().equals("OPINION")) && s.departmentId() != null)
                        .forEach(s -> departments.add(departmentName(s.departmentId())));
                if (departments.isEmpty()) {
                    departments.add(departmentName(c.departmentId()));
                }
                yield text("cases.public.stage.PROCESSING", locale, String.join("、", departments));
            }
            case "SUSPENDED" -> {
                String reason = jdbc.sql("""
                        select reason from cas_suspension where case_id = :id and ended_at is null
                        order by started_at desc, id desc""").param("id", c.id()).query(String.class).optional()
                        .map(r -> text("cases.public.suspension." + r, locale)).orElse(text("cases.public.suspension.other", locale));
                yield text("cases.public.stage.SUSPENDED", locale, reason);
            }
            default -> text("cases.public.stage." + stage, locale);
        };

        // 电子监察 (CASE-5): the scan's level, or overdue at once when the due date has passed and the clock runs
        String deadline = "NONE";
        if (c.status().open() && c.dueDate() != null) {
            if (c.warningLevel() == WarningLevel.RED || (c.status().clockRuns() && c.dueDate().isBefore(today))) {
                deadline = "OVERDUE";
            } else if (c.warningLevel() == WarningLevel.YELLOW) {
                deadline = "DUE_SOON";
            }
        }

        List<String> toSupply = List.of();
        LocalDate supplyBy = null;
        if (c.status() == CaseStatus.CORRECTION_REQUIRED) {
            toSupply = materials(c.id(), "'MISSING', 'WRONG'");
        } else if (c.status().open()) {
            toSupply = materials(c.id(), "'DEFERRED'");
            supplyBy = toSupply.isEmpty() ? null : c.pendingMaterialsDue();
        }

        List<ProgressView.Entry> timeline = new ArrayList<>();
        LocalDate receivedOn = c.receivedAt().atZone(zone).toLocalDate();
        boolean online = "ONLINE".equals(c.channel());
        if (online) {
            // the online submission is the receipt (行政许可法 第三十二条); the RECEIVE step is the staff's review
            timeline.add(new ProgressView.Entry("ONLINE_SUBMITTED", text("cases.public.step.SUBMITTED", locale),
                    receivedOn, null, false));
        }
        for (StepRow s : steps) {
            String kind = online && s.kind().equals("RECEIVE") ? "RECEIVE.ONLINE" : s.kind();
            timeline.add(new ProgressView.Entry(s.kind(), stepText(kind, locale), s.createdAt().atZone(zone).toLocalDate(),
                    s.departmentId() == null ? null : departmentName(s.departmentId()), s.open()));
        }

        ProgressView.Handover handover = null;
        if (c.delivery() != null) {
            String window = c.delivery().equals("PICKUP") && c.windowId() != null
                    ? organization.window(c.windowId()).map(WindowInfo::number)
                            .map(n -> text("cases.public.handover.window", locale, n)).orElse(null)
                    : null;
            handover = new ProgressView.Handover(c.delivery(), text("cases.public.handover." + c.delivery(), locale),
                    window, c.delivery().equals("MAIL") ? c.trackingNumber() : null,
                    c.deliveredAt() == null ? null : c.deliveredAt().atZone(zone).toLocalDate());
        }

        return new ProgressView(c.number(), c.itemName(), centre.name(), departmentName(c.departmentId()), stage,
                stageText, receivedOn, c.acceptedAt() == null ? null : c.acceptedAt().atZone(zone).toLocalDate(),
                c.dueDate(), deadline, text("cases.public.deadline." + deadline, locale), c.status() == CaseStatus.SUSPENDED,
                c.completedAt() == null ? null : c.completedAt().atZone(zone).toLocalDate(), toSupply, supplyBy, timeline,
                publicMessages(c.centreId(), c.number(), c.owner(), zone), handover);
    }

    private record StepRow(String kind, @Nullable Long departmentId, boolean open, Instant createdAt) {
    }

    private List<String> materials(long caseId, String states) {
        // optional materials are never a reason for a correction notice nor promised under 容缺受理
        return jdbc.sql("select name from cas_material where case_id = :id and requirement <> 'OPTIONAL' and status in ("
                + states + ") order by id")
                .param("id", caseId).query(String.class).list();
    }

    /** The case's public messages, with any personal data of the applicant masked (SEC-2). */
    private List<ProgressView.PublicMessage> publicMessages(long centreId, String number, Owner owner, ZoneId zone) {
        List<Message> list = notifications.messages(Inbox.ofCase(number), properties.messages());
        return list.stream().filter(m -> m.centreId() == centreId)
                .map(m -> new ProgressView.PublicMessage(scrub(m.subject(), owner), scrub(m.body(), owner),
                        m.sentAt().atZone(zone).toOffsetDateTime()))
                .toList();
    }

    private static String scrub(String text, Owner owner) {
        String t = text;
        t = replace(t, owner.idNumber(), Masking.idNumber(owner.idNumber()));
        t = replace(t, owner.creditCode(), Masking.idNumber(owner.creditCode()));
        t = replace(t, owner.mobile(), Masking.mobile(owner.mobile()));
        t = replace(t, owner.name(), Masking.name(owner.name()));
        return t;
    }

    private static String replace(String text, @Nullable String secret, @Nullable String masked) {
        if (secret == null || secret.isBlank() || masked == null) {
            return text;
        }
        return text.replace(secret, masked);
    }

    private String departmentName(long departmentId) {
        return organization.department(departmentId).map(DepartmentInfo::name).orElse("");
    }

    private String stepText(String kind, Locale locale) {
        return messages.getMessage("cases.public.step." + kind, null,
                messages.getMessage("cases.public.step.other", null, kind, locale), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("number"), rs.getString("item_name"),
                rs.getLong("department_id"), nullableLong(rs, "window_id"), rs.getString("channel"),
                CaseStatus.valueOf(rs.getString("status")), instant(rs, "received_at"), instantOrNull(rs, "accepted_at"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("pending_materials_due", LocalDate.class),
                WarningLevel.valueOf(rs.getString("warning_level")), rs.getString("result"),
                instantOrNull(rs, "completed_at"), rs.getString("delivery"), rs.getString("tracking_number"),
                instantOrNull(rs, "delivered_at"), owner(rs));
    }

    private static ApplicationRow applicationRow(ResultSet rs, int n) throws SQLException {
        return new ApplicationRow(rs.getLong("centre_id"), rs.getString("number"), rs.getString("item_name"),
                rs.getLong("department_id"), rs.getString("status"), instant(rs, "submitted_at"), owner(rs));
    }

    private static Owner owner(ResultSet rs) throws SQLException {
        return new Owner(rs.getString("applicant_name"), rs.getString("applicant_mobile"),
                rs.getString("applicant_id_number"), rs.getString("applicant_credit_code"));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
