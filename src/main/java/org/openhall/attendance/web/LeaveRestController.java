package org.openhall.attendance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.attendance.LeaveType;
import org.openhall.attendance.internal.LeaveForm;
import org.openhall.attendance.internal.LeaveRequests;
import org.openhall.attendance.internal.LeaveStage;
import org.openhall.security.CurrentUsers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leave requests over REST (ATT-2, HTTP Basic): file a request (or only see the chain it would get), list one's own,
 * the approver's queue, decide, withdraw, ask to revoke. The same rules as the pages; a refusal is an RFC 9457 problem
 * with a Chinese {@code detail} and nothing written.
 */
@RestController
@RequestMapping("/api/v1/attendance/leave")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Leave (请假)", description = "Leave requests and their approval chains (ATT-2)")
class LeaveRestController {

    private final LeaveRequests requests;
    private final CurrentUsers users;

    LeaveRestController(LeaveRequests requests, CurrentUsers users) {
        this.requests = requests;
        this.users = users;
    }

    @Schema(description = "A leave request to file. startHalf PM: the first day starts in the afternoon; endHalf AM: the "
            + "last day ends at noon. standInStaffId is required over two working days. emergency (事后补办): the leave has "
            + "already begun.")
    record LeaveBody(@Schema(example = "PERSONAL") @Nullable LeaveType type,
            @Schema(example = "2026-10-12") @Nullable LocalDate startDay, @Schema(allowableValues = {"AM", "PM"}) @Nullable String startHalf,
            @Schema(example = "2026-10-14") @Nullable LocalDate endDay, @Schema(allowableValues = {"AM", "PM"}) @Nullable String endHalf,
            @Schema(example = "家中老人住院需陪护") @Nullable String reason, @Nullable Long standInStaffId,
            @Nullable Boolean emergency) {

        LeaveForm form() {
            return new LeaveForm(type, startDay, "PM".equals(startHalf), endDay, "AM".equals(endHalf), reason,
                    standInStaffId, Boolean.TRUE.equals(emergency));
        }
    }

    @Schema(description = "A decision: APPROVE or REJECT (a rejection needs a comment); for a revocation CONFIRM or DECLINE")
    record DecisionBody(@Schema(allowableValues = {"APPROVE", "REJECT", "CONFIRM", "DECLINE"}) String decision,
            @Nullable String comment) {
    }

    @Schema(description = "The reason for asking to revoke approved leave")
    record RevokeBody(@Nullable String reason) {
    }

    @Schema(description = "A stage of the chain and who decides it (several approvers: jointly, all must approve)")
    record StageBody(LeaveStage stage, List<String> approvers) {
    }

    @Schema(description = "The approval chain a request gets: the rule, its working days, the stages, whether the approved "
            + "leave is filed with the centre office and whether a stand-in is required")
    record ChainBody(String rule, BigDecimal days, List<StageBody> stages, boolean fileWithOffice, boolean standInRequired) {
        static ChainBody of(LeaveRequests.Chain c) {
            return new ChainBody(c.kind().name(), c.days(), c.stages().stream()
                    .map(s -> new StageBody(s.stage(), s.approvers().stream().map(LeaveRequests.Approver::name).toList()))
                    .toList(), c.fileWithOffice(), c.standInRequired());
        }
    }

    @Schema(description = "A step of a request's chain with its decision")
    record StepBody(int stageNo, LeaveStage stage, String approver, String status, @Nullable Instant decidedAt,
            @Nullable String decidedBy, @Nullable String comment) {
        static StepBody of(LeaveRequests.Step s) {
            return new StepBody(s.stageNo(), s.stage(), s.approverName(), s.status(), s.decidedAt(), s.decidedBy(),
                    s.comment());
        }
    }

    @Schema(description = "A leave request; start and end are local times in the centre's zone, the end exclusive. "
            + "status: PENDING, APPROVED, REJECTED, WITHDRAWN, REVOKED")
    record LeaveView(long id, long staffId, String staffName, String department, LeaveType type, LocalDateTime start,
            LocalDateTime end, BigDecimal days, String reason, @Nullable Long standInStaffId, @Nullable String standInName,
            String status, boolean emergency, @Nullable String chain, boolean fileWithOffice, @Nullable Instant filedAt,
            Instant createdAt, @Nullable Instant decidedAt, @Nullable Instant revokeRequestedAt,
            @Nullable List<StepBody> steps) {
        static LeaveView of(LeaveRequests.Request r, @Nullable List<LeaveRequests.Step> steps) {
            return new LeaveView(r.id(), r.staffId(), r.staffName(), r.departmentName(), r.type(), r.start(), r.end(),
                    r.days(), r.reason(), r.standInStaffId(), r.standInName(), r.status(), r.emergency(), r.chain(),
                    r.fileWithOffice(), r.filedAt(), r.createdAt(), r.decidedAt(), r.revokeRequestedAt(),
                    steps == null ? null : steps.stream().map(StepBody::of).toList());
        }
    }

    @Schema(description = "A row of the approver's queue: a request to decide, or (revocation) a revocation to confirm")
    record QueueBody(boolean revocation, LeaveView request) {
    }

    @PostMapping("/chain")
    @Operation(summary = "The approval chain a request would get, without filing it")
    ChainBody chain(@RequestBody LeaveBody body) {
        return ChainBody.of(requests.preview(users.require(), body.form()));
    }

    @PostMapping
    @Operation(summary = "File a leave request for the signed-in staff member (201 with the request and its chain)")
    ResponseEntity<LeaveView> create(@RequestBody LeaveBody body) {
        var user = users.require();
        long id = requests.submit(user, body.form());
        return ResponseEntity.created(URI.create("/api/v1/attendance/leave/" + id)).body(detail(id));
    }

    @GetMapping
    @Operation(summary = "My leave requests, newest first")
    List<LeaveView> mine() {
        return requests.mine(users.require()).stream().map(r -> LeaveView.of(r, null)).toList();
    }

    @GetMapping("/queue")
    @Operation(summary = "待我审批: requests waiting for the signed-in approver, and revocations to confirm")
    List<QueueBody> queue() {
        return requests.queue(users.require()).stream()
                .map(i -> new QueueBody(i.revocation(), LeaveView.of(i.request(), null))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request with its chain (the applicant, the stand-in, its approvers, the office and leaders)")
    LeaveView one(@PathVariable long id) {
        return detail(id);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Approve or reject the step waiting for the signed-in approver; CONFIRM or DECLINE a revocation")
    LeaveView decide(@PathVariable long id, @RequestBody DecisionBody body) {
        var user = users.require();
        switch (body.decision() == null ? "" : body.decision()) {
            case "APPROVE" -> requests.decide(user, id, true, body.comment());
            case "REJECT" -> requests.decide(user, id, false, body.comment());
            case "CONFIRM" -> requests.decideRevocation(user, id, true, body.comment());
            case "DECLINE" -> requests.decideRevocation(user, id, false, body.comment());
            default -> throw org.openhall.shared.DomainException.invalid("decision", "att.leave.decision-required");
        }
        return detail(id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "The applicant withdraws a pending request")
    LeaveView withdraw(@PathVariable long id) {
        requests.withdraw(users.require(), id);
        return detail(id);
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "The applicant asks to revoke approved leave; the approvers of its last stage confirm")
    LeaveView revoke(@PathVariable long id, @RequestBody RevokeBody body) {
        requests.askRevocation(users.require(), id, body.reason());
        return detail(id);
    }

    private LeaveView detail(long id) {
        LeaveRequests.Detail d = requests.detail(users.require(), id);
        return LeaveView.of(d.request(), d.steps());
    }
}
