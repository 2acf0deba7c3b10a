package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.security.AuditTrail;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency drills (应急演练, DUTY-7; 政务服务中心值班管理制度 3.4: 定期组织值班人员进行岗前培训和应急演练): date, scenario,
 * participants, observations and improvements, recorded after the drill and corrected when needed (audited).
 */
@Service
@org.springframework.modulith.NamedInterface("leaders")
public class Drills {

    public record Drill(long id, long centreId, LocalDate day, String scenario, String participants,
            @Nullable String observations, @Nullable String improvements, Instant recordedAt, String recordedBy,
            int version) {
    }

    public record DrillData(@Nullable LocalDate day, @Nullable String scenario, @Nullable String participants,
            @Nullable String observations, @Nullable String improvements) {
    }

    static final Role[] KEEPERS = {Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.SUPERVISOR};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final DutyPageAccess access;

    Drills(JdbcClient jdbc, Clock clock, AuditTrail audit, DutyPageAccess access) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
    }

    public boolean mayKeep() {
        return access.hasAnyRole(KEEPERS);
    }

    @Transactional
    public Drill record(long centreId, DrillData d) {
        access.requireAnyRole(KEEPERS);
        access.requireCentre(centreId);
        Checked c = check(centreId, d);
        long id = DutyRows.insert(jdbc.sql("insert into duty_drill (centre_id, drill_day, scenario, participants, "
                        + "observations, improvements, recorded_at, recorded_by) values (:c, :d, :s, :p, :o, :i, :at, :by)")
                .param("c", centreId).param("d", c.day).param("s", c.scenario).param("p", c.participants)
                .param("o", c.observations).param("i", c.improvements).param("at", DutyRows.ts(clock.instant()))
                .param("by", access.actorName()));
        Drill saved = drill(centreId, id);
        audit.record(centreId, "DutyDrill", String.valueOf(id), "CREATE", null, state(saved));
        return saved;
    }

    @Transactional
    public Drill update(long centreId, long id, DrillData d) {
        access.requireAnyRole(KEEPERS);
        Drill before = drill(centreId, id);
        Checked c = check(centreId, d);
        jdbc.sql("update duty_drill set drill_day = :d, scenario = :s, participants = :p, observations = :o, "
                        + "improvements = :i, version = version + 1 where id = :id")
                .param("d", c.day).param("s", c.scenario).param("p", c.participants).param("o", c.observations)
                .param("i", c.improvements).param("id", id).update();
        Drill after = drill(centreId, id);
        audit.record(centreId, "DutyDrill", String.valueOf(id), "UPDATE", state(before), state(after));
        return after;
    }

    private record Checked(LocalDate day, String scenario, String participants, @Nullable String observations,
            @Nullable String improvements) {
    }

    private Checked check(long centreId, DrillData d) {
        if (d.day() == null) {
            throw DomainException.invalid("day", "duty.incident.drill.dayRequired");
        }
        if (d.day().isAfter(access.today(centreId))) {
            throw DomainException.invalid("day", "duty.incident.drill.future");
        }
        String scenario = Incidents.text(d.scenario(), "scenario", "duty.incident.drill.scenarioRequired", 500);
        String participants = Incidents.text(d.participants(), "participants",
                "duty.incident.drill.participantsRequired", 2000);
        return new Checked(d.day(), scenario, participants, optional(d.observations(), "observations"),
                optional(d.improvements(), "improvements"));
    }

    private static @Nullable String optional(@Nullable String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > 4000) {
            throw DomainException.invalid(field, "duty.leaders.textTooLong", "4000");
        }
        return t;
    }

    @Transactional(readOnly = true)
    public Drill drill(long centreId, long id) {
        access.requireCentre(centreId);
        return jdbc.sql("select * from duty_drill where id = :id and centre_id = :c").param("id", id).param("c", centreId)
                .query(Drills::map).optional().orElseThrow(() -> DomainException.notFound("duty.incident.drill.notFound"));
    }

    @Transactional(readOnly = true)
    public List<Drill> list(long centreId) {
        return jdbc.sql("select * from duty_drill where centre_id = :c order by drill_day desc, id desc")
                .param("c", centreId).query(Drills::map).list();
    }

    private static Drill map(ResultSet rs, int n) throws SQLException {
        return new Drill(rs.getLong("id"), rs.getLong("centre_id"), rs.getDate("drill_day").toLocalDate(),
                rs.getString("scenario"), rs.getString("participants"), rs.getString("observations"),
                rs.getString("improvements"), DutyRows.instant(rs, "recorded_at"), rs.getString("recorded_by"),
                rs.getInt("version"));
    }

    private static Map<String, Object> state(Drill d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", d.day().toString());
        m.put("scenario", d.scenario());
        m.put("participants", d.participants());
        if (d.observations() != null) {
            m.put("observations", d.observations());
        }
        if (d.improvements() != null) {
            m.put("improvements", d.improvements());
        }
        return m;
    }
}
