package org.openhall.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.openhall.organization.DepartmentData;
import org.openhall.organization.DepartmentKind;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ORG-1: departments and stationed units (派驻单位) of a centre. */
@Service
public class Departments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrgAccess access;
    private final Checks checks;
    private final Centres centres;

    Departments(JdbcClient jdbc, Clock clock, AuditTrail audit, OrgAccess access, Checks checks, Centres centres) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.checks = checks;
        this.centres = centres;
    }

    static Department map(ResultSet rs, int n) throws SQLException {
        return new Department(rs.getLong("id"), rs.getLong("centre_id"), rs.getString("code"), rs.getString("name"),
                DepartmentKind.valueOf(rs.getString("kind")), rs.getString("head_name"), rs.getString("phone"),
                rs.getInt("duty_order"), rs.getBoolean("active"));
    }

    /** The departments of a centre in duty order, without data scope (for the read API). */
    public List<Department> ofCentre(long centreId, boolean includeInactive) {
        return jdbc.sql("select * from org_department where centre_id = :c" + (includeInactive ? "" : " and active = true")
                + " order by duty_order, code").param("c", centreId).query(Departments::map).list();
    }

    /** The departments of a centre the current user may list (all users of the centre see every department). */
    public List<Department> visible(long centreId, boolean includeInactive) {
        access.checkSeeCentre(centreId);
        return ofCentre(centreId, includeInactive);
    }

    public Optional<Department> find(long id) {
        return jdbc.sql("select * from org_department where id = :id").param("id", id).query(Departments::map).optional();
    }

    public Department get(long id) {
        Department d = find(id).orElseThrow(() -> DomainException.notFound("org.department.notFound", id));
        access.checkSeeCentre(d.centreId());
        return d;
    }

    @Transactional
    public long create(DepartmentData data) {
        checks.validate(data);
        Centre centre = centres.get(data.centreId());
        access.checkManageCentre(centre.id());
        checkCodeFree(centre.id(), data.code(), null);
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into org_department (centre_id, code, name, kind, head_name, phone, duty_order, active, created_at, updated_at)
                    values (:c, :code, :name, :kind, :head, :phone, :ord, true, :t, :t)""")
                    .param("c", centre.id()).param("code", data.code().strip()).param("name", data.name().strip())
                    .param("kind", data.kind().name()).param("head", Text.blankToNull(data.headName()))
                    .param("phone", Text.blankToNull(data.phone())).param("ord", data.dutyOrder()).param("t", now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // a concurrent create took the code after the check above (unique constraint org_department_code_uk)
            throw codeTaken(data.code());
        }
        long id = Keys.id(keys);
        audit.record(centre.id(), "Department", Long.toString(id), "CREATE", null, find(id).orElseThrow());
        return id;
    }

    @Transactional
    public void update(long id, DepartmentData data, boolean active) {
        Department before = get(id);
        access.checkManageCentre(before.centreId());
        checks.validate(new DepartmentData(before.centreId(), data.code(), data.name(), data.kind(), data.headName(),
                data.phone(), data.dutyOrder()));
        checkCodeFree(before.centreId(), data.code(), id);
        if (before.active() && !active) {
            long staff = jdbc.sql("select count(*) from org_staff where department_id = :d and active = true")
                    .param("d", id).query(Long.class).single();
            long windows = jdbc.sql("select count(*) from org_window where department_id = :d and active = true")
                    .param("d", id).query(Long.class).single();
            if (staff + windows > 0) {
                throw DomainException.invalid("active", "org.department.stillInUse", staff, windows);
            }
        }
        try {
            jdbc.sql("""
                    update org_department set code = :code, name = :name, kind = :kind, head_name = :head, phone = :phone,
                           duty_order = :ord, active = :active, updated_at = :t where id = :id""")
                    .param("code", data.code().strip()).param("name", data.name().strip()).param("kind", data.kind().name())
                    .param("head", Text.blankToNull(data.headName())).param("phone", Text.blankToNull(data.phone()))
                    .param("ord", data.dutyOrder()).param("active", active).param("t", Timestamp.from(clock.instant()))
                    .param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw codeTaken(data.code());
        }
        audit.record(before.centreId(), "Department", Long.toString(id), "UPDATE", before, find(id).orElseThrow());
    }

    private void checkCodeFree(long centreId, String code, @org.jspecify.annotations.Nullable Long self) {
        boolean taken = jdbc.sql("select count(*) from org_department where centre_id = :c and code = :code and id <> :self")
                .param("c", centreId).param("code", code.strip()).param("self", self == null ? -1L : self)
                .query(Long.class).single() > 0;
        if (taken) {
            throw codeTaken(code);
        }
    }

    private static DomainException codeTaken(String code) {
        return new DomainException(DomainException.Kind.CONFLICT, "code", "org.department.code.taken", code);
    }
}
