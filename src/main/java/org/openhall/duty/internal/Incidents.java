package org.openhall.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.IncidentEscalated;
import org.openhall.security.AuditTrail;
import org.openhall.security.Role;
import org.openhall.security.UserAccounts;
import org.openhall.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents (突发事件, DUTY-7): reported with kind, place, time, description and the people affected; escalated to the
 * leader on duty (the day's 带班 leader and the centre's leaders, told in-system after commit); handled with recorded
 * actions; closed with a summary. Every step is a row of {@code duty_incident_step} and an audit record.
 */
@Service
@org.springframework.modulith.NamedInterface("leaders")
public class Incidents {

    public record Step(long id, IncidentLifecycle.Step step, @Nullable IncidentStatus from, IncidentStatus to, Instant at,
            String actor, @Nullable String note) {
    }

    public record Incident(long id, long centreId, IncidentKind kind, String place, Instant occurredAt,
            String description, int peopleAffected, IncidentStatus status, Instant reportedAt, String reportedBy,
            @Nullable Instant escalatedAt, @Nullable String escalatedTo, @Nullable Instant closedAt,
            @Nullable String closedBy, @Nullable String summary, int version) {
    }

    /** What is reported. {@code occurredAt} is the centre's local time. */
    public record Report(@Nullable IncidentKind kind, @Nullable String place, @Nullable LocalDateTime occurredAt,
            @Nullable String description, @Nullable Integer peopleAffected) {
    }

    /** Roles that report, escalate and record actions: those on the hall floor and its leaders. */
    static final Role[] FLOOR = {Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD, Role.SUPERVISOR};
    /** Roles that close an incident: its leaders (政务大厅值班工作制度 三.1(2)) and the centre office. */
    static final Role[] CLOSERS = {Role.ADMIN, Role.CENTRE_OFFICE, Role.LEADER, Role.DEPT_HEAD};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final DutyPageAccess access;
    private final ShiftLeads shiftLeads;
    private final UserAccounts accounts;
    private final ApplicationEventPublisher events;

    Incidents(JdbcClient jdbc, Clock clock, AuditTrail audit, DutyPageAccess access, ShiftLeads shiftLeads,
            UserAccounts accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.shiftLeads = shiftLeads;
        this.accounts = accounts;
        this.events = events;
    }

    public boolean mayAct() {
        return access.hasAnyRole(FLOOR);
    }

    public boolean mayClose() {
        return access.hasAnyRole(CLOSERS);
    }

    @Transactional
    public Incident report(long centreId, Report r) {
        access.requireAnyRole(FLOOR);
        access.requireCentre(centreId);
        if (r.kind() == null) {
            throw DomainException.invalid("kind", "duty.incident.kindRequired");
        }
        String place = text(r.place(), "place", "duty.incident.placeRequired", 200);
        if (r.occurredAt() == null) {
            throw DomainException.invalid("occurredAt", "duty.incident.occurredRequired");
        }
        Instant now = clock.instant();
        Instant occurred = r.occurredAt().atZone(access.zone(centreId)).toInstant();
        if (occurred.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw DomainException.invalid("occurredAt", "duty.incident.occurredFuture");
        }
        String description = text(r.description(), "description", "duty.incident.descriptionRequired", 4000);
        int people = r.peopleAffected() == null ? 0 : r.peopleAffected();
        if (people < 0 || people > 100_000) {
            throw DomainException.invalid("peopleAffected", "duty.incident.peopleInvalid");
        }
        long id = DutyRows.insert(jdbc.sql("insert into duty_incident (centre_id, incident_kind, place, occurred_at, "
                        + "description, people_affected, status, reported_at, reported_by) "
                        + "values (:c, :k, :p, :o, :d, :n, 'REPORTED', :at, :by)")
                .param("c", centreId).param("k", r.kind().name()).param("p", place).param("o", DutyRows.ts(occurred))
                .param("d", description).param("n", people).param("at", DutyRows.ts(now)).param("by", access.actorName()));
        step(centreId, id, IncidentLifecycle.Step.REPORTED, null, IncidentStatus.REPORTED, now, null);
        Incident saved = byId(id);
        audit.record(centreId, "DutyIncident", String.valueOf(id), "REPORT", null, state(saved));
        return saved;
    }

    /**
     * Escalates to the leader on duty: the 带班 leader of the day and the centre's leaders (LEADER accounts with a
     * staff record), who get an in-system message after commit.
     */
    @Transactional
    public Incident escalate(long centreId, long id) {
        access.requireAnyRole(FLOOR);
        Incident i = incident(centreId, id);
        if (i.status() == IncidentStatus.CLOSED) {
            throw DomainException.conflict("duty.incident.escalate.closed");
        }
        IncidentStatus to = move(i, IncidentLifecycle.Step.ESCALATED);
        List<Long> leaders = leadersOnDuty(centreId);
        if (leaders.isEmpty()) {
            throw DomainException.unprocessable("duty.incident.escalate.noLeader");
        }
        String names = leaders.stream().map(access::staffName).collect(Collectors.joining("、"));
        Instant now = clock.instant();
        update(i, to, "escalated_at = :at, escalated_to = :x", Map.of("at", DutyRows.ts(now), "x", cut(names, 500)));
        step(centreId, id, IncidentLifecycle.Step.ESCALATED, i.status(), to, now, names);
        Incident after = byId(id);
        audit.record(centreId, "DutyIncident", String.valueOf(id), "ESCALATE", state(i), state(after));
        events.publishEvent(new IncidentEscalated(centreId, id, i.kind().name(), i.place(), i.occurredAt(), leaders));
        return after;
    }

    /** The staff an incident goes to: today's 带班 leader first, then the centre's leaders. */
    @Transactional(readOnly = true)
    public List<Long> leadersOnDuty(long centreId) {
        Set<Long> out = new LinkedHashSet<>();
        LocalDate today = access.today(centreId);
        shiftLeads.of(centreId, today).ifPresent(s -> out.add(s.leaderStaffId()));
        for (UserAccounts.Account a : accounts.listForCentre(centreId)) {
            if (a.enabled() && a.roles().contains(Role.LEADER) && a.staffId() != null) {
                out.add(a.staffId());
            }
        }
        return new ArrayList<>(out);
    }

    /** An action taken while handling (处置措施), with its time; the first one starts the handling. */
    @Transactional
    public Incident act(long centreId, long id, @Nullable String action) {
        access.requireAnyRole(FLOOR);
        Incident i = incident(centreId, id);
        String note = text(action, "action", "duty.incident.actionRequired", 4000);
        IncidentStatus to = move(i, IncidentLifecycle.Step.ACTION);
        Instant now = clock.instant();
        update(i, to, null, Map.of());
        step(centreId, id, IncidentLifecycle.Step.ACTION, i.status(), to, now, note);
        Incident after = byId(id);
        audit.record(centreId, "DutyIncident", String.valueOf(id), "ACTION", state(i),
                with(state(after), "action", note));
        return after;
    }

    /** Closes a handled incident with a summary (处置总结). */
    @Transactional
    public Incident close(long centreId, long id, @Nullable String summary) {
        access.requireAnyRole(CLOSERS);
        Incident i = incident(centreId, id);
        String s = text(summary, "summary", "duty.incident.summaryRequired", 4000);
        if (i.status() == IncidentStatus.CLOSED) {
            throw DomainException.conflict("duty.incident.close.closed");
        }
        if (i.status() != IncidentStatus.HANDLING) {
            throw DomainException.conflict("duty.incident.close.notHandled");
        }
        IncidentStatus to = move(i, IncidentLifecycle.Step.CLOSED);
        Instant now = clock.instant();
        update(i, to, "closed_at = :at, closed_by = :by, summary = :s",
                Map.of("at", DutyRows.ts(now), "by", access.actorName(), "s", s));
        step(centreId, id, IncidentLifecycle.Step.CLOSED, i.status(), to, now, s);
        Incident after = byId(id);
        audit.record(centreId, "DutyIncident", String.valueOf(id), "CLOSE", state(i), state(after));
        return after;
    }

    @Transactional(readOnly = true)
    public Incident incident(long centreId, long id) {
        access.requireCentre(centreId);
        return find(id).filter(x -> x.centreId() == centreId)
                .orElseThrow(() -> DomainException.notFound("duty.incident.notFound"));
    }

    @Transactional(readOnly = true)
    public Optional<Incident> find(long id) {
        return jdbc.sql("select * from duty_incident where id = :id").param("id", id).query(Incidents::map).optional();
    }

    @Transactional(readOnly = true)
    public List<Step> steps(long id) {
        return jdbc.sql("select * from duty_incident_step where incident_id = :id order by step_at, id").param("id", id)
                .query((rs, n) -> new Step(rs.getLong("id"), IncidentLifecycle.Step.valueOf(rs.getString("step")),
                        rs.getString("from_status") == null ? null : IncidentStatus.valueOf(rs.getString("from_status")),
                        IncidentStatus.valueOf(rs.getString("to_status")), DutyRows.instant(rs, "step_at"),
                        rs.getString("actor"), rs.getString("note"))).list();
    }

    /** The incidents of a centre, newest first; open ones only when asked. */
    @Transactional(readOnly = true)
    public List<Incident> list(long centreId, boolean openOnly) {
        return jdbc.sql("select * from duty_incident where centre_id = :c"
                        + (openOnly ? " and status <> 'CLOSED'" : "") + " order by occurred_at desc, id desc")
                .param("c", centreId).query(Incidents::map).list();
    }

    private static IncidentStatus move(Incident i, IncidentLifecycle.Step step) {
        return IncidentLifecycle.next(i.status(), step).orElseThrow(() -> DomainException.conflict(
                "duty.incident.step.notAllowed",
                new org.springframework.context.support.DefaultMessageSourceResolvable(
                        "duty.incident.status." + i.status().name())));
    }

    private void update(Incident i, IncidentStatus to, @Nullable String extra, Map<String, Object> params) {
        var spec = jdbc.sql("update duty_incident set status = :to, version = version + 1"
                        + (extra == null ? "" : ", " + extra) + " where id = :id and version = :v")
                .param("to", to.name()).param("id", i.id()).param("v", i.version());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        if (spec.update() == 0) {
            throw DomainException.conflict("duty.incident.changed");
        }
    }

    private void step(long centreId, long id, IncidentLifecycle.Step step, @Nullable IncidentStatus from,
            IncidentStatus to, Instant at, @Nullable String note) {
        jdbc.sql("insert into duty_incident_step (incident_id, centre_id, step, from_status, to_status, step_at, actor, "
                        + "note) values (:i, :c, :s, :f, :t, :at, :by, :n)")
                .param("i", id).param("c", centreId).param("s", step.name()).param("f", from == null ? null : from.name())
                .param("t", to.name()).param("at", DutyRows.ts(at)).param("by", access.actorName()).param("n", note)
                .update();
    }

    private Incident byId(long id) {
        return find(id).orElseThrow();
    }

    static String text(@Nullable String value, String field, String key, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, key);
        }
        String t = value.strip();
        if (t.length() > max) {
            throw DomainException.invalid(field, "duty.leaders.textTooLong", String.valueOf(max));
        }
        return t;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Incident map(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getLong("centre_id"), IncidentKind.valueOf(rs.getString("incident_kind")),
                rs.getString("place"), DutyRows.instant(rs, "occurred_at"), rs.getString("description"),
                rs.getInt("people_affected"), IncidentStatus.valueOf(rs.getString("status")),
                DutyRows.instant(rs, "reported_at"), rs.getString("reported_by"),
                DutyRows.instantOrNull(rs, "escalated_at"), rs.getString("escalated_to"),
                DutyRows.instantOrNull(rs, "closed_at"), rs.getString("closed_by"), rs.getString("summary"),
                rs.getInt("version"));
    }

    private static Map<String, Object> state(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", i.kind().name());
        m.put("place", i.place());
        m.put("occurredAt", i.occurredAt().toString());
        m.put("peopleAffected", i.peopleAffected());
        m.put("status", i.status().name());
        if (i.escalatedTo() != null) {
            m.put("escalatedTo", i.escalatedTo());
        }
        if (i.summary() != null) {
            m.put("summary", i.summary());
        }
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> m, String k, Object v) {
        m.put(k, v);
        return m;
    }
}
