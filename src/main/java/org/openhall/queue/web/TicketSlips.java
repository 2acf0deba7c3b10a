package org.openhall.queue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.PageEstimates;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.shared.qr.QrCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a printed ticket and the public status page show: number, service, people ahead, estimated wait and
 * the QR code of the public status page {@code {openhall.public-url}/public/tickets/{id}?code=…}.
 */
@Component
class TicketSlips {

    private final OrganizationApi organization;
    private final PageEstimates estimates;
    private final Clock clock;
    private final String publicUrl;

    TicketSlips(OrganizationApi organization, PageEstimates estimates, Clock clock,
            @Value("${openhall.public-url:http://localhost:8080}") String publicUrl) {
        this.organization = organization;
        this.estimates = estimates;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The slip of a ticket; the estimate is taken now (the one printed at issue is {@code issued}'s). */
    Slip slip(QueueDesk.TicketView t, QueueDesk.@Nullable IssuedTicket issued) {
        CentreInfo centre = organization.centre(t.centreId()).orElseThrow();
        ZoneId zone = centre.zone();
        int ahead = 0;
        int minutes = 0;
        if (issued != null) {
            ahead = issued.peopleAhead();
            minutes = issued.estimatedWaitMinutes();
        } else if (t.status() == TicketStatus.WAITING) {
            WaitEstimates.Estimate e = estimates.forTicket(t.id());
            ahead = e.peopleAhead();
            minutes = e.minutes();
        }
        String statusPath = "/public/tickets/" + t.id() + "?code=" + URLEncoder.encode(t.publicCode(), StandardCharsets.UTF_8);
        String statusUrl = publicUrl + statusPath;
        String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(statusUrl, 240));
        return new Slip(t, centre.name(), ahead, minutes, LocalDateTime.ofInstant(t.issuedAt(), zone),
                LocalDateTime.ofInstant(t.queuedAt(), zone),
                t.calledAt() == null ? null : LocalDateTime.ofInstant(t.calledAt(), zone),
                LocalDateTime.ofInstant(clock.instant(), zone), statusPath, statusUrl, qr);
    }

    /**
     * @param statusPath the status page inside this application (links), {@code statusUrl} the public address (QR)
     */
    public record Slip(QueueDesk.TicketView ticket, String centreName, int peopleAhead, int minutes, LocalDateTime issuedAt,
            LocalDateTime queuedAt, @Nullable LocalDateTime calledAt, LocalDateTime now, String statusPath,
            String statusUrl, String qrDataUri) {

        public boolean waiting() {
            return ticket.status() == TicketStatus.WAITING;
        }

        /** Called or in service: the applicant goes to {@code ticket.windowNumber()}. */
        public boolean atWindow() {
            return ticket.status() == TicketStatus.CALLED || ticket.status() == TicketStatus.SERVING;
        }
    }
}
