package org.openhall.duty.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.internal.DutyPageAccess;
import org.openhall.duty.internal.IncidentKind;
import org.openhall.duty.internal.IncidentStatus;
import org.openhall.duty.internal.Incidents;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents over REST (DUTY-7, HTTP Basic), for the duty desk's other tools: list, read with every step, report,
 * escalate to the leader on duty, record an action, close with a summary. The rules and roles are those of the pages;
 * a refusal is an RFC 9457 problem (400 bad input, 404 unknown or another centre's, 409 a step the state does not
 * allow, 422 nobody to escalate to).
 */
@RestController
@RequestMapping("/api/v1/duty/incidents")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE','LEADER','DEPT_HEAD','SUPERVISOR')")
class IncidentRestController {

    record StepView(String step, @Nullable IncidentStatus from, IncidentStatus to, Instant at, String actor,
            @Nullable String note) {
    }

    record IncidentView(long id, IncidentKind kind, String place, Instant occurredAt, String description,
            int peopleAffected, IncidentStatus status, Instant reportedAt, String reportedBy,
            @Nullable Instant escalatedAt, @Nullable String escalatedTo, @Nullable Instant closedAt,
            @Nullable String summary, @Nullable List<StepView> steps) {

        static IncidentView of(Incidents.Incident i, @Nullable List<Incidents.Step> steps) {
            return new IncidentView(i.id(), i.kind(), i.place(), i.occurredAt(), i.description(), i.peopleAffected(),
                    i.status(), i.reportedAt(), i.reportedBy(), i.escalatedAt(), i.escalatedTo(), i.closedAt(),
                    i.summary(), steps == null ? null : steps.stream().map(s -> new StepView(s.step().name(), s.from(),
                            s.to(), s.at(), s.actor(), s.note())).toList());
        }
    }

    record ActionBody(@Nullable String action) {
    }

    record CloseBody(@Nullable String summary) {
    }

    private final Incidents incidents;
    private final DutyPageAccess access;

    IncidentRestController(Incidents incidents, DutyPageAccess access) {
        this.incidents = incidents;
        this.access = access;
    }

    /** The incidents of the caller's centre (an ADMIN: {@code ?centre=}), newest first; {@code open=true}: not closed. */
    @GetMapping
    List<IncidentView> list(@RequestParam(required = false) @Nullable Long centre,
            @RequestParam(defaultValue = "false") boolean open) {
        return incidents.list(access.centreFor(centre), open).stream().map(i -> IncidentView.of(i, null)).toList();
    }

    @GetMapping("/{id}")
    IncidentView get(@PathVariable long id, @RequestParam(required = false) @Nullable Long centre) {
        return IncidentView.of(incidents.incident(access.centreFor(centre), id), incidents.steps(id));
    }

    /** Reports an incident; {@code occurredAt} is the centre's local time, e.g. {@code 2026-12-09T10:35}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IncidentView report(@RequestBody Incidents.Report report, @RequestParam(required = false) @Nullable Long centre) {
        long centreId = access.centreFor(centre);
        Incidents.Incident i = incidents.report(centreId, report);
        return IncidentView.of(i, incidents.steps(i.id()));
    }

    @PostMapping("/{id}/escalate")
    IncidentView escalate(@PathVariable long id, @RequestParam(required = false) @Nullable Long centre) {
        return IncidentView.of(incidents.escalate(access.centreFor(centre), id), incidents.steps(id));
    }

    @PostMapping("/{id}/actions")
    IncidentView act(@PathVariable long id, @RequestBody ActionBody body,
            @RequestParam(required = false) @Nullable Long centre) {
        return IncidentView.of(incidents.act(access.centreFor(centre), id, body.action()), incidents.steps(id));
    }

    @PostMapping("/{id}/close")
    IncidentView close(@PathVariable long id, @RequestBody CloseBody body,
            @RequestParam(required = false) @Nullable Long centre) {
        return IncidentView.of(incidents.close(access.centreFor(centre), id, body.summary()), incidents.steps(id));
    }
}
