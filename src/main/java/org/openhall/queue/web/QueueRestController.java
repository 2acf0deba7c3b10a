package org.openhall.queue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.organization.WindowInfo;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.TicketStatus;
import org.openhall.queue.WindowStatus;
import org.openhall.queue.internal.Devices;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueueDesk.IssueRequest;
import org.openhall.queue.internal.QueueDesk.IssuedTicket;
import org.openhall.queue.internal.QueueDesk.TicketView;
import org.openhall.queue.internal.QueueDesk.WindowView;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.DevicePrincipal;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hall floor over REST: tickets issued by a kiosk (device token, {@code Authorization: Bearer})
 * or by staff (HTTP Basic); the window commands for the staff member signed in at the window (WINDOW_STAFF of the
 * window's department or CENTRE_OFFICE); the windows and services of a centre for staff and the centre's devices;
 * device tokens for the centre office. Bad input is a 400 RFC 9457 problem naming the field, a refused state change a
 * 409 (calling from a window nobody signed in to, finishing twice), a closed hall 422, an unknown service 404; nothing
 * is written on any error. Responses carry no personal data beyond the masked name (SEC-2).
 */
@RestController
@RequestMapping("/api/v1/queue")
@Tag(name = "Queue (排队叫号)", description = "Tickets, calling at the windows, window states, hall devices")
@SecurityRequirement(name = "basic")
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "basic", type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP,
        scheme = "basic", description = "staff login")
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "device", type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP,
        scheme = "bearer", description = "the token the centre office issued to a hall device (kiosk, display, rating pad)")
class QueueRestController {

    private final QueueDesk desk;
    private final QueueServices services;
    private final Devices devices;
    private final OrganizationApi org;
    private final CurrentUsers users;
    private final ObjectProvider<WaitEstimates> estimates;
    private final Clock clock;

    QueueRestController(QueueDesk desk, QueueServices services, Devices devices, OrganizationApi org, CurrentUsers users,
            ObjectProvider<WaitEstimates> estimates, Clock clock) {
        this.desk = desk;
        this.services = services;
        this.devices = devices;
        this.org = org;
        this.users = users;
        this.estimates = estimates;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ bodies

    @Schema(description = "A ticket to issue: the service by id or code; priority ORDINARY (default) or SPECIAL with its "
            + "reason; staff may also issue GREEN_CHANNEL. Name and mobile are optional (Q-1).")
    record IssueBody(@Nullable Long serviceId, @Schema(example = "SB") @Nullable String serviceCode,
            @Nullable PriorityClass priority, @Nullable PriorityReason reason, @Nullable String applicantName,
            @Nullable String mobile, @Schema(description = "chained services (多窗联办) served after this one")
            @Nullable List<Long> nextServices) {
    }

    record TransferBody(@Nullable Long toServiceId, @Nullable Long toWindowId,
            @Schema(description = "转窗说明, required") @Nullable String note) {
    }

    record FinishBody(@Schema(description = "the case number (办件编号) if a case was taken in") @Nullable String caseNumber) {
    }

    @Schema(description = "暂停服务: a reason of the configured list and the expected return, as an instant or in minutes")
    record PauseBody(@Schema(example = "会议") @Nullable String reason, @Nullable String note, @Nullable Instant until,
            @Schema(example = "20") @Nullable Integer minutes) {
    }

    record DeviceBody(@Nullable DeviceKind kind, @Nullable String name, @Nullable Long windowId) {
    }

    // ------------------------------------------------------------------ responses

    @Schema(description = "A ticket as staff see it. The priority reason is never shown (Q-3), names only masked (Q-4).")
    record TicketResource(long id, String number, long serviceId, String serviceCode, String serviceName,
            TicketStatus status, TicketChannel channel, PriorityClass priority, @Nullable String maskedName,
            Instant issuedAt, Instant queuedAt, @Nullable Long windowId, @Nullable String windowNumber,
            @Nullable Instant calledAt, @Nullable Instant servingAt, @Nullable Instant finishedAt, int recallCount,
            int skipCount, @Nullable String transferNote, @Nullable String caseNumber) {

        static TicketResource of(TicketView t) {
            return new TicketResource(t.id(), t.number(), t.serviceId(), t.serviceCode(), t.serviceName(), t.status(),
                    t.channel(), t.priority(), t.maskedName(), t.issuedAt(), t.queuedAt(), t.windowId(), t.windowNumber(),
                    t.calledAt(), t.servingAt(), t.finishedAt(), t.recallCount(), t.skipCount(), t.transferNote(),
                    t.caseNumber());
        }
    }

    @Schema(description = "What the kiosk prints: number, service, people ahead, estimated wait, the code and link of "
            + "the public status page")
    record IssuedResource(TicketResource ticket, String publicCode, int peopleAhead, int estimatedWaitMinutes,
            String statusUrl) {
    }

    record WindowResource(long windowId, String number, String name, WindowStatus status, @Nullable String staffName,
            @Nullable TicketResource current, @Nullable String pauseReason, @Nullable String pauseNote,
            @Nullable Instant pauseUntil, Instant since, List<Long> serviceIds,
            @Schema(description = "other signed-in windows serving the same services (shown while paused)")
            List<String> alternatives) {

        static WindowResource of(WindowView w) {
            return new WindowResource(w.windowId(), w.number(), w.name(), w.status(), w.staffName(),
                    w.current() == null ? null : TicketResource.of(w.current()), w.pauseReason(), w.pauseNote(),
                    w.pauseUntil(), w.since(), w.serviceIds(), w.alternatives());
        }
    }

    record ServiceResource(long id, String code, String name, String prefix, boolean active, int rangeStart, int rangeEnd,
            @Nullable Integer dailyCap, boolean appointments, @Nullable Integer waiting,
            @Nullable Integer estimatedWaitMinutes) {
    }

    record DeviceResource(long id, DeviceKind kind, String name, @Nullable Long windowId, String tokenHint,
            Instant createdAt, @Nullable Instant revokedAt, @Nullable Instant lastSeenAt) {

        static DeviceResource of(Devices.DeviceView d) {
            return new DeviceResource(d.id(), d.kind(), d.name(), d.windowId(), d.tokenHint(), d.createdAt(), d.revokedAt(),
                    d.lastSeenAt());
        }
    }

    @Schema(description = "A new device and its token: shown this once, only its SHA-256 is kept")
    record IssuedDeviceResource(DeviceResource device, String token) {
    }

    // ------------------------------------------------------------------ tickets

    @Operation(summary = "Issue a ticket (取号) at a kiosk (device token of a KIOSK of the centre) or by staff of the centre",
            responses = {@ApiResponse(responseCode = "201", description = "the ticket with people ahead and estimated wait"),
                    @ApiResponse(responseCode = "400", description = "bad priority, reason, mobile, chained services",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "404", description = "unknown centre or service",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "409", description = "the service's daily cap is reached",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "422", description = "the hall is closed (holiday, weekend, outside opening hours)",
                            content = @Content(mediaType = "application/problem+json"))})
    @SecurityRequirement(name = "device")
    @PostMapping("/centres/{code}/tickets")
    ResponseEntity<IssuedResource> issue(@PathVariable String code, @RequestBody IssueBody body) {
        CentreInfo centre = centre(code);
        DevicePrincipal device = device();
        TicketChannel channel;
        String actor;
        if (device != null) {
            if (!DeviceKind.KIOSK.name().equals(device.kind()) || device.centreId() != centre.id()) {
                throw DomainException.forbidden("queue.api.deviceForbidden");
            }
            channel = TicketChannel.KIOSK;
            actor = "device:" + device.deviceId();
        } else {
            CurrentUser user = staffOf(centre);
            channel = TicketChannel.STAFF;
            actor = user.username();
        }
        PriorityClass priority = body.priority() == null ? PriorityClass.ORDINARY : body.priority();
        if (priority == PriorityClass.APPOINTMENT || (priority == PriorityClass.GREEN_CHANNEL && device != null)) {
            throw DomainException.invalid("priority", "queue.api.priority.notHere");
        }
        long serviceId = serviceId(centre, body.serviceId(), body.serviceCode());
        IssuedTicket issued = desk.issue(new IssueRequest(centre.id(), serviceId, channel, priority,
                priority == PriorityClass.SPECIAL ? body.reason() : null, body.applicantName(), body.mobile(), null,
                body.nextServices() == null ? List.of() : body.nextServices()), actor);
        TicketView t = issued.ticket();
        String status = "/api/v1/public/tickets/" + t.id() + "?code=" + t.publicCode();
        return ResponseEntity.created(URI.create("/api/v1/queue/tickets/" + t.id())).body(new IssuedResource(
                TicketResource.of(t), t.publicCode(), issued.peopleAhead(), issued.estimatedWaitMinutes(), status));
    }

    @Operation(summary = "A ticket of the caller's centre (staff)")
    @GetMapping("/tickets/{id}")
    TicketResource ticket(@PathVariable long id) {
        TicketView t = desk.ticket(id).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
        staffOf(centreById(t.centreId()));
        return TicketResource.of(t);
    }

    @Operation(summary = "过号 ticket comes back (kiosk of the centre or staff), within the configured time, once")
    @SecurityRequirement(name = "device")
    @PostMapping("/tickets/{id}/come-back")
    TicketResource comeBack(@PathVariable long id) {
        TicketView t = desk.ticket(id).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
        DevicePrincipal device = device();
        String actor;
        if (device != null) {
            if (!DeviceKind.KIOSK.name().equals(device.kind()) || device.centreId() != t.centreId()) {
                throw DomainException.forbidden("queue.api.deviceForbidden");
            }
            actor = "device:" + device.deviceId();
        } else {
            actor = staffOf(centreById(t.centreId())).username();
        }
        return TicketResource.of(desk.comeBack(id, actor));
    }

    @Operation(summary = "Cancel a waiting or skipped ticket (staff of the centre)")
    @PostMapping("/tickets/{id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        TicketView t = desk.ticket(id).orElseThrow(() -> DomainException.notFound("queue.ticket.notFound"));
        desk.cancel(id, staffOf(centreById(t.centreId())).username());
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ windows

    @Operation(summary = "Sign in at the window (签到): the caller's own staff record; one person per window, one window per person")
    @PostMapping("/windows/{windowId}/sign-in")
    WindowResource signIn(@PathVariable long windowId) {
        WindowInfo w = window(windowId);
        CurrentUser user = mayWork(w);
        if (user.staffId() == null) {
            throw DomainException.forbidden("queue.staff.noRecord");
        }
        return WindowResource.of(desk.signIn(windowId, user.staffId(), user.username()));
    }

    @Operation(summary = "Sign out (签退); a ticket still called or in service goes back to the front of its queue. "
            + "The signed-in person or the centre office.")
    @PostMapping("/windows/{windowId}/sign-out")
    WindowResource signOut(@PathVariable long windowId) {
        return WindowResource.of(desk.signOut(windowId, atWindow(windowId, true).username()));
    }

    @Operation(summary = "Call the next ticket by the priority rule (叫号); 204 when nobody waits",
            responses = {@ApiResponse(responseCode = "200", description = "the called ticket"),
                    @ApiResponse(responseCode = "204", description = "nobody waits for the window's services"),
                    @ApiResponse(responseCode = "409", description = "nobody signed in, paused, or a ticket still called / in service",
                            content = @Content(mediaType = "application/problem+json"))})
    @PostMapping("/windows/{windowId}/call-next")
    ResponseEntity<TicketResource> callNext(@PathVariable long windowId) {
        Optional<TicketView> called = desk.callNext(windowId, atWindow(windowId, false).username());
        return called.map(t -> ResponseEntity.ok(TicketResource.of(t))).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "Announce the called ticket again (重呼)")
    @PostMapping("/windows/{windowId}/recall")
    TicketResource recall(@PathVariable long windowId) {
        return TicketResource.of(desk.recall(windowId, atWindow(windowId, false).username()));
    }

    @Operation(summary = "The applicant is at the counter: service starts")
    @PostMapping("/windows/{windowId}/start")
    TicketResource start(@PathVariable long windowId) {
        return TicketResource.of(desk.start(windowId, atWindow(windowId, false).username()));
    }

    @Operation(summary = "过号: the called applicant did not come")
    @PostMapping("/windows/{windowId}/skip")
    TicketResource skip(@PathVariable long windowId) {
        return TicketResource.of(desk.skip(windowId, atWindow(windowId, false).username()));
    }

    @Operation(summary = "转窗: to another service (and optionally a named window) with a note, keeping the queue time")
    @PostMapping("/windows/{windowId}/transfer")
    TicketResource transfer(@PathVariable long windowId, @RequestBody TransferBody body) {
        String actor = atWindow(windowId, false).username();
        if (body.toServiceId() == null) {
            throw DomainException.invalid("toServiceId", "queue.api.toService.required");
        }
        return TicketResource.of(desk.transfer(windowId, body.toServiceId(), body.toWindowId(),
                body.note() == null ? "" : body.note(), actor));
    }

    @Operation(summary = "Finish the service (办结); 409 when nothing is in service (finishing twice)")
    @PostMapping("/windows/{windowId}/finish")
    TicketResource finish(@PathVariable long windowId, @RequestBody(required = false) @Nullable FinishBody body) {
        return TicketResource.of(desk.finish(windowId, body == null ? null : body.caseNumber(),
                atWindow(windowId, false).username()));
    }

    @Operation(summary = "暂停服务 with a reason of the configured list and the expected return")
    @PostMapping("/windows/{windowId}/pause")
    WindowResource pause(@PathVariable long windowId, @RequestBody PauseBody body) {
        String actor = atWindow(windowId, false).username();
        Instant until = body.until();
        if (until == null && body.minutes() != null) {
            if (body.minutes() < 1 || body.minutes() > 24 * 60) {
                throw DomainException.invalid("minutes", "queue.api.minutes.invalid");
            }
            until = clock.instant().plus(Duration.ofMinutes(body.minutes()));
        }
        if (until == null) {
            throw DomainException.invalid("until", "queue.api.until.required");
        }
        return WindowResource.of(desk.pause(windowId, body.reason() == null ? "" : body.reason(), body.note(), until, actor));
    }

    @Operation(summary = "Resume service after a pause")
    @PostMapping("/windows/{windowId}/resume")
    WindowResource resume(@PathVariable long windowId) {
        return WindowResource.of(desk.resume(windowId, atWindow(windowId, false).username()));
    }

    @Operation(summary = "The windows of a centre with their states (staff of the centre or its devices)")
    @SecurityRequirement(name = "device")
    @GetMapping("/centres/{code}/windows")
    List<WindowResource> windows(@PathVariable String code) {
        CentreInfo centre = readerOf(code);
        return desk.windows(centre.id()).stream().map(WindowResource::of).toList();
    }

    @Operation(summary = "The queue services of a centre, with people waiting and estimated wait when estimates are on")
    @SecurityRequirement(name = "device")
    @GetMapping("/centres/{code}/services")
    List<ServiceResource> services(@PathVariable String code) {
        CentreInfo centre = readerOf(code);
        Map<Long, WaitEstimates.ServiceLoad> load = new HashMap<>();
        WaitEstimates e = estimates.getIfAvailable();
        if (e != null) {
            e.forCentre(centre.id()).forEach(l -> load.put(l.serviceId(), l));
        }
        return services.services(centre.id()).stream().map(s -> {
            WaitEstimates.ServiceLoad l = load.get(s.id());
            return new ServiceResource(s.id(), s.code(), s.name(), s.prefix(), s.active(), s.rangeStart(), s.rangeEnd(),
                    s.dailyCap(), s.appointments(), l == null ? null : l.waiting(),
                    l == null ? null : l.estimatedWaitMinutes());
        }).toList();
    }

    // ------------------------------------------------------------------ devices

    @Operation(summary = "Issue a device token (kiosk, hall display, window display, rating pad); the token is shown once")
    @PreAuthorize("hasAnyRole('ADMIN', 'CENTRE_OFFICE')")
    @PostMapping("/centres/{code}/devices")
    ResponseEntity<IssuedDeviceResource> issueDevice(@PathVariable String code, @RequestBody DeviceBody body) {
        CentreInfo centre = centre(code);
        staffOf(centre);
        if (body.kind() == null) {
            throw DomainException.invalid("kind", "queue.device.kind.invalid");
        }
        Devices.IssuedDevice d = devices.issue(centre.id(), body.kind(), body.name() == null ? "" : body.name(),
                body.windowId());
        return ResponseEntity.created(URI.create("/api/v1/queue/devices/" + d.device().id()))
                .body(new IssuedDeviceResource(DeviceResource.of(d.device()), d.token()));
    }

    @Operation(summary = "The devices of a centre (token hints only)")
    @PreAuthorize("hasAnyRole('ADMIN', 'CENTRE_OFFICE')")
    @GetMapping("/centres/{code}/devices")
    List<DeviceResource> devices(@PathVariable String code) {
        CentreInfo centre = centre(code);
        staffOf(centre);
        return devices.devices(centre.id()).stream().map(DeviceResource::of).toList();
    }

    @Operation(summary = "Revoke a device token: the device is refused from now on")
    @PreAuthorize("hasAnyRole('ADMIN', 'CENTRE_OFFICE')")
    @PostMapping("/devices/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        devices.revoke(id);
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ access

    private static @Nullable DevicePrincipal device() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof DevicePrincipal d ? d : null;
    }

    private CentreInfo centre(String code) {
        return org.centreByCode(code).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.centre.notFound"));
    }

    private CentreInfo centreById(long id) {
        return org.centre(id).orElseThrow(() -> DomainException.notFound("queue.centre.notFound"));
    }

    /** A staff member who may see the centre; a centre outside the caller's scope is not found. */
    private CurrentUser staffOf(CentreInfo centre) {
        CurrentUser user = users.current().orElseThrow(() -> DomainException.forbidden("queue.api.staffOnly"));
        if (!user.canSeeCentre(centre.id())) {
            throw DomainException.notFound("queue.centre.notFound");
        }
        return user;
    }

    /** Staff of the centre or one of its devices. */
    private CentreInfo readerOf(String code) {
        CentreInfo centre = centre(code);
        DevicePrincipal device = device();
        if (device != null) {
            if (device.centreId() != centre.id()) {
                throw DomainException.notFound("queue.centre.notFound");
            }
        } else {
            staffOf(centre);
        }
        return centre;
    }

    private long serviceId(CentreInfo centre, @Nullable Long id, @Nullable String code) {
        if (id != null) {
            return id;
        }
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("serviceId", "queue.api.service.required");
        }
        return services.serviceByCode(centre.id(), code.strip()).map(QueueServices.ServiceView::id)
                .orElseThrow(() -> DomainException.notFound("queue.service.notFound"));
    }

    private WindowInfo window(long windowId) {
        WindowInfo w = org.window(windowId).filter(WindowInfo::active)
                .orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
        CurrentUser user = users.current().orElseThrow(() -> DomainException.forbidden("queue.api.staffOnly"));
        if (!user.canSeeCentre(w.centreId())) {
            throw DomainException.notFound("queue.window.notFound");
        }
        return w;
    }

    /** WINDOW_STAFF of the window's department, or the centre office of its centre. */
    private CurrentUser mayWork(WindowInfo w) {
        CurrentUser user = users.require();
        boolean clerk = user.hasRole(Role.WINDOW_STAFF) && Long.valueOf(w.departmentId()).equals(user.departmentId());
        boolean office = user.hasRole(Role.CENTRE_OFFICE) && user.canSeeCentre(w.centreId());
        if (!clerk && !office) {
            throw DomainException.forbidden("queue.api.windowForbidden", w.number());
        }
        return user;
    }

    /**
     * The caller works at the window and is the person signed in there (the centre office may also sign a window out).
     * A window nobody signed in to is the desk's 409, whoever asks.
     */
    private CurrentUser atWindow(long windowId, boolean officeMay) {
        WindowInfo w = window(windowId);
        CurrentUser user = mayWork(w);
        WindowView state = desk.window(windowId).orElseThrow(() -> DomainException.notFound("queue.window.notFound"));
        if (state.status() == WindowStatus.SIGNED_OUT) {
            throw DomainException.conflict("queue.window.notSignedIn", w.number());
        }
        boolean self = user.staffId() != null && user.staffId().equals(state.staffId());
        if (!self && !(officeMay && user.hasRole(Role.CENTRE_OFFICE))) {
            throw DomainException.forbidden("queue.staff.notAtWindow");
        }
        return user;
    }
}
