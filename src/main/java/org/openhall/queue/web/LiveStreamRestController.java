package org.openhall.queue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.queue.internal.LiveHub;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live event stream of a centre over the API: server-sent events, {@code id:} the event id, {@code event:} its
 * type ({@code ticket.called}, {@code window.state}, … as documented on {@code LiveEvent}), {@code data:} its JSON. For
 * staff (HTTP Basic, a user who may see the centre) and the centre's devices (Bearer device token).
 */
@RestController
@Tag(name = "queue", description = "The hall floor (排队叫号)")
class LiveStreamRestController {

    private final LiveHub hub;
    private final LiveStreams streams;

    LiveStreamRestController(LiveHub hub, LiveStreams streams) {
        this.hub = hub;
        this.streams = streams;
    }

    @Operation(summary = "The live events of a centre as server-sent events (Q-4)", description = """
            Each event carries its id (id:), type (event:) and JSON data (data:). A reconnecting client sends \
            Last-Event-ID and first receives from the log every event after it, then live events; the first connect \
            may pass lastEventId instead. Without either the stream starts now. An event 'reset' (no id) means the \
            client was too far behind and should reload its state. Comment lines are heartbeats.""")
    @GetMapping(path = "/api/v1/queue/centres/{code}/events",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    SseEmitter events(@PathVariable String code,
            @Parameter(description = "the id of the last event received (set by EventSource on a reconnect)")
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @Parameter(description = "the id to resume after on the first connect")
            @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventId,
            @Nullable Authentication auth) {
        CentreInfo centre = streams.centreFor(code, auth);
        return hub.sse(centre.id(), LiveStreams.resumeAfter(lastEventIdHeader, lastEventId));
    }
}
