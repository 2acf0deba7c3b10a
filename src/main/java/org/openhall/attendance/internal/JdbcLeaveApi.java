package org.openhall.attendance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.openhall.attendance.ApprovedLeave;
import org.openhall.attendance.LeaveApi;
import org.openhall.attendance.LeaveType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link LeaveApi} on {@code att_leave_request}: only APPROVED requests count (ATT-2). */
@Service
@Transactional(readOnly = true)
class JdbcLeaveApi implements LeaveApi {

    private static final String APPROVED = "select * from att_leave_request where status = 'APPROVED' ";

    private final JdbcClient jdbc;

    JdbcLeaveApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ApprovedLeave> approvedLeave(long centreId, LocalDate from, LocalDate to) {
        return jdbc.sql(APPROVED + "and centre_id = ? and start_at < ? and end_at > ? order by start_at, id")
                .params(centreId, Timestamp.valueOf(to.plusDays(1).atStartOfDay()), Timestamp.valueOf(from.atStartOfDay()))
                .query(JdbcLeaveApi::map).list();
    }

    @Override
    public List<ApprovedLeave> approvedLeaveOf(long staffId, LocalDate from, LocalDate to) {
        return jdbc.sql(APPROVED + "and staff_id = ? and start_at < ? and end_at > ? order by start_at, id")
                .params(staffId, Timestamp.valueOf(to.plusDays(1).atStartOfDay()), Timestamp.valueOf(from.atStartOfDay()))
                .query(JdbcLeaveApi::map).list();
    }

    @Override
    public boolean isOnLeave(long staffId, LocalDateTime at) {
        Timestamp t = Timestamp.valueOf(at);
        return jdbc.sql("select count(*) from att_leave_request where status = 'APPROVED' and staff_id = ? "
                + "and start_at <= ? and end_at > ?").params(staffId, t, t).query(Long.class).single() > 0;
    }

    static ApprovedLeave map(ResultSet rs, int n) throws SQLException {
        long standIn = rs.getLong("stand_in_staff_id");
        return new ApprovedLeave(rs.getLong("id"), rs.getLong("centre_id"), rs.getLong("staff_id"),
                LeaveType.valueOf(rs.getString("leave_type")), rs.getTimestamp("start_at").toLocalDateTime(),
                rs.getTimestamp("end_at").toLocalDateTime(), rs.wasNull() ? null : standIn);
    }
}
