package org.openhall.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.Post;
import org.openhall.organization.WindowData;
import org.openhall.organization.WindowType;
import org.openhall.security.AuditTrail;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ORG-3 windows, ORG-4a their A and B posts, ORG-5 the history of who held each post (轮岗).
 * Every change of a holder closes the old term and opens a new one with its reason.
 */
@Service
public class Windows {

    /** The longest reason of a change of post holders (column org_window_post.reason). */
    public static final int MAX_REASON = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrgAccess access;
    private final Checks checks;
    private final Centres centres;
    private final Departments departments;
    private final StaffRegistry staff;
    private final CurrentUsers users;

    Windows(JdbcClient jdbc, Clock clock, AuditTrail audit, OrgAccess access, Checks checks, Centres centres,
            Departments departments, StaffRegistry staff, CurrentUsers users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.checks = checks;
        this.centres = centres;
        this.departments = departments;
        this.staff = staff;
        this.users = users;
    }

    static ServiceWindow map(ResultSet rs, int n) throws SQLException {
        return new ServiceWindow(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("department_id"),
                rs.getString("number"), rs.getString("name"), WindowType.valueOf(rs.getString("type")),
                rs.getString("location"), Text.lines(rs.getString("services")), rs.getLong("post_a_staff_id"),
                rs.getLong("post_b_staff_id"), rs.getBoolean("active"));
    }

    /** A line of the window list, with the department and the A/B holders' names. */
    public record Listed(ServiceWindow window, String departmentName, String postAName, String postANumber,
            String postBName, String postBNumber) {
    }

    private static final String LISTED = """
            select w.*, d.name as department_name, a.name as a_name, a.staff_number as a_number,
                   b.name as b_name, b.staff_number as b_number
            from org_window w join org_department d on d.id = w.department_id
                 join org_staff a on a.id = w.post_a_staff_id join org_staff b on b.id = w.post_b_staff_id""";

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(map(rs, n), rs.getString("department_name"), rs.getString("a_name"), rs.getString("a_number"),
                rs.getString("b_name"), rs.getString("b_number"));
    }

    /** Windows sorted by number: numeric numbers first in numeric order. */
    private static final String ORDER = " order by length(w.number), w.number";

    /** The windows of a centre; everyone of the centre sees them (including WINDOW_STAFF). */
    public List<Listed> list(long centreId, @Nullable Long departmentId, boolean includeInactive) {
        access.checkSeeCentre(centreId);
        String sql = LISTED + " where w.centre_id = :c" + (departmentId == null ? "" : " and w.department_id = :d")
                + (includeInactive ? "" : " and w.active = true") + ORDER;
        var spec = jdbc.sql(sql).param("c", centreId);
        if (departmentId != null) {
            spec = spec.param("d", departmentId);
        }
        return spec.query(Windows::listed).list();
    }

    public Optional<Listed> findListed(long id) {
        return jdbc.sql(LISTED + " where w.id = :id").param("id", id).query(Windows::listed).optional();
    }

    public Listed get(long id) {
        Listed l = findListed(id).orElseThrow(() -> DomainException.notFound("org.window.notFound", id));
        access.checkSeeCentre(l.window().centreId());
        return l;
    }

    public Optional<ServiceWindow> find(long id) {
        return jdbc.sql("select * from org_window where id = :id").param("id", id).query(Windows::map).optional();
    }

    public List<Listed> ofCentre(long centreId) {
        return jdbc.sql(LISTED + " where w.centre_id = :c and w.active = true" + ORDER).param("c", centreId)
                .query(Windows::listed).list();
    }

    public Optional<Listed> byNumber(long centreId, String number) {
        return jdbc.sql(LISTED + " where w.centre_id = :c and w.number = :n").param("c", centreId).param("n", number)
                .query(Windows::listed).optional();
    }

    public List<Listed> ofStaff(long staffId) {
        return jdbc.sql(LISTED + " where w.active = true and (w.post_a_staff_id = :s or w.post_b_staff_id = :s)" + ORDER)
                .param("s", staffId).query(Windows::listed).list();
    }

    public boolean canManage(long centreId) {
        return access.canManageCentre(centreId);
    }

    @Transactional
    public long create(WindowData data) {
        checks.validate(data);
        Department dept = department(data.departmentId(), null);
        access.checkManageCentre(dept.centreId());
        String number = data.number().strip();
        checkNumberFree(dept.centreId(), number, null);
        checkPosts(dept.centreId(), data.postAStaffId(), data.postBStaffId());
        LocalDate since = data.postsSince() != null ? data.postsSince() : today(dept.centreId());
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into org_window (centre_id, department_id, number, name, type, location, services,
                                            post_a_staff_id, post_b_staff_id, active, created_at, updated_at)
                    values (:c, :d, :num, :name, :type, :loc, :svc, :a, :b, true, :t, :t)""")
                    .param("c", dept.centreId()).param("d", dept.id()).param("num", number).param("name", data.name().strip())
                    .param("type", data.type().name()).param("loc", Text.blankToNull(data.location()))
                    .param("svc", services(data.services())).param("a", data.postAStaffId()).param("b", data.postBStaffId())
                    .param("t", now).update(keys, "id");
        } catch (DuplicateKeyException e) {
            // a concurrent create took the number after the check above (unique constraint org_window_number_uk)
            throw numberTaken(number);
        }
        long id = Keys.id(keys);
        openTerm(dept.centreId(), id, data.postAStaffId(), Post.A, since, "org.rotation.reason.created");
        openTerm(dept.centreId(), id, data.postBStaffId(), Post.B, since, "org.rotation.reason.created");
        audit.record(dept.centreId(), "ServiceWindow", Long.toString(id), "CREATE", null, find(id).orElseThrow());
        return id;
    }

    /**
     * Changes a window. A change of the A or B holder here is recorded in the post history with
     * {@code reason} (or "window edited" when blank); deactivating a window ends its current terms.
     */
    @Transactional
    public void update(long id, WindowData data, boolean active, @Nullable String reason) {
        ServiceWindow before = get(id).window();
        access.checkManageCentre(before.centreId());
        checks.validate(data);
        Department dept = department(data.departmentId(), before.centreId());
        String number = data.number().strip();
        checkNumberFree(before.centreId(), number, id);
        checkPosts(before.centreId(), data.postAStaffId(), data.postBStaffId());
        LocalDate today = today(before.centreId());
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw DomainException.invalid("reason", "Size", "reason", MAX_REASON, 0);
        }
        String why = reason == null || reason.isBlank() ? "org.rotation.reason.edited" : reason.strip();
        try {
            jdbc.sql("""
                    update org_window set department_id = :d, number = :num, name = :name, type = :type, location = :loc,
                           services = :svc, post_a_staff_id = :a, post_b_staff_id = :b, active = :active, updated_at = :t
                    where id = :id""")
                    .param("d", dept.id()).param("num", number).param("name", data.name().strip())
                    .param("type", data.type().name()).param("loc", Text.blankToNull(data.location()))
                    .param("svc", services(data.services())).param("a", data.postAStaffId()).param("b", data.postBStaffId())
                    .param("active", active).param("t", Timestamp.from(clock.instant())).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw numberTaken(number);
        }
        if (!active) {
            if (before.active()) {
                closeTerms(id, null, today);
            }
        } else if (!before.active()) {
            openTerm(before.centreId(), id, data.postAStaffId(), Post.A, today, why);
            openTerm(before.centreId(), id, data.postBStaffId(), Post.B, today, why);
        } else {
            changeHolder(before, Post.A, before.postAStaffId(), data.postAStaffId(), today, why);
            changeHolder(before, Post.B, before.postBStaffId(), data.postBStaffId(), today, why);
        }
        audit.record(before.centreId(), "ServiceWindow", Long.toString(id), "UPDATE", before, find(id).orElseThrow());
    }

    /** ORG-5 轮岗: new A and B holders from {@code effective} on, with a reason. */
    @Transactional
    public void rotate(long id, long postA, long postB, LocalDate effective, String reason) {
        ServiceWindow before = get(id).window();
        access.checkManageCentre(before.centreId());
        if (!before.active()) {
            throw DomainException.unprocessable("org.window.inactive");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "NotBlank", "reason");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw DomainException.invalid("reason", "Size", "reason", MAX_REASON, 1);
        }
        if (postA == before.postAStaffId() && postB == before.postBStaffId()) {
            throw DomainException.invalid("postAStaffId", "org.rotation.nothing");
        }
        checkPosts(before.centreId(), postA, postB);
        if (effective.isAfter(today(before.centreId()))) {
            throw DomainException.invalid("effective", "org.rotation.future");
        }
        for (PostTerm t : history(id)) {
            boolean changes = t.post() == Post.A ? postA != before.postAStaffId() : postB != before.postBStaffId();
            if (changes && t.current() && t.from().isAfter(effective)) {
                throw DomainException.invalid("effective", "org.rotation.beforeCurrent", t.from());
            }
        }
        jdbc.sql("update org_window set post_a_staff_id = :a, post_b_staff_id = :b, updated_at = :t where id = :id")
                .param("a", postA).param("b", postB).param("t", Timestamp.from(clock.instant())).param("id", id).update();
        changeHolder(before, Post.A, before.postAStaffId(), postA, effective, reason.strip());
        changeHolder(before, Post.B, before.postBStaffId(), postB, effective, reason.strip());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("postAStaffId", postA);
        after.put("postBStaffId", postB);
        after.put("effective", effective.toString());
        after.put("reason", reason.strip());
        audit.record(before.centreId(), "ServiceWindow", Long.toString(id), "ROTATE",
                Map.of("postAStaffId", before.postAStaffId(), "postBStaffId", before.postBStaffId()), after);
    }

    private static final String TERMS = """
            select p.*, w.number as window_number, w.name as window_name, s.staff_number, s.name as staff_name
            from org_window_post p join org_window w on w.id = p.window_id join org_staff s on s.id = p.staff_id""";

    private static PostTerm term(ResultSet rs, int n) throws SQLException {
        java.sql.Date to = rs.getDate("to_date");
        return new PostTerm(rs.getLong("id"), rs.getLong("window_id"), rs.getString("window_number"),
                rs.getString("window_name"), rs.getLong("staff_id"), rs.getString("staff_number"),
                rs.getString("staff_name"), Post.valueOf(rs.getString("post")), rs.getDate("from_date").toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getString("reason"), rs.getString("recorded_by"));
    }

    /** The post history of a window, newest first. */
    public List<PostTerm> history(long windowId) {
        return jdbc.sql(TERMS + " where p.window_id = :w order by p.from_date desc, p.post, p.id desc")
                .param("w", windowId).query(Windows::term).list();
    }

    /** The post history of a staff member, newest first. */
    public List<PostTerm> historyOfStaff(long staffId) {
        return jdbc.sql(TERMS + " where p.staff_id = :s order by p.from_date desc, p.id desc")
                .param("s", staffId).query(Windows::term).list();
    }

    private void changeHolder(ServiceWindow w, Post post, long oldHolder, long newHolder, LocalDate day, String reason) {
        if (oldHolder == newHolder) {
            return;
        }
        closeTerms(w.id(), post, day);
        openTerm(w.centreId(), w.id(), newHolder, post, day, reason);
    }

    private void closeTerms(long windowId, @Nullable Post post, LocalDate day) {
        jdbc.sql("update org_window_post set to_date = :d where window_id = :w and to_date is null"
                        + (post == null ? "" : " and post = :p"))
                .params(post == null ? Map.of("d", day, "w", windowId) : Map.of("d", day, "w", windowId, "p", post.name()))
                .update();
    }

    private void openTerm(long centreId, long windowId, long staffId, Post post, LocalDate from, String reason) {
        jdbc.sql("""
                insert into org_window_post (centre_id, window_id, staff_id, post, from_date, reason, recorded_at, recorded_by)
                values (:c, :w, :s, :p, :f, :r, :t, :by)""")
                .param("c", centreId).param("w", windowId).param("s", staffId).param("p", post.name()).param("f", from)
                .param("r", reason).param("t", Timestamp.from(clock.instant())).param("by", users.actorName()).update();
    }

    /** ORG-4a: both posts are held by active staff of the window's centre, and A is not B. */
    void checkPosts(long centreId, @Nullable Long a, @Nullable Long b) {
        if (a == null) {
            throw DomainException.invalid("postAStaffId", "NotNull", "postAStaffId");
        }
        if (b == null) {
            throw DomainException.invalid("postBStaffId", "NotNull", "postBStaffId");
        }
        if (a.equals(b)) {
            throw DomainException.invalid("postBStaffId", "org.window.post.same");
        }
        checkHolder(centreId, a, "postAStaffId");
        checkHolder(centreId, b, "postBStaffId");
    }

    private void checkHolder(long centreId, long staffId, String field) {
        Staff s = staff.find(staffId).orElseThrow(() -> DomainException.invalid(field, "org.staff.notFound", staffId));
        if (s.centreId() != centreId) {
            throw DomainException.invalid(field, "org.window.post.otherCentre");
        }
        if (!s.active()) {
            throw DomainException.invalid(field, "org.window.post.inactive");
        }
    }

    private Department department(long departmentId, @Nullable Long centreId) {
        Department d = departments.find(departmentId)
                .filter(x -> centreId == null || x.centreId() == centreId)
                .orElseThrow(() -> DomainException.invalid("departmentId", "org.department.notFound", departmentId));
        if (!d.active()) {
            throw DomainException.invalid("departmentId", "org.department.inactive");
        }
        return d;
    }

    private void checkNumberFree(long centreId, String number, @Nullable Long self) {
        boolean taken = jdbc.sql("select count(*) from org_window where centre_id = :c and number = :n and id <> :self")
                .param("c", centreId).param("n", number).param("self", self == null ? -1L : self)
                .query(Long.class).single() > 0;
        if (taken) {
            throw numberTaken(number);
        }
    }

    private static DomainException numberTaken(String number) {
        return new DomainException(DomainException.Kind.CONFLICT, "number", "org.window.number.taken", number);
    }

    private LocalDate today(long centreId) {
        return clock.instant().atZone(centres.find(centreId).orElseThrow().zoneId()).toLocalDate();
    }

    private static @Nullable String services(@Nullable List<String> services) {
        if (services == null) {
            return null;
        }
        List<String> clean = services.stream().filter(java.util.Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return clean.isEmpty() ? null : String.join("\n", clean);
    }
}
