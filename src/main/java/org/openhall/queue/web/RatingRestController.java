package org.openhall.queue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.RatingLevel;
import org.openhall.queue.internal.Ratings;
import org.openhall.security.DevicePrincipal;
import org.openhall.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ratings from rating-pad devices over the API (Q-8, FB-1), {@code Authorization: Bearer <device token>}: the pad's
 * window is the device's; only the ticket just finished there can be rated, once (409 该次服务已评价).
 */
@RestController
@RequestMapping("/api/v1/queue/ratings")
@PreAuthorize("hasRole('DEVICE_RATING_PAD')")
@Tag(name = "queue", description = "排队叫号 — the hall floor")
class RatingRestController {

    private final Ratings ratings;

    RatingRestController(Ratings ratings) {
        this.ratings = ratings;
    }

    @Operation(summary = "The ticket the pad's window just finished, to be rated (204 when none)")
    @GetMapping("/pending")
    ResponseEntity<Ratings.Pending> pending(@AuthenticationPrincipal DevicePrincipal device) {
        return ratings.pending(window(device)).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Rate the service of the ticket just finished at the pad's window (FB-1, once per ticket)")
    @PostMapping
    ResponseEntity<RatingResponse> rate(@AuthenticationPrincipal DevicePrincipal device, @RequestBody RatingRequest body) {
        if (body.ticketId() == null) {
            throw DomainException.invalid("ticketId", "queue.pages.rating.unknownTicket");
        }
        RatingLevel level = RatingPadController.parse(body.level());
        Ratings.Rated r = ratings.rate(window(device), body.ticketId(), level,
                body.reasons() == null ? List.of() : body.reasons(), body.comment(), Ratings.Source.API);
        return ResponseEntity.created(URI.create("/api/v1/queue/ratings/" + r.ratingId()))
                .body(new RatingResponse(r.ratingId(), r.ticketId(), r.number(), r.level(), r.ratedAt()));
    }

    private static long window(DevicePrincipal device) {
        Long w = device.windowId();
        if (w == null) {
            throw DomainException.unprocessable("queue.pages.rating.noWindow");
        }
        return w;
    }

    /**
     * @param level   VERY_SATISFIED, SATISFIED, BASIC, DISSATISFIED or VERY_DISSATISFIED
     * @param reasons for DISSATISFIED / VERY_DISSATISFIED only, from the configured list
     */
    record RatingRequest(@Nullable Long ticketId, @Nullable String level, @Nullable List<String> reasons,
            @Nullable String comment) {
    }

    record RatingResponse(long id, long ticketId, String number, RatingLevel level, Instant ratedAt) {
    }
}
