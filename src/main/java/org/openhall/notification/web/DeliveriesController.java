package org.openhall.notification.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openhall.notification.Channel;
import org.openhall.notification.DeliveryStatus;
import org.openhall.notification.internal.DeliveryLog;
import org.openhall.notification.internal.LoggedDelivery;
import org.openhall.notification.internal.Resends;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.security.Role;
import org.openhall.shared.DomainException;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.openhall.shared.web.PageMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The delivery log for the centre office and ADMIN: every e-mail, SMS and in-system message with its masked
 * recipient, status and reason, filtered by status and channel, so that failed notifications are seen; a FAILED
 * e-mail or SMS can be sent again (重发). The centre office sees its own centre, an ADMIN every centre.
 */
@Controller
@RequestMapping("/messages/deliveries")
@PreAuthorize("hasAnyRole('ADMIN','CENTRE_OFFICE')")
class DeliveriesController implements ErrorPageOnRefusal {

    /** The most deliveries the page lists. */
    static final int PAGE_LIMIT = 300;

    private final DeliveryLog log;
    private final Resends resends;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final PageMessages pages;
    private final ZoneId zone;

    DeliveriesController(DeliveryLog log, Resends resends, CurrentUsers users, MessageSource messages, PageMessages pages,
            @Value("${openhall.default-zone:Asia/Shanghai}") ZoneId zone) {
        this.log = log;
        this.resends = resends;
        this.users = users;
        this.messages = messages;
        this.pages = pages;
        this.zone = zone;
    }

    record Row(LoggedDelivery delivery, LocalDateTime createdAt, @Nullable LocalDateTime sentAt) {
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable DeliveryStatus status,
            @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable Long centre,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        CurrentUser user = users.require();
        Long scope = user.hasRole(Role.ADMIN) ? centre : user.centreId();
        if (scope == null && !user.hasRole(Role.ADMIN)) {
            throw DomainException.forbidden("ntf.delivery.forbidden");
        }
        List<Row> rows = log.list(new DeliveryLog.Filter(scope, status, channel, PAGE_LIMIT)).stream()
                .map(d -> new Row(d, d.createdAt().atZone(zone).toLocalDateTime(),
                        d.sentAt() == null ? null : d.sentAt().atZone(zone).toLocalDateTime()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("centre", scope);
        model.addAttribute("admin", user.hasRole(Role.ADMIN));
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("limit", PAGE_LIMIT);
        return htmx != null ? "notification/deliveries :: results" : "notification/deliveries";
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable long id, @RequestParam(required = false) @Nullable DeliveryStatus status,
            @RequestParam(required = false) @Nullable Channel channel, @RequestParam(required = false) @Nullable Long centre,
            RedirectAttributes redirect) {
        var locale = LocaleContextHolder.getLocale();
        try {
            LoggedDelivery d = resends.resend(id);
            if (d.status() == DeliveryStatus.SENT) {
                redirect.addFlashAttribute("flash", messages.getMessage("ntf.delivery.resent", new Object[] {id}, locale));
            } else {
                redirect.addFlashAttribute("flashError",
                        messages.getMessage("ntf.delivery.resendFailed", new Object[] {id}, locale));
            }
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", pages.requiredText(e));
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/messages/deliveries")
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParamIfPresent("channel", java.util.Optional.ofNullable(channel))
                .queryParamIfPresent("centre", java.util.Optional.ofNullable(centre))
                .build().toUriString();
    }
}
