package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.internal.DisplayBoards;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.LiveHub;
import org.openhall.queue.internal.QueueRules;
import org.openhall.queue.internal.WindowNotices;
import org.openhall.security.DevicePrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hall display (叫号屏) and the window display (窗口屏) of, and the live stream of any hall device. Pages
 * open with the token the centre office issued to the device ({@code /devices/{token}/…}); a token that is unknown,
 * revoked or of another kind of device is the same 404, so that a guessed token learns nothing.
 */
@Controller
class DisplayController {

    /** Speech always in Chinese: the call text of the event is Chinese whatever the page language. */
    private static final String SPEECH_LANG = "zh-CN";

    private final ObjectProvider<Devices> devices;
    private final DisplayBoards boards;
    private final LiveHub hub;
    private final QueueRules rules;
    private final MessageSource messages;
    private final JsonMapper json;
    private final WindowNotices notices;

    DisplayController(ObjectProvider<Devices> devices, DisplayBoards boards, LiveHub hub, QueueRules rules,
            MessageSource messages, JsonMapper json, WindowNotices notices) {
        this.notices = notices;
        this.devices = devices;
        this.boards = boards;
        this.hub = hub;
        this.rules = rules;
        this.messages = messages;
        this.json = json;
    }

    /** The device of the path, of one of the kinds; 404 otherwise. */
    private DevicePrincipal device(String token, DeviceKind... kinds) {
        if (token.isBlank() || token.length() > 200) {
            throw new UnknownDevice();
        }
        Devices all = devices.getIfAvailable();
        if (all == null) {
            throw new UnknownDevice();
        }
        DevicePrincipal d = all.byToken(token).orElseThrow(UnknownDevice::new);
        for (DeviceKind k : kinds) {
            if (k.name().equals(d.kind())) {
                return d;
            }
        }
        throw new UnknownDevice();
    }

    @GetMapping("/devices/{token}/hall")
    String hall(@PathVariable String token, Model model, Locale locale) {
        DevicePrincipal d = device(token, DeviceKind.HALL_DISPLAY);
        DisplayBoards.HallBoard board = boards.hall(d.centreId());
        model.addAttribute("board", board);
        model.addAttribute("now", board.calls().isEmpty() ? null : board.calls().getFirst());
        model.addAttribute("zone", board.centre().zone());
        model.addAttribute("config", config(token, board.lastEventId(), board.centre().zone().getId(), null, true,
                locale));
        return "queue/display-hall";
    }

    /**
     * The people waiting per service, from the database: the hall display asks after ticket events (debounced) rather
     * than counting by itself, so its numbers never drift from the database's, on any node.
     */
    @GetMapping(path = "/devices/{token}/hall/waiting", produces = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    ResponseEntity<Map<String, Object>> hallWaiting(@PathVariable String token) {
        DevicePrincipal d = device(token, DeviceKind.HALL_DISPLAY);
        Map<String, Integer> waiting = new LinkedHashMap<>();
        boards.waiting(d.centreId()).forEach((service, count) -> waiting.put(Long.toString(service), count));
        return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore())
                .body(Map.of("waiting", waiting));
    }

    @GetMapping("/devices/{token}/window")
    String window(@PathVariable String token, @RequestParam(name = "voice", defaultValue = "false") boolean voice,
            Model model, Locale locale) {
        DevicePrincipal d = device(token, DeviceKind.WINDOW_DISPLAY);
        if (d.windowId() == null) {
            throw new UnknownDevice();
        }
        DisplayBoards.WindowBoard board = boards.window(d.windowId());
        model.addAttribute("board", board);
        model.addAttribute("w", board.window());
        // ATT-3: the absence notice sign (告知牌); a change after this read comes again on the stream (window.notice)
        model.addAttribute("notice", notices.shown(d.windowId()).orElse(null));
        model.addAttribute("zone", board.centre().zone());
        model.addAttribute("config", config(token, board.lastEventId(), board.centre().zone().getId(), d.windowId(),
                voice, locale));
        return "queue/display-window";
    }

    /** The centre's live events for any of its devices (displays, kiosks, rating pads), as server-sent events. */
    @GetMapping(path = "/devices/{token}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String token,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) @Nullable String lastEventId) {
        DevicePrincipal d = device(token, DeviceKind.values());
        Devices all = devices.getObject();
        // a device revoked while its stream is open is cut off at the next heartbeat (which also keeps its last-seen)
        return hub.sse(d.centreId(), LiveStreams.resumeAfter(lastEventIdHeader, lastEventId),
                () -> all.byToken(token).isPresent());
    }

    /** The page's settings for queue-display.js, as JSON in the page (texts from the messages, never in the script). */
    private String config(String token, long lastEventId, String zone, @Nullable Long windowId, boolean voice,
            Locale locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("events", "/devices/" + token + "/events");
        if (windowId == null) {
            c.put("waiting", "/devices/" + token + "/hall/waiting");
        }
        c.put("lastEventId", lastEventId);
        c.put("repeats", Math.max(1, rules.announcementRepeats()));
        c.put("maxCalls", Math.max(1, rules.hallDisplayCalls()));
        c.put("zone", zone);
        c.put("voice", voice);
        c.put("speechLang", SPEECH_LANG);
        if (windowId != null) {
            c.put("windowId", windowId);
        }
        Map<String, String> text = new LinkedHashMap<>();
        for (String key : List.of("reconnecting", "go", "none", "serving", "calling", "waiting-unit", "minutes-unit",
                "until", "alternatives", "no-alternatives", "reason", "enable-voice", "status.IDLE", "status.CALLING",
                "status.SERVING", "status.PAUSED", "status.SIGNED_OUT", "window.call", "window.serving",
                "window.idle", "window.staff", "window.paused", "window.signed-out", "window-number", "separator")) {
            text.put(key, messages.getMessage("queue.live." + key, null, locale));
        }
        for (String key : List.of("title", "away", "reason", "contact", "back", "stand-in")) {
            text.put("notice." + key, messages.getMessage("queue.notice." + key, null, locale));
        }
        c.put("text", text);
        // safe inside <script type="application/json">: no "<" can close the element
        return json.writeValueAsString(c).replace("<", "\\u003c");
    }

    /** An unknown, revoked or wrong device: 404 with a plain full-screen page. */
    static final class UnknownDevice extends RuntimeException {
        UnknownDevice() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(UnknownDevice.class)
    Object unknown(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return ResponseEntity.notFound().build();
        }
        response.setStatus(404);
        return "queue/display-unknown";
    }
}
