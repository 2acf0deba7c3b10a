package org.openhall.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openhall.cases.CaseResult;
import org.openhall.cases.CaseStatus;
import org.openhall.cases.IntakeChannel;
import org.openhall.cases.NoticeKind;
import org.openhall.cases.SuspensionReason;
import org.openhall.cases.WarningLevel;
import org.openhall.cases.internal.CaseCommands;
import org.openhall.cases.internal.CaseRules;
import org.openhall.cases.internal.CaseCommands.Applicant;
import org.openhall.cases.internal.CaseCommands.MaterialCheck;
import org.openhall.cases.internal.CaseCommands.MaterialState;
import org.openhall.cases.internal.CaseView;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over REST (CASE-1..9), HTTP Basic for staff, the same data scope as the pages: a case outside it is a 404.
 * Bad input is a 400 RFC 9457 problem with {@code errors[]} naming the field, a refused transition a 409 (e.g.
 * completing twice, resuming a case that is not suspended, anything on an archived case); nothing is written on
 * any error. Personal data in responses is masked unless the role needs it (SEC-2); a full read is audited.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases (办件)", description = "Intake, supplements, the legal clock, processing, result, delivery, archive")
class CaseRestController {

    private final CaseCommands cases;
    private final OrganizationApi org;
    private final CurrentUsers users;
    private final CaseRules rules;

    CaseRestController(CaseCommands cases, OrganizationApi org, CurrentUsers users, CaseRules rules) {
        this.cases = cases;
        this.org = org;
        this.users = users;
        this.rules = rules;
    }

    // ------------------------------------------------------------------ bodies

    @Schema(description = "The applicant: a person (idNumber) or an organisation (creditCode); mobile always")
    record ApplicantBody(CaseCommands.@Nullable ApplicantKind kind, @Nullable String name, @Nullable String idNumber,
            @Nullable String creditCode, @Nullable String mobile, @Nullable String email, @Nullable String address) {
    }

    @Schema(description = "A material found not acceptable, with what is wrong (printed on the one-time notice)")
    record WrongBody(@Nullable String code, @Nullable String note) {
    }

    record DeferralBody(@Nullable Boolean commitmentSigned, @Nullable LocalDate supplyBy) {
    }

    record RejectionBody(@Nullable String reason, @Nullable String redirectTo) {
    }

    @Schema(description = "An intake. Materials of the item not listed under received, wrong or deferred count as missing.")
    record IntakeBody(
            @Schema(description = "centre code; absent = the signed-in user's centre") @Nullable String centreCode,
            @Schema(example = "T-ITEM-1") @Nullable String itemCode, @Nullable ApplicantBody applicant,
            @Schema(description = "codes of the materials received", example = "[\"M01\",\"M02\"]") @Nullable List<String> received,
            @Nullable List<WrongBody> wrong,
            @Schema(description = "codes of DEFERRABLE materials promised for later (容缺), needs a signed deferral") @Nullable List<String> deferred,
            @Nullable Long windowId, @Nullable Boolean greenChannel, @Nullable DeferralBody deferral,
            @Schema(description = "不予受理: the reason and where to go instead") @Nullable RejectionBody rejection) {
    }

    record SupplementBody(@Nullable List<String> received, @Nullable List<WrongBody> wrong, @Nullable String note) {
    }

    record SuspendBody(@Nullable SuspensionReason reason, @Nullable String note) {
    }

    record NoteBody(@Nullable String note) {
    }

    record ExtendBody(@Nullable Integer workingDays, @Nullable String reason,
            @Schema(description = "login of the approving LEADER or CENTRE_OFFICE user") @Nullable String approvedBy) {
    }

    record CompleteBody(@Nullable CaseResult result, @Nullable String reason,
            @Schema(description = "for REFUSED: how to apply for administrative reconsideration or sue") @Nullable String remedy) {
    }

    record RouteBody(@Nullable Long departmentId, @Nullable Long handlerStaffId, @Nullable String note) {
    }

    record OpinionBody(@Nullable Boolean agree, @Nullable String opinion) {
    }

    record ReviewBody(@Nullable Boolean pass, @Nullable String note) {
    }

    record DeliverBody(CaseCommands.@Nullable DeliveryMethod method, @Nullable String address,
            @Nullable String trackingNumber) {
    }

    // ------------------------------------------------------------------ responses

    record NoticeLink(NoticeKind kind, Instant issuedAt, String href) {
    }

    record MaterialView(String code, String name, String requirement, MaterialState state, @Nullable String note) {
    }

    record StepView(long id, String kind, @Nullable Long departmentId, @Nullable Long staffId, String actor,
            @Nullable String note, @Nullable LocalDate dueDate, String status, @Nullable String outcome,
            WarningLevel warningLevel, Instant createdAt, @Nullable Instant doneAt, @Nullable String doneBy) {
    }

    record SuspensionView(SuspensionReason reason, @Nullable String note, Instant startedAt, @Nullable Instant endedAt) {
    }

    /** A case as the API shows it; the applicant masked unless the role needs the full data. */
    record CaseResource(String number, CaseStatus status, String itemCode, String itemName, String itemType,
            long departmentId, @Nullable Long handlerStaffId, IntakeChannel channel, Applicant applicant,
            boolean greenChannel, Instant receivedAt, @Nullable Instant acceptedAt, @Nullable Instant clockStartedAt,
            @Nullable Integer limitDays, int extensionDays, int suspendedDays, @Nullable LocalDate dueDate,
            @Nullable LocalDate pendingMaterialsDue, WarningLevel warningLevel, @Nullable CaseResult result,
            @Nullable String resultReason, @Nullable String remedy, @Nullable Boolean completedOnTime,
            @Nullable String rejectionReason, @Nullable String redirectTo, boolean correctionLate,
            CaseCommands.@Nullable DeliveryMethod delivery, @Nullable String trackingNumber, int version,
            List<MaterialView> materials, List<StepView> steps, List<SuspensionView> suspensions, List<NoticeLink> notices) {

        static CaseResource of(CaseView c) {
            String base = "/api/v1/cases/" + c.number() + "/notices/";
            List<NoticeLink> links = new ArrayList<>();
            for (CaseView.Notice n : c.notices()) {
                links.add(new NoticeLink(n.kind(), n.issuedAt(), base + n.kind().name().toLowerCase(Locale.ROOT) + ".pdf"));
            }
            return new CaseResource(c.number(), c.status(), c.itemCode(), c.itemName(), c.itemType().name(),
                    c.departmentId(), c.handlerStaffId(), c.channel(), c.applicant(), c.greenChannel(), c.receivedAt(),
                    c.acceptedAt(), c.clockStartedAt(), c.limitDays(), c.extensionDays(), c.suspendedDays(), c.dueDate(),
                    c.pendingMaterialsDue(), c.warningLevel(), c.result(), c.resultReason(), c.remedy(),
                    c.completedOnTime(), c.rejectionReason(), c.redirectTo(), c.correctionLate(), c.delivery(),
                    c.trackingNumber(), c.version(),
                    c.materials().stream().map(m -> new MaterialView(m.code(), m.name(), m.requirement().name(), m.state(),
                            m.note())).toList(),
                    c.steps().stream().map(s -> new StepView(s.id(), s.kind(), s.departmentId(), s.staffId(), s.actor(),
                            s.note(), s.dueDate(), s.status(), s.outcome(), s.warningLevel(), s.createdAt(), s.doneAt(),
                            s.doneBy())).toList(),
                    c.suspensions().stream().map(s -> new SuspensionView(s.reason(), s.note(), s.startedAt(), s.endedAt()))
                            .toList(),
                    links);
        }
    }

    /** After a change, the case as the caller may read it (masked unless the role needs it). */
    private CaseResource answer(CaseView changed) {
        return CaseResource.of(cases.read(changed.number()));
    }

    // ------------------------------------------------------------------ endpoints

    @Operation(summary = "Intake (受理): ACCEPTED, CORRECTION_REQUIRED (一次性告知) or REJECTED, with the notices issued",
            responses = {@ApiResponse(responseCode = "201", description = "the case, with its number, status, due date and notice links"),
                    @ApiResponse(responseCode = "400", description = "unknown item, invalid ID / credit code / mobile, materials not in the item's list ...",
                            content = @Content(mediaType = "application/problem+json"))})
    @PostMapping
    ResponseEntity<CaseResource> intake(@RequestBody IntakeBody body) {
        long centreId = centre(body.centreCode());
        List<MaterialCheck> materials = new ArrayList<>();
        for (String code : nonNull(body.received())) {
            materials.add(new MaterialCheck(code, MaterialState.RECEIVED, null));
        }
        for (WrongBody w : nonNull(body.wrong())) {
            materials.add(new MaterialCheck(w.code(), MaterialState.WRONG, w.note()));
        }
        for (String code : nonNull(body.deferred())) {
            materials.add(new MaterialCheck(code, MaterialState.DEFERRED, null));
        }
        ApplicantBody a = body.applicant();
        Applicant applicant = a == null ? null
                : new Applicant(a.kind(), a.name(), a.idNumber(), a.creditCode(), a.mobile(), a.email(), a.address());
        if (applicant == null) {
            throw DomainException.invalid("applicant", "cases.applicant.required");
        }
        if (a.mobile() == null) {
            throw DomainException.invalid("applicant.mobile", "shared.mobile.invalid");
        }
        DeferralBody d = body.deferral();
        RejectionBody r = body.rejection();
        if (d != null && d.supplyBy() == null && !nonNull(body.deferred()).isEmpty()) {
            throw DomainException.invalid("deferral.supplyBy", "cases.deferral.supplyByRequired");
        }
        var request = new CaseCommands.IntakeRequest(centreId, body.itemCode() == null ? "" : body.itemCode(), applicant,
                materials, IntakeChannel.API, body.windowId(), Boolean.TRUE.equals(body.greenChannel()),
                d == null || d.supplyBy() == null ? null : new CaseCommands.Deferral(Boolean.TRUE.equals(d.commitmentSigned()), d.supplyBy()),
                r == null ? null : new CaseCommands.Rejection(r.reason() == null ? "" : r.reason(), r.redirectTo()));
        CaseView c = cases.intake(request);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + c.number())).body(answer(c));
    }

    @Operation(summary = "The case: status, deadline, materials, steps, suspensions and notice links")
    @GetMapping("/{number}")
    CaseResource get(@PathVariable String number) {
        return CaseResource.of(cases.read(number));
    }

    @Operation(summary = "Supplements (补正 / 容缺 materials) received; when nothing required is missing the case is accepted")
    @PostMapping("/{number}/supplements")
    CaseResource supplement(@PathVariable String number, @RequestBody SupplementBody body) {
        List<MaterialCheck> materials = new ArrayList<>();
        for (String code : nonNull(body.received())) {
            materials.add(new MaterialCheck(code, MaterialState.RECEIVED, null));
        }
        for (WrongBody w : nonNull(body.wrong())) {
            materials.add(new MaterialCheck(w.code(), MaterialState.WRONG, w.note()));
        }
        return answer(cases.supplement(number, materials, body.note()));
    }

    @Operation(summary = "不予受理 of a case waiting for corrections, with reason and where to go instead")
    @PostMapping("/{number}/reject")
    CaseResource reject(@PathVariable String number, @RequestBody RejectionBody body) {
        return answer(cases.reject(number, new CaseCommands.Rejection(body.reason() == null ? "" : body.reason(),
                body.redirectTo())));
    }

    @Operation(summary = "Stop the clock (Art. 45 or waiting for the applicant); issues the written SUSPENSION notice")
    @PostMapping("/{number}/suspend")
    CaseResource suspend(@PathVariable String number, @RequestBody SuspendBody body) {
        if (body.reason() == null) {
            throw DomainException.invalid("reason", "cases.suspend.reasonRequired");
        }
        return answer(cases.suspend(number, body.reason(), body.note()));
    }

    @Operation(summary = "Restart the clock; the due date moves by the working days the suspension covered completely")
    @PostMapping("/{number}/resume")
    CaseResource resume(@PathVariable String number, @RequestBody(required = false) @Nullable NoteBody body) {
        return answer(cases.resume(number, body == null ? null : body.note()));
    }

    @Operation(summary = "Extend the time limit once (Art. 42), approved by a leader or the centre office, before the deadline")
    @PostMapping("/{number}/extend")
    CaseResource extend(@PathVariable String number, @RequestBody ExtendBody body) {
        if (body.workingDays() == null) {
            throw DomainException.invalid("workingDays", "cases.extend.days", rules.maxExtensionDays());
        }
        return answer(cases.extend(number, body.workingDays(), body.reason() == null ? "" : body.reason(),
                body.approvedBy() == null ? "" : body.approvedBy()));
    }

    @Operation(summary = "Route to a department and, optionally, a handler of that department (分办)")
    @PostMapping("/{number}/route")
    CaseResource route(@PathVariable String number, @RequestBody RouteBody body) {
        if (body.departmentId() == null) {
            throw DomainException.invalid("departmentId", "cases.route.departmentUnknown");
        }
        return answer(cases.route(number, body.departmentId(), body.handlerStaffId(), body.note()));
    }

    @Operation(summary = "An assisting department's opinion on a joint item (会签)")
    @PostMapping("/{number}/opinions/{stepId}")
    CaseResource opinion(@PathVariable String number, @PathVariable long stepId, @RequestBody OpinionBody body) {
        if (body.agree() == null) {
            throw DomainException.invalid("agree", "cases.opinion.agreeRequired");
        }
        return answer(cases.opinion(number, stepId, body.agree(), body.opinion() == null ? "" : body.opinion()));
    }

    @Operation(summary = "The review (审核把关) of a flagged item")
    @PostMapping("/{number}/review")
    CaseResource review(@PathVariable String number, @RequestBody ReviewBody body) {
        if (body.pass() == null) {
            throw DomainException.invalid("pass", "cases.review.passRequired");
        }
        return answer(cases.review(number, body.pass(), body.note() == null ? "" : body.note()));
    }

    @Operation(summary = "Decide (办结): APPROVED, or REFUSED with reason and remedy; the applicant is notified")
    @PostMapping("/{number}/complete")
    CaseResource complete(@PathVariable String number, @RequestBody CompleteBody body) {
        if (body.result() == null) {
            throw DomainException.invalid("result", "cases.complete.resultRequired");
        }
        return answer(cases.complete(number, body.result(), body.reason(), body.remedy()));
    }

    @Operation(summary = "Hand over the result: PICKUP at a window, or MAIL with address and tracking number")
    @PostMapping("/{number}/deliver")
    CaseResource deliver(@PathVariable String number, @RequestBody DeliverBody body) {
        if (body.method() == null) {
            throw DomainException.invalid("method", "cases.deliver.methodRequired");
        }
        return answer(cases.deliver(number, body.method(), body.address(), body.trackingNumber()));
    }

    @Operation(summary = "File a COMPLETED or REJECTED case (归档); it is read-only afterwards")
    @PostMapping("/{number}/archive")
    CaseResource archive(@PathVariable String number) {
        return answer(cases.archive(number));
    }

    @Operation(summary = "A notice as issued (PDF): receipt, correction, deferral, rejection, suspension, extension, decision")
    @GetMapping(value = "/{number}/notices/{kind}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> notice(@PathVariable String number,
            @Parameter(description = "receipt, correction, deferral, rejection, suspension, extension, decision")
            @PathVariable String kind) {
        return pdf(cases, number, kind);
    }

    static ResponseEntity<byte[]> pdf(CaseCommands cases, String number, String kind) {
        NoticeKind k = NoticeKinds.parse(kind);
        byte[] content = cases.notice(number, k)
                .orElseThrow(() -> DomainException.notFound("cases.notice.notFound", kind));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(number + "-" + k.name().toLowerCase(Locale.ROOT) + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(content);
    }

    private long centre(@Nullable String code) {
        if (code != null && !code.isBlank()) {
            CentreInfo c = org.centreByCode(code.strip()).filter(CentreInfo::active)
                    .orElseThrow(() -> DomainException.invalid("centreCode", "cases.centre.unknownCode", code));
            return c.id();
        }
        Long own = users.current().map(CurrentUser::centreId).orElse(null);
        if (own == null) {
            throw DomainException.invalid("centreCode", "cases.centre.required");
        }
        return own;
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
