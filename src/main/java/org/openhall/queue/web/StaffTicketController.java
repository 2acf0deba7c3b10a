package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.PriorityClass;
import org.openhall.queue.PriorityReason;
import org.openhall.queue.TicketChannel;
import org.openhall.queue.internal.PageEstimates;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueuePageRules;
import org.openhall.queue.internal.QueueServices;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.openhall.shared.MobileNumber;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 导服台取号: staff issue a ticket for an applicant — at the information desk, for someone who cannot use the
 * kiosk, or with the green channel (绿色通道), which only staff may give. They choose the service, the class (ordinary,
 * one of the special groups 老年人 / 残疾人 / 孕妇 / 军人 with the same {@link PriorityReason} the kiosk records, or the
 * green channel) and optionally the applicant's mobile; the ticket (channel STAFF) is printed like the kiosk's, on 80 mm
 * thermal paper or A4. Bad input and a closed hall are inline Chinese messages; nothing is written then.
 */
@Controller
@RequestMapping("/queue/desk")
@PreAuthorize("hasAnyRole('WINDOW_STAFF','SUPERVISOR','CENTRE_OFFICE')")
class StaffTicketController {

    /** The choices of the form: ordinary, the special groups (Q-3, as at the kiosk) and the green channel. */
    public enum Kind {
        ORDINARY(PriorityClass.ORDINARY, null),
        ELDERLY(PriorityClass.SPECIAL, PriorityReason.ELDERLY),
        DISABLED(PriorityClass.SPECIAL, PriorityReason.DISABLED),
        PREGNANT(PriorityClass.SPECIAL, PriorityReason.PREGNANT),
        MILITARY(PriorityClass.SPECIAL, PriorityReason.MILITARY),
        GREEN_CHANNEL(PriorityClass.GREEN_CHANNEL, null);

        final PriorityClass priority;
        final @Nullable PriorityReason reason;

        Kind(PriorityClass priority, @Nullable PriorityReason reason) {
            this.priority = priority;
            this.reason = reason;
        }

        static Optional<Kind> parse(@Nullable String value) {
            for (Kind k : values()) {
                if (k.name().equals(value)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private final QueueDesk desk;
    private final QueueServices services;
    private final PageEstimates estimates;
    private final OrganizationApi organization;
    private final CurrentUsers users;
    private final TicketSlips slips;
    private final HallHours hours;
    private final QueuePageRules rules;
    private final PageMessages messages;
    private final Clock clock;

    StaffTicketController(QueueDesk desk, QueueServices services, PageEstimates estimates,
            OrganizationApi organization, CurrentUsers users, TicketSlips slips, HallHours hours, QueuePageRules rules,
            PageMessages messages, Clock clock) {
        this.desk = desk;
        this.services = services;
        this.estimates = estimates;
        this.organization = organization;
        this.users = users;
        this.slips = slips;
        this.hours = hours;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model) {
        return page(centre(), new DeskForm(), model);
    }

    @PostMapping("/tickets")
    String issue(@ModelAttribute("form") DeskForm form, org.springframework.validation.BindingResult binding,
            HttpServletResponse response, Model model) {
        CentreInfo centre = centre();
        Long serviceId = binding.hasFieldErrors("serviceId") ? null : form.getServiceId();
        boolean serviceOk = serviceId != null && services.service(serviceId)
                .filter(s -> s.centreId() == centre.id() && s.active()).isPresent();
        Optional<Kind> kind = Kind.parse(form.getKind());
        String mobile = form.getMobile() == null || form.getMobile().isBlank() ? null : form.getMobile().strip();
        boolean mobileOk = mobile == null || MobileNumber.isValid(mobile);
        if (!serviceOk || kind.isEmpty() || !mobileOk) {
            response.setStatus(400);
            if (!serviceOk) {
                model.addAttribute("serviceError", messages.text("queue.staff.desk.serviceRequired"));
            }
            if (kind.isEmpty()) {
                model.addAttribute("kindError", messages.text("queue.staff.desk.kindRequired"));
            }
            if (!mobileOk) {
                model.addAttribute("mobileError", messages.text("shared.mobile.invalid"));
            }
            return page(centre, form, model);
        }
        try {
            Kind k = kind.get();
            QueueDesk.IssuedTicket issued = desk.issue(new QueueDesk.IssueRequest(centre.id(), serviceId,
                    TicketChannel.STAFF, k.priority, k.reason, null, mobile, null, List.of()),
                    users.require().username());
            return "redirect:/queue/desk/tickets/" + issued.ticket().id() + "?new=1";
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            if ("mobile".equals(e.field())) {
                model.addAttribute("mobileError", messages.text(e));
            } else {
                model.addAttribute("error", messages.text(e));
            }
            return page(centre, form, model);
        }
    }

    /** The ticket just issued, printed at once (80 mm, or A4 with {@code ?paper=a4}); only tickets of the user's centre. */
    @GetMapping("/tickets/{ticketId}")
    String ticket(@PathVariable long ticketId, @RequestParam(required = false) @Nullable String paper,
            @RequestParam(name = "new", required = false) @Nullable String fresh, Model model) {
        CentreInfo centre = centre();
        QueueDesk.TicketView t = desk.ticket(ticketId)
                .filter(x -> x.centreId() == centre.id() && x.channel() == TicketChannel.STAFF)
                .orElseThrow(() -> DomainException.notFound("queue.pages.ticket.unknown"));
        boolean a4 = "a4".equalsIgnoreCase(paper);
        model.addAttribute("slip", slips.slip(t, null));
        model.addAttribute("a4", a4);
        model.addAttribute("autoPrint", rules.kioskAutoPrint() && fresh != null);
        return "queue/desk-ticket";
    }

    /** A refusal the page does not show inline (no centre, a ticket of another centre): the error page. */
    @org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model) {
        int status = e.httpStatus();
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }

    private String page(CentreInfo centre, DeskForm form, Model model) {
        model.addAttribute("centre", centre);
        model.addAttribute("loads", estimates.forCentre(centre.id()));
        model.addAttribute("closed", hours.closedNow(centre.id()));
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("form", form);
        model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), centre.zone()));
        return "queue/desk";
    }

    private CentreInfo centre() {
        CurrentUser user = users.require();
        if (user.centreId() == null) {
            throw DomainException.forbidden("queue.staff.desk.noCentre");
        }
        return organization.centre(user.centreId()).filter(CentreInfo::active)
                .orElseThrow(() -> DomainException.forbidden("queue.staff.desk.noCentre"));
    }

    /** The desk's form: service and mobile, and the class of the ticket. */
    public static class DeskForm extends TicketForm {
        private @Nullable String kind = Kind.ORDINARY.name();

        public @Nullable String getKind() {
            return kind;
        }

        public void setKind(@Nullable String kind) {
            this.kind = kind;
        }
    }
}
