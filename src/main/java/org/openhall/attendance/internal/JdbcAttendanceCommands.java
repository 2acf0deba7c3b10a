package org.openhall.attendance.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.openhall.attendance.AttendanceCommands;
import org.openhall.attendance.AttendanceFindingRecorded;
import org.openhall.attendance.FindingData;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.AuditTrail;
import org.openhall.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link AttendanceCommands} on {@code att_duty_hours} and {@code att_finding}; validated and audited. */
@Service
@Transactional
class JdbcAttendanceCommands implements AttendanceCommands {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final OrganizationApi org;
    private final ApplicationEventPublisher events;

    JdbcAttendanceCommands(JdbcClient jdbc, Clock clock, AuditTrail audit, OrganizationApi org,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.org = org;
        this.events = events;
    }

    @Override
    public void setDutyHours(long centreId, long staffId, LocalDate day, LocalTime start, LocalTime end, String source,
            String actor) {
        staffOfCentre(centreId, staffId);
        if (!end.isAfter(start)) {
            throw DomainException.invalid("end", "att.duty-hours.end-before-start");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update att_duty_hours set start_time = ?, end_time = ?, active = true, updated_at = ?, "
                        + "updated_by = ? where staff_id = ? and work_day = ? and source = ?")
                .params(Time.valueOf(start), Time.valueOf(end), now, actor, staffId, day, source).update();
        if (updated == 0) {
            jdbc.sql("insert into att_duty_hours (centre_id, staff_id, work_day, start_time, end_time, source, active, "
                            + "updated_at, updated_by) values (?, ?, ?, ?, ?, ?, true, ?, ?)")
                    .params(centreId, staffId, day, Time.valueOf(start), Time.valueOf(end), source, now, actor).update();
        }
        audit.record(centreId, "DutyHours", staffId + ":" + day + ":" + source, "SET", null,
                Map.of("start", start.toString(), "end", end.toString()));
    }

    @Override
    public void clearDutyHours(long centreId, long staffId, LocalDate day, String source, String actor) {
        int updated = jdbc.sql("update att_duty_hours set active = false, updated_at = ?, updated_by = ? "
                        + "where centre_id = ? and staff_id = ? and work_day = ? and source = ? and active")
                .params(Timestamp.from(clock.instant()), actor, centreId, staffId, day, source).update();
        if (updated > 0) {
            audit.record(centreId, "DutyHours", staffId + ":" + day + ":" + source, "CLEAR", null, null);
        }
    }

    @Override
    public long recordFinding(FindingData f, String actor) {
        var centre = org.centre(f.centreId()).orElseThrow(() -> DomainException.notFound("att.centre.not-found"));
        staffOfCentre(f.centreId(), f.staffId());
        if (f.rule().isBlank() || f.clause().isBlank()) {
            throw DomainException.invalid("rule", "att.finding.rule-required");
        }
        LocalDate day = f.observedAt().atZone(centre.zone()).toLocalDate();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into att_finding (centre_id, staff_id, window_id, kind, observed_at, work_day, rule_code, clause, "
                        + "note, source, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.centreId(), f.staffId(), f.windowId(), f.kind().name(), Timestamp.from(f.observedAt()), day,
                        f.rule(), f.clause(), f.note(), f.source(), Timestamp.from(clock.instant()), actor)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record(f.centreId(), "AttendanceFinding", Long.toString(id), "CREATE", null, f);
        events.publishEvent(new AttendanceFindingRecorded(id, f.centreId(), f.staffId(), f.windowId(), f.kind(),
                f.observedAt(), f.rule(), f.clause()));
        return id;
    }

    private void staffOfCentre(long centreId, long staffId) {
        var staff = org.staff(staffId).orElseThrow(() -> DomainException.notFound("att.staff.not-found"));
        if (staff.centreId() != centreId) {
            throw DomainException.notFound("att.staff.not-found");
        }
    }
}
