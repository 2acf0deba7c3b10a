package org.openhall.attendance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.StaffSummary;
import org.openhall.security.AuditTrail;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who decides leave above the unit head (ATT-2), as the centre office keeps it on the leave settings page
 * ({@code att_leave_leader}): the centre's principal leaders (主要领导, who approve leave over two days jointly) and the
 * deputy leader in charge of each department (分管领导). Every one of them is a staff member of the centre with an
 * enabled LEADER account, so that the leader signs in and finds the request in the queue.
 */
@org.springframework.modulith.NamedInterface("leave")
@Service
@Transactional
public class LeaveLeaders {

    /** The leaders of a centre: principal leaders' staff ids in order, and the deputy leader per department id. */
    public record Setup(List<Long> principals, Map<Long, Long> deputies) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final UserAccounts accounts;

    LeaveLeaders(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org, UserAccounts accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Setup setup(long centreId) {
        List<Long> principals = jdbc.sql("select staff_id from att_leave_leader where centre_id = ? and kind = 'PRINCIPAL' "
                + "and active order by id").param(centreId).query(Long.class).list();
        Map<Long, Long> deputies = new TreeMap<>();
        jdbc.sql("select department_id, staff_id from att_leave_leader where centre_id = ? and kind = 'DEPUTY' and active")
                .param(centreId).query((rs, n) -> deputies.put(rs.getLong(1), rs.getLong(2))).list();
        return new Setup(principals, deputies);
    }

    /** The deputy leader in charge of a department, if one is set. */
    @Transactional(readOnly = true)
    public Optional<Long> deputyOf(long centreId, long departmentId) {
        return Optional.ofNullable(setup(centreId).deputies().get(departmentId));
    }

    /** Staff of the centre with an enabled LEADER account: who may be made a principal or a deputy leader. */
    @Transactional(readOnly = true)
    public List<StaffSummary> candidates(long centreId) {
        Set<Long> ids = new LinkedHashSet<>();
        for (UserAccounts.Account a : accounts.listForCentre(centreId)) {
            if (a.roles().contains(Role.LEADER) && a.enabled() && a.staffId() != null) {
                ids.add(a.staffId());
            }
        }
        List<StaffSummary> staff = new ArrayList<>();
        for (long id : ids) {
            org.staff(id).filter(s -> s.active() && s.centreId() == centreId).ifPresent(staff::add);
        }
        staff.sort(Comparator.comparing(StaffSummary::staffNumber));
        return staff;
    }

    /**
     * Replaces the centre's leaders: rows no longer named become inactive, new ones are added. Every person must be a
     * {@link #candidates(long) candidate}, every department one of the centre's; at least one principal leader.
     */
    public Setup save(long centreId, List<Long> principals, Map<Long, Long> deputies, String actor) {
        Set<Long> allowed = new LinkedHashSet<>();
        candidates(centreId).forEach(s -> allowed.add(s.id()));
        List<Long> p = List.copyOf(new LinkedHashSet<>(principals));
        if (p.isEmpty()) {
            throw DomainException.invalid("principals", "att.leave.settings.principal-required");
        }
        for (long id : p) {
            if (!allowed.contains(id)) {
                throw DomainException.invalid("principals", "att.leave.settings.not-leader");
            }
        }
        Set<Long> departments = new LinkedHashSet<>();
        org.departments(centreId).forEach(d -> departments.add(d.id()));
        Map<Long, Long> d = new LinkedHashMap<>();
        deputies.forEach((dept, staff) -> {
            if (!departments.contains(dept)) {
                throw DomainException.invalid("deputies", "att.leave.settings.unknown-department");
            }
            if (!allowed.contains(staff)) {
                throw DomainException.invalid("deputies", "att.leave.settings.not-leader");
            }
            d.put(dept, staff);
        });
        // one writer at a time per centre: lock the centre's rows before comparing
        jdbc.sql("select id from att_leave_leader where centre_id = ? for update").param(centreId).query(Long.class).list();
        Setup before = setup(centreId);
        Timestamp now = Timestamp.from(clock.instant());
        for (long id : before.principals()) {
            if (!p.contains(id)) {
                jdbc.sql("update att_leave_leader set active = false, updated_at = ?, updated_by = ? where centre_id = ? "
                        + "and kind = 'PRINCIPAL' and staff_id = ? and active").params(now, actor, centreId, id).update();
            }
        }
        for (long id : p) {
            if (!before.principals().contains(id)) {
                jdbc.sql("insert into att_leave_leader (centre_id, kind, staff_id, department_id, active, updated_at, "
                        + "updated_by) values (?, 'PRINCIPAL', ?, null, true, ?, ?)").params(centreId, id, now, actor).update();
            }
        }
        for (var e : before.deputies().entrySet()) {
            if (!e.getValue().equals(d.get(e.getKey()))) {
                jdbc.sql("update att_leave_leader set active = false, updated_at = ?, updated_by = ? where centre_id = ? "
                        + "and kind = 'DEPUTY' and department_id = ? and active").params(now, actor, centreId, e.getKey())
                        .update();
            }
        }
        for (var e : d.entrySet()) {
            if (!e.getValue().equals(before.deputies().get(e.getKey()))) {
                jdbc.sql("insert into att_leave_leader (centre_id, kind, staff_id, department_id, active, updated_at, "
                        + "updated_by) values (?, 'DEPUTY', ?, ?, true, ?, ?)")
                        .params(centreId, e.getValue(), e.getKey(), now, actor).update();
            }
        }
        Setup after = setup(centreId);
        audit.record(centreId, "LeaveLeaders", Long.toString(centreId), "UPDATE", before, after);
        return after;
    }
}
