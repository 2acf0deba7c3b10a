package org.openhall.queue.web;

import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.queue.internal.LiveHub;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.openhall.shared.DomainException;

/**
 * The live event stream for the staff pages: the supervisor's floor view and the window console listen here
 * with their login session; only staff who may see the centre.
 */
@Controller
class LiveStreamPageController {

    private final LiveHub hub;
    private final LiveStreams streams;

    LiveStreamPageController(LiveHub hub, LiveStreams streams) {
        this.hub = hub;
        this.streams = streams;
    }

    @GetMapping(path = "/queue/live/{centreCode}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String centreCode,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventId,
            @Nullable Authentication auth) {
        CentreInfo centre = streams.centreFor(centreCode, auth);
        return hub.sse(centre.id(), LiveStreams.resumeAfter(lastEventIdHeader, lastEventId));
    }

    /** A refused stream answers with its status and no body (an EventSource cannot show one). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Void> refused(DomainException e) {
        int status = e.httpStatus();
        return ResponseEntity.status(status).build();
    }
}
