package org.openhall.queue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openhall.organization.CentreInfo;
import org.openhall.organization.OrganizationApi;
import org.openhall.queue.internal.OnlineRateLimiter;
import org.openhall.queue.internal.OnlineTickets;
import org.openhall.queue.internal.QueueDesk;
import org.openhall.queue.internal.QueuePageRules;
import org.openhall.queue.internal.PageEstimates;
import org.openhall.queue.internal.WaitEstimates;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.PageMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 网上取号: taking a ticket on a mobile phone without login. The mobile number is required and checked
 * (MobileNumber); one mobile takes at most {@code openhall.queue.pages.online-tickets-per-mobile} tickets per centre
 * and day; requests are limited per client address (429 with Retry-After). The answer leads to the ticket's public
 * status page. Nothing is written when a request is refused.
 */
@Controller
class OnlineTicketController {

    private final OrganizationApi organization;
    private final PageEstimates estimates;
    private final OnlineTickets tickets;
    private final OnlineRateLimiter limiter;
    private final HallHours hours;
    private final QueuePageRules rules;
    private final PageMessages messages;

    OnlineTicketController(OrganizationApi organization, PageEstimates estimates, OnlineTickets tickets,
            OnlineRateLimiter limiter, HallHours hours, QueuePageRules rules, PageMessages messages) {
        this.organization = organization;
        this.estimates = estimates;
        this.tickets = tickets;
        this.limiter = limiter;
        this.hours = hours;
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/public/centres/{code}/queue")
    String form(@PathVariable String code, HttpServletResponse response, Model model) {
        return page(code, new OnlineForm(), response, model);
    }

    @PostMapping("/public/centres/{code}/queue")
    String take(@PathVariable String code, @ModelAttribute("form") OnlineForm form,
            org.springframework.validation.BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<CentreInfo> centre = centre(code);
        if (centre.isEmpty()) {
            return page(code, form, response, model);
        }
        Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds()));
            model.addAttribute("error", messages.text("queue.pages.online.tooMany", wait.get().toSeconds()));
            return page(code, form, response, model);
        }
        if (binding.hasErrors() || form.getServiceId() == null) {
            response.setStatus(400);
            model.addAttribute("serviceError", messages.text("queue.pages.online.serviceRequired"));
            return page(code, form, response, model);
        }
        if (!org.openhall.shared.MobileNumber.isValid(form.getMobile())) {
            response.setStatus(400);
            model.addAttribute("mobileError", messages.text("shared.mobile.invalid"));
            return page(code, form, response, model);
        }
        try {
            QueueDesk.IssuedTicket issued = tickets.issue(centre.get().id(), form.getServiceId(),
                    String.valueOf(form.getMobile()), form.getName());
            return "redirect:/public/tickets/" + issued.ticket().id() + "?code="
                    + URLEncoder.encode(issued.ticket().publicCode(), StandardCharsets.UTF_8) + "&new=1";
        } catch (DomainException e) {
            response.setStatus(e.httpStatus());
            if ("mobile".equals(e.field())) {
                model.addAttribute("mobileError", messages.text(e));
            } else {
                model.addAttribute("error", messages.text(e));
            }
            return page(code, form, response, model);
        }
    }

    private String page(String code, OnlineForm form, HttpServletResponse response, Model model) {
        Optional<CentreInfo> centre = centre(code);
        if (centre.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("notFound", true);
            return "queue/public-online";
        }
        model.addAttribute("centre", centre.get());
        model.addAttribute("loads", estimates.forCentre(centre.get().id()));
        model.addAttribute("closed", hours.closedNow(centre.get().id()));
        model.addAttribute("perMobile", rules.onlineTicketsPerMobile());
        model.addAttribute("form", form);
        return "queue/public-online";
    }

    private Optional<CentreInfo> centre(String code) {
        if (code.length() > 40) {
            return Optional.empty();
        }
        return organization.centreByCode(code).filter(CentreInfo::active);
    }

    /** The online form, with the applicant's name (optional); the mobile is never sent back to the browser in a URL. */
    public static class OnlineForm extends TicketForm {
        private @Nullable String name;

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }
    }
}
