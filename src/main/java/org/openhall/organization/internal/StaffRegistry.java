package org.openhall.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.EmploymentType;
import org.openhall.organization.Gender;
import org.openhall.organization.StaffData;
import org.openhall.security.AuditTrail;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.ChineseIdNumber;
import org.openhall.shared.DomainException;
import org.openhall.shared.MobileNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ORG-2: staff records, their photos and their login accounts, within the data scope (SEC-1). */
@Service
public class StaffRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrgAccess access;
    private final Checks checks;
    private final Departments departments;
    private final UserAccounts accounts;
    private final PhotoCheck photoCheck;

    StaffRegistry(JdbcClient jdbc, Clock clock, AuditTrail audit, OrgAccess access, Checks checks, Departments departments,
            UserAccounts accounts, PhotoCheck photoCheck) {
        this.photoCheck = photoCheck;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.checks = checks;
        this.departments = departments;
        this.accounts = accounts;
    }

    static Staff map(ResultSet rs, int n) throws SQLException {
        return new Staff(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("department_id"), rs.getString("staff_number"),
                rs.getString("name"), Gender.valueOf(rs.getString("gender")), rs.getString("id_number"),
                rs.getString("mobile"), rs.getString("position"), rs.getString("duties"),
                EmploymentType.valueOf(rs.getString("employment_type")), rs.getObject("photo_id", Long.class),
                rs.getBoolean("public_profile"), rs.getBoolean("active"));
    }

    /** A line of the staff list. */
    public record Listed(Staff staff, String departmentName) {
    }

    /** The filter of the staff list. */
    public record Filter(long centreId, @Nullable Long departmentId, @Nullable String query, boolean includeInactive) {
    }

    /** The staff the current user may see: a DEPT_HEAD only their department. */
    public List<Listed> list(Filter f) {
        access.checkSeeCentre(f.centreId());
        if (!access.seesStaff()) {
            throw new org.springframework.security.access.AccessDeniedException("no staff access");
        }
        Long limit = access.departmentLimit();
        Long dept = f.departmentId();
        if (limit != null) {
            if (dept != null && !dept.equals(limit)) {
                throw new org.springframework.security.access.AccessDeniedException("other department");
            }
            dept = limit;
        }
        StringBuilder sql = new StringBuilder("""
                select s.*, d.name as department_name from org_staff s join org_department d on d.id = s.department_id
                where s.centre_id = :c""");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("c", f.centreId());
        if (dept != null) {
            sql.append(" and s.department_id = :d");
            params.put("d", dept);
        }
        if (!f.includeInactive()) {
            sql.append(" and s.active = true");
        }
        String q = Text.blankToNull(f.query());
        if (q != null) {
            sql.append(" and (lower(s.name) like :q or lower(s.staff_number) like :q or lower(coalesce(s.position, '')) like :q)");
            params.put("q", "%" + q.toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        sql.append(" order by d.duty_order, s.staff_number");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Listed(map(rs, n), rs.getString("department_name"))).list();
    }

    /** Without data scope, for the read API of other modules. */
    public Optional<Staff> find(long id) {
        return jdbc.sql("select * from org_staff where id = :id").param("id", id).query(StaffRegistry::map).optional();
    }

    public List<Staff> ofCentre(long centreId) {
        return jdbc.sql("select * from org_staff where centre_id = :c and active = true order by staff_number")
                .param("c", centreId).query(StaffRegistry::map).list();
    }

    public List<Staff> ofDepartment(long departmentId) {
        return jdbc.sql("select * from org_staff where department_id = :d and active = true order by staff_number")
                .param("d", departmentId).query(StaffRegistry::map).list();
    }

    /** The staff member, checked against the data scope (403 outside it). */
    public Staff get(long id) {
        Staff s = find(id).orElseThrow(() -> DomainException.notFound("org.staff.notFound", id));
        access.checkSeeStaff(s.centreId(), s.departmentId());
        return s;
    }

    /**
     * SEC-2: the full ID number for the detail page of ADMIN and the centre office; the read is audited.
     * Everyone else gets the masked number.
     */
    @Transactional
    public @Nullable String idNumberFor(Staff s) {
        if (s.idNumber() == null || !access.seesFullIdNumber(s.centreId())) {
            return s.maskedIdNumber();
        }
        audit.record(s.centreId(), "Staff", Long.toString(s.id()), "READ_PERSONAL", null, Map.of("field", "idNumber"));
        return s.idNumber();
    }

    public boolean canManage(Staff s) {
        return access.canManageStaff(s.centreId(), s.departmentId());
    }

    /** Creates a staff member with a photo (checked by {@link PhotoCheck} before anything is written), all or nothing. */
    @Transactional
    public long create(StaffData data, PhotoCheck.@Nullable Checked photo) {
        long id = create(data);
        if (photo != null) {
            storePhoto(id, photo);
        }
        return id;
    }

    @Transactional
    public long create(StaffData data) {
        checks.validate(data);
        Department dept = departments.find(data.departmentId())
                .orElseThrow(() -> DomainException.invalid("departmentId", "org.department.notFound", data.departmentId()));
        access.checkManageStaff(dept.centreId(), dept.id());
        if (!dept.active()) {
            throw DomainException.invalid("departmentId", "org.department.inactive");
        }
        String number = data.staffNumber().strip();
        checkNumberFree(dept.centreId(), number, null);
        String idNumber = checkedIdNumber(data.idNumber(), data.gender());
        Set<Role> roles = data.wantsLogin() ? checkedLogin(data, dept) : Set.of();
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into org_staff (centre_id, department_id, staff_number, name, gender, id_number, mobile, position,
                                           duties, employment_type, public_profile, active, created_at, updated_at)
                    values (:c, :d, :num, :name, :g, :idn, :mob, :pos, :duties, :emp, :pub, true, :t, :t)""")
                    .param("c", dept.centreId()).param("d", dept.id()).param("num", number).param("name", data.name().strip())
                    .param("g", data.gender().name()).param("idn", idNumber)
                    .param("mob", data.mobile() == null || data.mobile().isBlank() ? null : MobileNumber.of(data.mobile()).value())
                    .param("pos", Text.blankToNull(data.position())).param("duties", Text.blankToNull(data.duties()))
                    .param("emp", data.employmentType().name()).param("pub", data.isPublic()).param("t", now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // a concurrent create took the number after the check above (unique constraint org_staff_number_uk)
            throw numberTaken(number);
        }
        long id = Keys.id(keys);
        Staff created = find(id).orElseThrow();
        audit.record(dept.centreId(), "Staff", Long.toString(id), "CREATE", null, created.auditState());
        if (data.wantsLogin()) {
            accounts.create(new UserAccounts.NewAccount(data.username().strip(), data.password(), created.name(), roles,
                    dept.centreId(), dept.id(), id));
        }
        return id;
    }

    /**
     * Changes a staff member. A blank ID number keeps the stored one (the form never shows it in full).
     * Only ADMIN and the centre office move staff between departments.
     */
    @Transactional
    public void update(long id, StaffData data, boolean active) {
        Staff before = get(id);
        access.checkManageStaff(before.centreId(), before.departmentId());
        checks.validate(data);
        Department dept = departments.find(data.departmentId())
                .filter(d -> d.centreId() == before.centreId())
                .orElseThrow(() -> DomainException.invalid("departmentId", "org.department.notFound", data.departmentId()));
        if (dept.id() != before.departmentId()) {
            if (!access.canManageCentre(before.centreId())) {
                throw DomainException.invalid("departmentId", "org.staff.move.forbidden");
            }
            if (!dept.active()) {
                throw DomainException.invalid("departmentId", "org.department.inactive");
            }
        }
        String number = data.staffNumber().strip();
        checkNumberFree(before.centreId(), number, id);
        String idNumber = data.idNumber() == null || data.idNumber().isBlank()
                ? before.idNumber() : checkedIdNumber(data.idNumber(), data.gender());
        if (idNumber != null) {
            checkGender(idNumber, data.gender());
        }
        if (before.active() && !active) {
            List<String> posts = postsHeld(id);
            if (!posts.isEmpty()) {
                throw DomainException.invalid("active", "org.staff.holdsPosts", String.join("、", posts));
            }
        }
        try {
            jdbc.sql("""
                    update org_staff set department_id = :d, staff_number = :num, name = :name, gender = :g, id_number = :idn,
                           mobile = :mob, position = :pos, duties = :duties, employment_type = :emp, public_profile = :pub,
                           active = :active, updated_at = :t where id = :id""")
                    .param("d", dept.id()).param("num", number).param("name", data.name().strip())
                    .param("g", data.gender().name()).param("idn", idNumber)
                    .param("mob", data.mobile() == null || data.mobile().isBlank() ? null : MobileNumber.of(data.mobile()).value())
                    .param("pos", Text.blankToNull(data.position())).param("duties", Text.blankToNull(data.duties()))
                    .param("emp", data.employmentType().name()).param("pub", data.isPublic()).param("active", active)
                    .param("t", Timestamp.from(clock.instant())).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw numberTaken(number);
        }
        audit.record(before.centreId(), "Staff", Long.toString(id), "UPDATE", before.auditState(),
                find(id).orElseThrow().auditState());
    }

    /** Changes a staff member and, when given, the photo (checked by {@link PhotoCheck}), all or nothing. */
    @Transactional
    public void update(long id, StaffData data, boolean active, PhotoCheck.@Nullable Checked photo) {
        update(id, data, active);
        if (photo != null) {
            storePhoto(id, photo);
        }
    }

    /** Windows and posts the staff member holds now, e.g. {@code 3号窗口 A角}. */
    List<String> postsHeld(long staffId) {
        return jdbc.sql("""
                select number, case when post_a_staff_id = :s then 'A' else 'B' end as post from org_window
                where active = true and (post_a_staff_id = :s or post_b_staff_id = :s) order by number""")
                .param("s", staffId).query((rs, n) -> rs.getString("number") + "(" + rs.getString("post") + ")").list();
    }

    @Transactional
    public void uploadPhoto(long staffId, byte[] content) {
        Staff s = get(staffId);
        access.checkManageStaff(s.centreId(), s.departmentId());
        storePhoto(s, photoCheck.check(content));
    }

    private void storePhoto(long staffId, PhotoCheck.Checked photo) {
        Staff s = get(staffId);
        access.checkManageStaff(s.centreId(), s.departmentId());
        storePhoto(s, photo);
    }

    private void storePhoto(Staff s, PhotoCheck.Checked photo) {
        PhotoCheck.Image img = photo.image();
        byte[] content = photo.content();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_staff_photo (centre_id, staff_id, content_type, width, height, byte_size, content, uploaded_at)
                values (:c, :s, :ct, :w, :h, :size, :content, :t)""")
                .param("c", s.centreId()).param("s", s.id()).param("ct", img.contentType()).param("w", img.width())
                .param("h", img.height()).param("size", content.length).param("content", content)
                .param("t", Timestamp.from(clock.instant())).update(keys, "id");
        long photoId = Keys.id(keys);
        jdbc.sql("update org_staff set photo_id = :p, updated_at = :t where id = :id")
                .param("p", photoId).param("t", Timestamp.from(clock.instant())).param("id", s.id()).update();
        audit.record(s.centreId(), "Staff", Long.toString(s.id()), "PHOTO", Map.of("photoId", String.valueOf(s.photoId())),
                Map.of("photoId", photoId, "contentType", img.contentType(), "bytes", content.length));
    }

    /** The current photo, without data scope (callers check it). */
    public Optional<Photo> photo(Staff s) {
        if (s.photoId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from org_staff_photo where id = :id").param("id", s.photoId())
                .query((rs, n) -> new Photo(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("content_type"),
                        rs.getInt("width"), rs.getInt("height"), rs.getBytes("content")))
                .optional();
    }

    /** 办事公开制: the staff of a centre who agreed to a public profile. Callers show no personal data. */
    public List<Staff> publicProfiles(long centreId) {
        return jdbc.sql("""
                select s.* from org_staff s join org_department d on d.id = s.department_id
                where s.centre_id = :c and s.active = true and s.public_profile = true order by d.duty_order, s.staff_number""")
                .param("c", centreId).query(StaffRegistry::map).list();
    }

    private void checkNumberFree(long centreId, String number, @Nullable Long self) {
        boolean taken = jdbc.sql("select count(*) from org_staff where centre_id = :c and staff_number = :n and id <> :self")
                .param("c", centreId).param("n", number).param("self", self == null ? -1L : self)
                .query(Long.class).single() > 0;
        if (taken) {
            throw numberTaken(number);
        }
    }

    private static DomainException numberTaken(String number) {
        return new DomainException(DomainException.Kind.CONFLICT, "staffNumber", "org.staff.number.taken", number);
    }

    private static @Nullable String checkedIdNumber(@Nullable String raw, Gender gender) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        ChineseIdNumber.validationError(raw).ifPresent(key -> {
            throw DomainException.invalid("idNumber", key);
        });
        String v = ChineseIdNumber.of(raw).value();
        checkGender(v, gender);
        return v;
    }

    /** GB 11643: the 17th digit is odd for men and even for women. */
    private static void checkGender(String idNumber, Gender gender) {
        boolean male = ChineseIdNumber.of(idNumber).male();
        if (male != (gender == Gender.MALE)) {
            throw DomainException.invalid("gender", "org.staff.gender.mismatch");
        }
    }

    private Set<Role> checkedLogin(StaffData data, Department dept) {
        String username = data.username().strip();
        if (data.password() == null || data.password().length() < 8) {
            throw DomainException.invalid("password", "org.staff.password.short");
        }
        if (data.roles() == null || data.roles().isEmpty()) {
            throw DomainException.invalid("roles", "org.staff.roles.empty");
        }
        Set<Role> roles = EnumSet.copyOf(data.roles());
        List<Role> refused = new ArrayList<>();
        for (Role r : roles) {
            if (!access.canGrant(r, dept.centreId(), dept.id())) {
                refused.add(r);
            }
        }
        if (!refused.isEmpty()) {
            throw DomainException.invalid("roles", "org.staff.roles.forbidden");
        }
        if (accounts.exists(username)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "username", "org.staff.username.taken", username);
        }
        return roles;
    }
}
