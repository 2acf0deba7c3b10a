package org.openhall.queue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.TicketView;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public status of a ticket, opened from the QR code on the ticket without login: the ticket id and the
 * code printed on it. A wrong code answers exactly like an unknown id (404). No personal data (SEC-2): number,
 * service, status, the window once called, and people ahead / estimated wait while waiting (when estimates are on).
 */
@RestController
@Tag(name = "Queue (排队叫号)")
class PublicTicketController {

    private final QueueDesk desk;
    private final ObjectProvider<WaitEstimates> estimates;

    PublicTicketController(QueueDesk desk, ObjectProvider<WaitEstimates> estimates) {
        this.desk = desk;
        this.estimates = estimates;
    }

    @Schema(description = "A ticket's public status")
    record PublicTicket(long id, String number, String service, TicketStatus status, Instant queuedAt,
            @Nullable String window, @Nullable Integer peopleAhead, @Nullable Integer estimatedWaitMinutes) {
    }

    @Operation(summary = "Ticket status by id and the code printed on the ticket (no login)",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "404", description = "unknown ticket or wrong code",
                            content = @Content(mediaType = "application/problem+json"))})
    @GetMapping("/api/v1/public/tickets/{id}")
    PublicTicket status(@PathVariable long id, @Parameter(description = "the 6-character code on the ticket")
            @RequestParam String code) {
        TicketView t = desk.publicTicket(id, code).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
        Integer ahead = null;
        Integer minutes = null;
        WaitEstimates e = estimates.getIfAvailable();
        if (e != null && t.status() == TicketStatus.WAITING) {
            WaitEstimates.Estimate estimate = e.forTicket(t.id());
            ahead = estimate.peopleAhead();
            minutes = estimate.minutes();
        }
        boolean atWindow = t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING;
        return new PublicTicket(t.id(), t.number(), t.serviceName(), t.status(), t.queuedAt(),
                atWindow ? t.windowNumber() : null, ahead, minutes);
    }
}
