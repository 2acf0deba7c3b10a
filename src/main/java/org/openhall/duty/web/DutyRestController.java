package org.openhall.duty.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.duty.DutyApi;
import org.openhall.duty.DutyAssignment;
import org.openhall.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is on duty over REST (DUTY-1, DUTY-2; HTTP Basic): the published duty of the caller's centre after swaps. */
@RestController
@RequestMapping("/api/v1/duty")
@PreAuthorize("isAuthenticated()")
class DutyRestController {

    /** The longest span one request may ask for. */
    static final int MAX_DAYS = 62;

    private final DutyApi duty;
    private final DutyPageSupport pages;

    DutyRestController(DutyApi duty, DutyPageSupport pages) {
        this.duty = duty;
        this.pages = pages;
    }

    @GetMapping("/on-duty")
    @Operation(summary = "The published duty of the centre over [from, to] (at most 62 days): leader, duty staff and "
            + "supervisor per day, with servedByStaffId when a swap or substitute was filed")
    List<DutyAssignment> onDuty(
            @Parameter(description = "first day, ISO date") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, ISO date (inclusive)") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "centre id (ADMIN only; others get their own centre)") @RequestParam(required = false) @Nullable Long centre) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("to", "duty.roster.error.span", MAX_DAYS);
        }
        return duty.onDuty(pages.centreOf(centre).id(), from, to);
    }
}
