package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.DeviceKind;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueuePageRules;
import org.openhall.queue.internal.QueueServices;
import org.openhall.queue.internal.Appointments;
import org.openhall.queue.internal.PageEstimates;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.security.DevicePrincipal;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The kiosk (排队机, Q-1, Q-3, Q-6): a full-screen touch page on a KIOSK device, opened with its token. The applicant
 * chooses a service (with the people waiting and the estimated wait), may say they belong to a special group (老年人,
 * 残疾人, 孕妇, 军人 — 先急后缓; the green channel is given by staff only) and gets a ticket with number, service, people
 * ahead, estimated wait and a QR code of its status page, printed for an 80 mm thermal printer (or A4 with
 * {@code ?paper=a4}). Every screen goes back to the start after a while. A closed hall or a reached daily cap is a clear
 * message, nothing is issued.
 */
@Controller
@RequestMapping("/devices/{token}/kiosk")
class KioskController implements DevicePage {

    /**
     * The on-screen keyboard of the check-in page, in alphabetical order (easier to find than QWERTY for people who do
     * not type): digits, then A–Z; booking codes and ID numbers (digits and X) need nothing else.
     */
    static final List<String> DIGITS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0");
    static final List<String> LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars().mapToObj(c -> String.valueOf((char) c)).toList();

    private final DeviceAccess access;
    private final QueueDesk desk;
    private final QueueServices services;
    private final PageEstimates estimates;
    private final OrganizationApi organization;
    private final TicketSlips slips;
    private final HallHours hours;
    private final QueuePageRules rules;
    private final Clock clock;
    private final PageMessages messages;
    private final org.springframework.beans.factory.ObjectProvider<Appointments> appointments;

    KioskController(DeviceAccess access, QueueDesk desk, QueueServices services, PageEstimates estimates,
            OrganizationApi organization, TicketSlips slips, HallHours hours, QueuePageRules rules, Clock clock,
            PageMessages messages, org.springframework.beans.factory.ObjectProvider<Appointments> appointments) {
        this.messages = messages;
        this.appointments = appointments;
        this.access = access;
        this.desk = desk;
        this.services = services;
        this.estimates = estimates;
        this.organization = organization;
        this.slips = slips;
        this.hours = hours;
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping
    String start(@PathVariable String token, Model model) {
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        common(kiosk, token, model);
        model.addAttribute("loads", estimates.forCentre(kiosk.centreId()));
        model.addAttribute("closed", hours.closedNow(kiosk.centreId()));
        // 预约签到 only where the centre takes appointments
        model.addAttribute("checkIn", appointments.getIfAvailable() != null && services.services(kiosk.centreId()).stream()
                .anyMatch(s -> s.active() && s.appointments()));
        return "queue/kiosk";
    }

    /** 预约签到: the booking code (or the scanned QR code of the confirmation) or the ID number. */
    @GetMapping("/check-in")
    String checkInForm(@PathVariable String token, Model model) {
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        if (appointments.getIfAvailable() == null) {
            throw new UnknownDeviceException();
        }
        common(kiosk, token, model);
        model.addAttribute("digits", DIGITS);
        model.addAttribute("letters", LETTERS);
        return "queue/kiosk-check-in";
    }

    /** Checks the booking in: a priority ticket at its slot, an ordinary one when late; refusals shown on the page. */
    @PostMapping("/check-in")
    String checkIn(@PathVariable String token, @RequestParam(required = false) @Nullable String code,
            HttpServletResponse response, Model model) {
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        Appointments a = appointments.getIfAvailable();
        if (a == null) {
            throw new UnknownDeviceException();
        }
        try {
            QueueDesk.IssuedTicket issued = a.checkIn(kiosk.centreId(), code == null ? "" : code,
                    "device:" + kiosk.deviceId());
            return "redirect:/devices/" + token + "/kiosk/tickets/" + issued.ticket().id() + "?new=1";
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            common(kiosk, token, model);
            model.addAttribute("digits", DIGITS);
        model.addAttribute("letters", LETTERS);
            model.addAttribute("errorText", messages.text(e));
            return "queue/kiosk-check-in";
        }
    }

    @GetMapping("/services/{serviceId}")
    String service(@PathVariable String token, @PathVariable long serviceId, Model model) {
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        common(kiosk, token, model);
        WaitEstimates.ServiceLoad load = estimates.forCentre(kiosk.centreId()).stream()
                .filter(l -> l.serviceId() == serviceId).findFirst()
                .orElseThrow(() -> DomainException.notFound("queue.pages.service.unknown"));
        model.addAttribute("load", load);
        model.addAttribute("reasons", PriorityReason.values());
        return "queue/kiosk-service";
    }

    @PostMapping("/tickets")
    String issue(@PathVariable String token, @RequestParam(required = false) @Nullable Long serviceId,
            @RequestParam(required = false) @Nullable PriorityReason reason, Model model) {
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        if (serviceId == null || services.service(serviceId).filter(s -> s.centreId() == kiosk.centreId()).isEmpty()) {
            throw DomainException.notFound("queue.pages.service.unknown");
        }
        QueueDesk.IssuedTicket issued = desk.issue(new QueueDesk.IssueRequest(kiosk.centreId(), serviceId,
                TicketChannel.KIOSK, reason == null ? PriorityClass.ORDINARY : PriorityClass.SPECIAL, reason, null, null,
                null, List.of()), "device:" + kiosk.deviceId());
        return "redirect:/devices/" + token + "/kiosk/tickets/" + issued.ticket().id() + "?new=1";
    }

    /** The ticket just issued, shown large and printed; the kiosk shows only its own centre's recent tickets. */
    @GetMapping("/tickets/{ticketId}")
    String ticket(@PathVariable String token, @PathVariable long ticketId,
            @RequestParam(required = false) @Nullable String paper, @RequestParam(name = "new", required = false)
            @Nullable String fresh, Model model) {
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        QueueDesk.TicketView t = desk.ticket(ticketId)
                .filter(x -> x.centreId() == kiosk.centreId())
                .filter(x -> !x.issuedAt().plus(rules.kioskTicketView()).isBefore(clock.instant()))
                .orElseThrow(() -> DomainException.notFound("queue.pages.ticket.unknown"));
        common(kiosk, token, model);
        model.addAttribute("slip", slips.slip(t, null));
        model.addAttribute("a4", "a4".equalsIgnoreCase(paper));
        model.addAttribute("autoPrint", rules.kioskAutoPrint() && fresh != null);
        return "queue/kiosk-ticket";
    }

    /** A refused issue (closed hall, cap reached, unknown service): a full-screen message, back to the start soon. */
    @org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
    String refused(DomainException e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
            Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(
                org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String token = vars == null ? "" : vars.getOrDefault("token", "");
        DevicePrincipal kiosk = access.require(token, DeviceKind.KIOSK);
        response.setStatus(e.httpStatus());
        common(kiosk, token, model);
        model.addAttribute("errorText", messages.text(e));
        model.addAttribute("errorKind", e.kind().name());
        return "queue/kiosk-message";
    }

    private void common(DevicePrincipal kiosk, String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("device", kiosk);
        model.addAttribute("centre", organization.centre(kiosk.centreId()).orElseThrow());
        model.addAttribute("rules", rules);
        model.addAttribute("home", "/devices/" + token + "/kiosk");
        model.addAttribute("now", java.time.LocalDateTime.ofInstant(clock.instant(),
                organization.centre(kiosk.centreId()).orElseThrow().zone()));
    }
}
