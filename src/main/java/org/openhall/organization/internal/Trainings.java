package org.openhall.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.TrainingCategory;
import org.openhall.organization.TrainingData;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ORG-4: training records (业务知识、服务技能、服务礼仪、情绪管理) with test scores. */
@Service
public class Trainings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrgAccess access;
    private final Checks checks;
    private final StaffRegistry staff;
    private final Centres centres;

    Trainings(JdbcClient jdbc, Clock clock, AuditTrail audit, OrgAccess access, Checks checks, StaffRegistry staff,
            Centres centres) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.checks = checks;
        this.staff = staff;
        this.centres = centres;
    }

    private static Training map(ResultSet rs, int n) throws SQLException {
        return new Training(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("staff_id"), rs.getString("staff_number"),
                rs.getString("staff_name"), rs.getLong("department_id"), rs.getString("department_name"),
                TrainingCategory.valueOf(rs.getString("category")), rs.getString("title"),
                rs.getDate("training_date").toLocalDate(), rs.getBigDecimal("hours"), rs.getObject("score", Integer.class),
                rs.getString("trainer"));
    }

    /** The filter of the training list. */
    public record Filter(long centreId, @Nullable Long departmentId, @Nullable Long staffId,
            @Nullable TrainingCategory category, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    /** Training records the current user may see (a DEPT_HEAD: their department only), newest first. */
    public List<Training> list(Filter f) {
        access.checkSeeCentre(f.centreId());
        if (!access.seesStaff()) {
            throw new org.springframework.security.access.AccessDeniedException("no staff access");
        }
        Long dept = f.departmentId();
        Long limit = access.departmentLimit();
        if (limit != null) {
            if (dept != null && !dept.equals(limit)) {
                throw new org.springframework.security.access.AccessDeniedException("other department");
            }
            dept = limit;
        }
        StringBuilder sql = new StringBuilder("""
                select t.*, s.staff_number, s.name as staff_name, d.name as department_name
                from org_training t join org_staff s on s.id = t.staff_id join org_department d on d.id = t.department_id
                where t.centre_id = :c and t.active = true""");
        Map<String, Object> p = new HashMap<>();
        p.put("c", f.centreId());
        if (dept != null) {
            sql.append(" and t.department_id = :d");
            p.put("d", dept);
        }
        if (f.staffId() != null) {
            sql.append(" and t.staff_id = :s");
            p.put("s", f.staffId());
        }
        if (f.category() != null) {
            sql.append(" and t.category = :cat");
            p.put("cat", f.category().name());
        }
        if (f.from() != null) {
            sql.append(" and t.training_date >= :from");
            p.put("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" and t.training_date <= :to");
            p.put("to", f.to());
        }
        sql.append(" order by t.training_date desc, s.staff_number");
        return jdbc.sql(sql.toString()).params(p).query(Trainings::map).list();
    }

    /** The training of one staff member (data scope checked), newest first. */
    public List<Training> ofStaff(long staffId) {
        Staff s = staff.get(staffId);
        return list(new Filter(s.centreId(), null, staffId, null, null, null));
    }

    @Transactional
    public long record(TrainingData data) {
        checks.validate(data);
        Staff s = staff.find(data.staffId())
                .orElseThrow(() -> DomainException.invalid("staffId", "org.staff.notFound", data.staffId()));
        access.checkManageStaff(s.centreId(), s.departmentId());
        LocalDate today = clock.instant().atZone(centres.find(s.centreId()).orElseThrow().zoneId()).toLocalDate();
        if (data.date().isAfter(today)) {
            throw DomainException.invalid("date", "org.training.future");
        }
        if (data.hours().scale() > 1) {
            throw DomainException.invalid("hours", "org.training.hours.scale");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into org_training (centre_id, staff_id, department_id, category, title, training_date, hours, score,
                                          trainer, active, created_at)
                values (:c, :s, :d, :cat, :title, :date, :hours, :score, :trainer, true, :t)""")
                .param("c", s.centreId()).param("s", s.id()).param("d", s.departmentId()).param("cat", data.category().name())
                .param("title", data.title().strip()).param("date", data.date()).param("hours", data.hours())
                .param("score", data.score()).param("trainer", Text.blankToNull(data.trainer()))
                .param("t", Timestamp.from(clock.instant())).update(keys, "id");
        long id = Keys.id(keys);
        audit.record(s.centreId(), "Training", Long.toString(id), "CREATE", null, data);
        return id;
    }
}
