package org.openhall.notification.web;

import java.time.ZoneId;
import java.util.List;
import org.openhall.notification.Inbox;
import org.openhall.notification.Message;
import org.openhall.notification.internal.DeliveryLog;
import org.openhall.security.CurrentUser;
import org.openhall.security.CurrentUsers;
import org.openhall.shared.web.ErrorPageOnRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in staff member's in-system messages (CASE-5 warnings, CASE-7 results): newest first, unread ones
 * highlighted, mark one or all read; and the unread count the navigation shows next to 消息. An account without a
 * staff record has no inbox and sees a short explanation.
 */
@Controller
@RequestMapping("/messages")
class MessagesController implements ErrorPageOnRefusal {

    /** The most messages the page lists. */
    static final int PAGE_LIMIT = 200;

    private final DeliveryLog log;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final ZoneId zone;

    MessagesController(DeliveryLog log, CurrentUsers users, MessageSource messages,
            @Value("${openhall.default-zone:Asia/Shanghai}") ZoneId zone) {
        this.log = log;
        this.users = users;
        this.messages = messages;
        this.zone = zone;
    }

    /** A message as the inbox shows it, its time in the centre's zone. */
    record Row(Message message, java.time.LocalDateTime sentAt, boolean unread) {
    }

    private static Inbox inbox(CurrentUser user) {
        return user.staffId() == null ? null : Inbox.staff(user.staffId());
    }

    @GetMapping
    String inbox(Model model) {
        Inbox inbox = inbox(users.require());
        List<Row> rows = inbox == null ? List.of() : log.messages(inbox, PAGE_LIMIT).stream()
                .map(m -> new Row(m, m.sentAt().atZone(zone).toLocalDateTime(), m.readAt() == null)).toList();
        model.addAttribute("hasInbox", inbox != null);
        model.addAttribute("rows", rows);
        model.addAttribute("unread", inbox == null ? 0 : log.unread(inbox));
        return "notification/messages";
    }

    /** The unread count for the navigation badge (loaded by htmx); empty when there is nothing unread. */
    @GetMapping("/unread-count")
    String unreadCount(Model model) {
        Inbox inbox = inbox(users.require());
        model.addAttribute("unread", inbox == null ? 0 : log.unread(inbox));
        return "notification/fragments :: count";
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id) {
        Inbox inbox = inbox(users.require());
        if (inbox != null) {
            log.markRead(inbox, id);
        }
        return "redirect:/messages";
    }

    @PostMapping("/read-all")
    String markAllRead(RedirectAttributes redirect) {
        Inbox inbox = inbox(users.require());
        int n = inbox == null ? 0 : log.markAllRead(inbox);
        redirect.addFlashAttribute("flash", messages.getMessage("ntf.inbox.markedAll", new Object[] {n},
                LocaleContextHolder.getLocale()));
        return "redirect:/messages";
    }
}
