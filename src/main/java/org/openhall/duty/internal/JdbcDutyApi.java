package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.openhall.duty.DutyApi;
import org.openhall.duty.DutyAssignment;
import org.openhall.duty.DutyRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DutyApi} on the published rosters ({@code duty_roster.status = 'PUBLISHED'}): duties not taken off the day
 * ({@code removed_at}) and not covered by a later published roster ({@code superseded_by_roster_id}).
 */
@Service
@Transactional(readOnly = true)
class JdbcDutyApi implements DutyApi {

    private final JdbcClient jdbc;

    JdbcDutyApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DutyAssignment> onDuty(long centreId, LocalDate day) {
        return onDuty(centreId, day, day);
    }

    @Override
    public List<DutyAssignment> onDuty(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql("select a.* from duty_assignment a join duty_roster r on r.id = a.roster_id "
                        + "where r.status = 'PUBLISHED' and a.centre_id = ? and a.duty_day between ? and ? "
                        + "and a.removed_at is null and a.superseded_by_roster_id is null "
                        + "order by a.duty_day, a.duty_role, a.id")
                .params(centreId, from, to).query(JdbcDutyApi::map).list();
    }

    static DutyAssignment map(ResultSet rs, int n) throws SQLException {
        long dept = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : dept;
        long served = rs.getLong("served_by_staff_id");
        Long servedBy = rs.wasNull() ? null : served;
        return new DutyAssignment(rs.getLong("id"), rs.getLong("roster_id"), rs.getLong("centre_id"),
                rs.getDate("duty_day").toLocalDate(), DutyRole.valueOf(rs.getString("duty_role")),
                rs.getLong("staff_id"), department, servedBy);
    }
}
